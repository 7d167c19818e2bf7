#include "faces/cli/context.h"

#include <unistd.h>

#include <iostream>

namespace ocindex::cli {

adapters::render::Format Context::format() const {
  if (auto parsed = adapters::render::ParseFormat(format_name)) return *parsed;
  // Tables for people, CSV for pipes.
  return isatty(STDOUT_FILENO) ? adapters::render::Format::kTable : adapters::render::Format::kCsv;
}

Result<std::unique_ptr<app::Engine>> Context::OpenEngine() const { return app::Engine::Open(db_path); }

Result<adapters::Catalog> Context::OpenCatalog() const { return app::OpenCatalog(db_path); }

void Context::Fail(const Error& error) {
  std::cerr << "ocindex: " << error.ToString() << '\n';
  exit_code = app::DispositionOf(error.code).exit_code;
}

void Context::Print(const adapters::render::Grid& grid) const { adapters::render::Write(grid, format(), std::cout); }

void Context::PrintParts(const std::vector<std::pair<std::string, adapters::render::Grid>>& parts) const {
  const adapters::render::Format chosen = format();
  if (chosen == adapters::render::Format::kJson) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [title, grid] : parts) out[title] = adapters::render::ToJson(grid);
    std::cout << out.dump(2) << '\n';
    return;
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) std::cout << '\n';
    if (chosen == adapters::render::Format::kTable) std::cout << parts[i].first << ":\n";
    adapters::render::Write(parts[i].second, chosen, std::cout);
  }
}

}  // namespace ocindex::cli
