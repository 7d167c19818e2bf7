// One Engine over a new store in a scratch directory, shared by a test suite: the
// bundled editions, plus whatever narratives a suite imports before they load.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "adapters/catalog/profiles.h"
#include "app/engine.h"
#include "support/fixtures.h"

namespace ocindex::test {

class AppEngineTest : public ::testing::Test {
 protected:
  // `narratives`: (ISO3, plain text) imported for 2021 before any edition loads.
  static void OpenEngine(const std::vector<std::pair<std::string, std::string>>& narratives = {}) {
    dir_ = new TempDir();
    auto engine = app::Engine::Open(dir_->File("ocindex.db"));
    ASSERT_TRUE(engine.ok()) << engine.error().ToString();
    engine_ = engine->release();
    for (const auto& [iso3, text] : narratives) {
      const std::string path = dir_->File(iso3 + ".txt");
      ASSERT_TRUE(WriteFile(path, text).ok());
      auto report = adapters::ImportProfile(engine_->catalog(), {path, iso3, "2021", "text", "tester", "", false});
      ASSERT_TRUE(report.ok()) << report.error().ToString();
    }
  }
  static void TearDownTestSuite() {
    delete engine_;
    delete dir_;
    engine_ = nullptr;
    dir_ = nullptr;
  }
  static inline TempDir* dir_ = nullptr;
  static inline app::Engine* engine_ = nullptr;
};

}  // namespace ocindex::test
