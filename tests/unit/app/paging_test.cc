// app::Page: the API's ?limit= and ?offset= read and applied to a row list.
#include "app/paging.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ocindex::app {
namespace {

Page Parsed(std::string_view limit, std::string_view offset) {
  auto page = Page::Parse(limit, offset);
  if (!page.ok() || !page->has_value()) {
    ADD_FAILURE() << "'" << limit << "', '" << offset << "' read as no page";
    return Page{};
  }
  return **page;
}

void ExpectRefused(std::string_view limit, std::string_view offset, const std::string& message) {
  auto page = Page::Parse(limit, offset);
  ASSERT_FALSE(page.ok()) << limit << " " << offset;
  EXPECT_EQ(page.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(page.error().message, message);
}

TEST(Page, NeitherParameterIsTheWholeList) {
  auto page = Page::Parse("", "");
  ASSERT_TRUE(page.ok());
  EXPECT_FALSE(page->has_value());
}

TEST(Page, ReadsLimitAndOffsetEachDefaultingAlone) {
  const Page both = Parsed("50", "100");
  EXPECT_EQ(both.limit, 50u);
  EXPECT_EQ(both.offset, 100u);
  EXPECT_EQ(Parsed("1", "").offset, 0u);
  EXPECT_EQ(Parsed("", "7").limit, Page::kMaxLimit);
  EXPECT_EQ(Parsed("10000", "0").limit, 10000u);
}

TEST(Page, RefusesWhatIsNotAWholeNumberInRangeNamingTheParameter) {
  const std::string limit = "limit must be a whole number from 1 to 10000; got ";
  for (const char* text : {"0", "-1", "+5", "1.5", "ten", " 5", "10001", "99999999999999999999999"}) {
    ExpectRefused(text, "", limit + "'" + text + "'");
  }
  for (const char* text : {"-1", "+1", "2e3", "x", "99999999999999999999999"}) {
    ExpectRefused("10", text, std::string("offset must be a whole number, 0 or more; got '") + text + "'");
  }
}

TEST(Page, KeepsItsRowsInOrderAndCountsThemAll) {
  const std::vector<int> all{1, 2, 3, 4, 5, 6, 7};
  std::vector<int> joined;
  for (size_t offset = 0; offset < all.size(); offset += 3) {
    std::vector<int> rows = all;
    EXPECT_EQ((Page{offset, 3}).Keep(rows), all.size());
    joined.insert(joined.end(), rows.begin(), rows.end());
  }
  EXPECT_EQ(joined, all);
  std::vector<int> last = all;
  (Page{6, 3}).Keep(last);
  EXPECT_EQ(last, std::vector<int>{7});
}

TEST(Page, PastTheEndIsEmpty) {
  std::vector<int> rows{1, 2, 3};
  EXPECT_EQ((Page{3, 10}).Keep(rows), 3u);
  EXPECT_TRUE(rows.empty());
  EXPECT_EQ((Page{1000, 10}).Bounds(3), (std::pair<size_t, size_t>{3, 3}));
  EXPECT_EQ((Page{0, 10}).Bounds(0), (std::pair<size_t, size_t>{0, 0}));
}

}  // namespace
}  // namespace ocindex::app
