#include "bundled_inputs.h"

#include <cstdio>
#include <cstdlib>

#include "adapters/catalog/catalog.h"

namespace ocindex::fuzz {
namespace {

template <typename T>
T OrAbort(Result<T> result) {
  if (!result) {
    std::fprintf(stderr, "fuzz: the bundled data does not load: %s\n", result.error().ToString().c_str());
    std::abort();
  }
  return std::move(*result);
}

}  // namespace

const core::Geography& Geography() {
  static const core::Geography geography = OrAbort(adapters::BundledGeography());
  return geography;
}

const std::vector<adapters::EditionToStore>& Editions() {
  static const std::vector<adapters::EditionToStore> editions = OrAbort(adapters::BundledEditions(Geography()));
  return editions;
}

const std::vector<core::Framework>& Frameworks() {
  static const std::vector<core::Framework> frameworks = [] {
    std::vector<core::Framework> out;
    for (const adapters::EditionToStore& edition : Editions()) out.push_back(edition.framework);
    return out;
  }();
  return frameworks;
}

}  // namespace ocindex::fuzz
