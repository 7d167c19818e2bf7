// The editions and countries a user works with: a Store, filled with the bundled
// data the first time it is opened, and read back as core::Editions.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "adapters/store/store.h"
#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/geography.h"

namespace ocindex::adapters {

// A framework as bundled or stored: parsed, with the TOML text it came from.
struct FrameworkSource {
  core::Framework framework;
  std::string toml;
};

class Catalog {
 public:
  // Takes the store; fills it with the bundled editions and countries if it is empty.
  static Result<Catalog> Open(std::unique_ptr<Store> store);

  Store& store() { return *store_; }
  const core::Geography& geography() const { return geography_; }

  Result<std::vector<EditionInfo>> Editions() { return store_->ListEditions(); }
  // The current revision of an edition. kNotFound lists the stored editions.
  Result<core::Edition> Load(const std::string& edition);
  // The edition's `previous` edition if stored, else nullopt.
  Result<std::optional<core::Edition>> LoadPrevious(const core::Edition& edition);
  // The newest stored edition's id (editions sort as text: "2025" > "2023").
  Result<std::string> LatestEdition();
  // Frameworks that imports can map data onto: every stored edition's, then the
  // bundled ones for editions not stored.
  Result<std::vector<FrameworkSource>> KnownFrameworks();

 private:
  Catalog(std::unique_ptr<Store> store, core::Geography geography)
      : store_(std::move(store)), geography_(std::move(geography)) {}
  std::unique_ptr<Store> store_;
  core::Geography geography_;
};

// The frameworks, editions and country list compiled into the binary.
Result<std::vector<FrameworkSource>> BundledFrameworks();
Result<std::vector<EditionToStore>> BundledEditions(const core::Geography& geography);
Result<core::Geography> BundledGeography();

}  // namespace ocindex::adapters
