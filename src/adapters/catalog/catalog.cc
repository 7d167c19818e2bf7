#include "adapters/catalog/catalog.h"

#include <fmt/format.h>

#include "adapters/bundled/bundled_data.h"
#include "adapters/io/csv_reader.h"
#include "adapters/io/dataset_reader.h"
#include "adapters/io/framework_toml.h"
#include "adapters/io/geography_csv.h"

namespace ocindex::adapters {

Result<core::Geography> BundledGeography() {
  return io::ParseGeographyCsv(BundledContent("geography/countries.csv"), "bundled geography/countries.csv");
}

Result<std::vector<FrameworkSource>> BundledFrameworks() {
  std::vector<FrameworkSource> out;
  for (const BundledFile& file : BundledFiles()) {
    if (!file.path.starts_with("frameworks/")) continue;
    auto framework = io::ParseFramework(file.content, "bundled " + std::string(file.path));
    if (!framework) return framework.error();
    out.push_back({std::move(*framework), std::string(file.content)});
  }
  return out;
}

Result<std::vector<EditionToStore>> BundledEditions(const core::Geography& geography) {
  auto frameworks = BundledFrameworks();
  if (!frameworks) return frameworks.error();
  std::vector<EditionToStore> out;
  for (FrameworkSource& source : *frameworks) {
    // data/editions/<framework id>.csv holds the framework's scores.
    const std::string path = "editions/" + source.framework.id + ".csv";
    auto table = io::ParseCsv(BundledContent(path), "bundled " + path);
    if (!table) return table.error();
    auto dataset = io::ReadDataset(*table, source.framework, geography);
    if (!dataset) return dataset.error();
    out.push_back({std::move(source.framework), std::move(source.toml), std::move(*dataset), "bundled data/" + path, {}});
  }
  return out;
}

Result<Catalog> Catalog::Open(std::unique_ptr<Store> store) {
  auto empty = store->IsEmpty();  // cheap; FillIfEmpty checks again under the write lock
  if (!empty) return empty.error();
  if (*empty) {
    auto bundled_geography = BundledGeography();
    if (!bundled_geography) return bundled_geography.error();
    auto editions = BundledEditions(*bundled_geography);
    if (!editions) return editions.error();
    auto filled = store->FillIfEmpty(*bundled_geography, *editions);
    if (!filled) return filled.error();
  }
  auto geography = store->LoadGeography();
  if (!geography) return geography.error();
  return Catalog(std::move(store), std::move(*geography));
}

Result<core::Edition> Catalog::Load(const std::string& edition) {
  auto stored = store_->LoadEdition(edition);
  if (!stored) return stored.error();
  auto framework = io::ParseFramework(stored->framework_toml, "stored framework of edition " + edition);
  if (!framework) return framework.error();
  core::Edition loaded{std::move(*framework), std::move(stored->dataset)};
  if (!loaded.dataset.Fits(loaded.framework)) {
    return MakeError(ErrorCode::kCorrupt, "stored scores of edition " + edition + " do not follow its framework");
  }
  return loaded;
}

Result<std::optional<core::Edition>> Catalog::LoadPrevious(const core::Edition& edition) {
  if (edition.framework.previous.empty()) return std::optional<core::Edition>();
  auto previous = Load(edition.framework.previous);
  if (!previous) {
    if (previous.error().code == ErrorCode::kNotFound) return std::optional<core::Edition>();
    return previous.error();
  }
  return std::optional<core::Edition>(std::move(*previous));
}

Result<std::string> Catalog::LatestEdition() {
  auto editions = store_->ListEditions();
  if (!editions) return editions.error();
  if (editions->empty()) return MakeError(ErrorCode::kNotFound, "no edition is stored; import one with `ocindex import`");
  std::string latest;
  for (const EditionInfo& info : *editions) latest = std::max(latest, info.edition);
  return latest;
}

Result<std::vector<FrameworkSource>> Catalog::KnownFrameworks() {
  std::vector<FrameworkSource> out;
  auto editions = store_->ListEditions();
  if (!editions) return editions.error();
  for (const EditionInfo& info : *editions) {
    auto toml = store_->LoadFrameworkToml(info.edition);
    if (!toml) return toml.error();
    auto framework = io::ParseFramework(*toml, "stored framework of edition " + info.edition);
    if (!framework) return framework.error();
    out.push_back({std::move(*framework), std::move(*toml)});
  }
  auto bundled = BundledFrameworks();
  if (!bundled) return bundled.error();
  for (FrameworkSource& source : *bundled) {
    bool stored = false;
    for (const FrameworkSource& known : out) stored = stored || known.framework.edition == source.framework.edition;
    if (!stored) out.push_back(std::move(source));
  }
  return out;
}

}  // namespace ocindex::adapters
