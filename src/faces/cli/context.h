// What every command shares: the database location, the output format, and how an
// error becomes a message and an exit code.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "adapters/catalog/catalog.h"
#include "adapters/render/grid.h"
#include "app/engine.h"
#include "app/error_disposition.h"
#include "core/error.h"

namespace ocindex::cli {

using app::kExitInternal;
using app::kExitInvalidInput;
using app::kExitOk;
using app::kExitUsage;

struct Context {
  std::string db_path;
  std::string format_name;  // "", table, csv, json
  int exit_code = kExitOk;

  adapters::render::Format format() const;
  // Opens (creating and filling on first use) the database.
  Result<std::unique_ptr<app::Engine>> OpenEngine() const;
  // The same database as a bare catalog, for the commands that work on it directly.
  Result<adapters::Catalog> OpenCatalog() const;
  // Reports an error on stderr and records its exit code (app::DispositionOf).
  void Fail(const Error& error);
  // Writes a grid to stdout in the chosen format.
  void Print(const adapters::render::Grid& grid) const;
  // Several titled grids: tables each under its title, CSV tables one after another
  // with a blank line between, JSON one object keyed by the titles.
  void PrintParts(const std::vector<std::pair<std::string, adapters::render::Grid>>& parts) const;
};

}  // namespace ocindex::cli
