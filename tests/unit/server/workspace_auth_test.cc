#include "faces/server/workspace_auth.h"

#include <gtest/gtest.h>

#include <string>

namespace ocindex::server {
namespace {

Request WithIfMatch(std::string value) {
  Request request;
  request.headers["if-match"] = std::move(value);
  return request;
}

TEST(IfMatchVersion, ReadsQuotedVersions) {
  EXPECT_EQ(IfMatchVersion(Request{}), -1);
  EXPECT_EQ(IfMatchVersion(WithIfMatch("\"v3\"")), 3);
  EXPECT_EQ(IfMatchVersion(WithIfMatch("\"12\"")), 12);
  EXPECT_EQ(IfMatchVersion(WithIfMatch("v3")), -2);
  EXPECT_EQ(IfMatchVersion(WithIfMatch("\"v3x\"")), -2);
}

// The fuzz preset's clang (-Wdangling-gsl) found the header read through a string_view
// into the temporary string Request::Header returned; under ASan both tests then fail
// (stack-use-after-scope, or heap-use-after-free for a value too long for the
// small-string buffer).
TEST(IfMatchVersion, LongHeaderIsReadFromLiveMemory) {
  EXPECT_EQ(IfMatchVersion(WithIfMatch("\"" + std::string(40, '0') + "7\"")), 7);
}

}  // namespace
}  // namespace ocindex::server
