// The bundled editions (data/ compiled into the binary), parsed once per test binary:
// tests that check the engine against the published figures start from these.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/catalog/catalog.h"

namespace ocindex::test {

inline const std::vector<adapters::EditionToStore>& BundledEditionList() {
  static const auto* editions = [] {
    auto geography = adapters::BundledGeography();
    EXPECT_TRUE(geography) << geography.error().ToString();
    auto loaded = adapters::BundledEditions(*geography);
    EXPECT_TRUE(loaded) << loaded.error().ToString();
    return new std::vector<adapters::EditionToStore>(loaded ? std::move(*loaded)
                                                            : std::vector<adapters::EditionToStore>{});
  }();
  return *editions;
}

// One bundled edition by id ("2021"); a test failure (and the first edition) if absent.
inline const adapters::EditionToStore& BundledEdition(const std::string& id) {
  for (const auto& edition : BundledEditionList()) {
    if (edition.framework.edition == id) return edition;
  }
  ADD_FAILURE() << "no bundled edition " << id;
  return BundledEditionList().front();
}

}  // namespace ocindex::test
