// A server's warm-up (Engine::Warm): it loads every stored edition and ranks each, so
// that the first profile asked does not wait for the ranks of every unit.
#include <gtest/gtest.h>

#include "app/engine.h"
#include "support/fixtures.h"

namespace ocindex::app {
namespace {

TEST(EngineWarm, LoadsAndRanksEveryStoredEdition) {
  test::TempDir dir;
  auto engine = Engine::Open(dir.File("ocindex.db"));
  ASSERT_TRUE(engine.ok()) << engine.error().ToString();
  const std::vector<std::string> ids = (*engine)->edition_ids();
  ASSERT_EQ(ids.size(), 3u);  // the bundled 2021, 2023 and 2025
  for (const std::string& id : ids) {
    auto edition = (*engine)->Edition(id);
    ASSERT_TRUE(edition.ok()) << edition.error().ToString();
    EXPECT_FALSE((*edition)->is_ranked()) << id << ": loading alone ranks nothing";
  }
  ASSERT_TRUE((*engine)->Warm().ok());
  for (const std::string& id : ids) {
    auto edition = (*engine)->Edition(id);
    ASSERT_TRUE(edition.ok()) << edition.error().ToString();
    EXPECT_TRUE((*edition)->is_ranked()) << id;
    EXPECT_EQ((*edition)->Ranked().ranks().size() % (*edition)->edition.dataset.countries.size(), 0u) << id;
  }
}

}  // namespace
}  // namespace ocindex::app
