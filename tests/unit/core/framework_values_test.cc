// Edition ids and framework text (issue 18): what a framework may hold before it is
// stored, by whichever path it arrives.
#include "core/model/framework_values.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

TEST(FrameworkValues, EditionIdsArePlainTokens) {
  for (const std::string& id : std::vector<std::string>{"2021", "2025", "2023-draft", "v2.1", "R_2027", "2025.", std::string(32, '9')}) {
    EXPECT_TRUE(CheckEditionId(id).ok()) << id;
  }
  for (const std::string& id : std::vector<std::string>{"", "../../etc", "2025/x", "a..b", ".hidden", "-2025", "_x", "20 25", "2025\n",
                               "é2025", std::string(33, '9')}) {
    Status checked = CheckEditionId(id);
    ASSERT_FALSE(checked.ok()) << id;
    EXPECT_EQ(checked.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(checked.error().message.find("not a plain id"), std::string::npos) << checked.error().message;
  }
}

TEST(FrameworkValues, MessagesDoNotEchoAHostileValueWhole) {
  Status checked = CheckEditionId(std::string(1 << 20, '/'));
  ASSERT_FALSE(checked.ok());
  EXPECT_LT(checked.error().message.size(), 300u);
  checked = CheckEditionId("a\x01");
  ASSERT_FALSE(checked.ok());
  EXPECT_NE(checked.error().message.find("'a\\x01'"), std::string::npos) << checked.error().message;
}

TEST(FrameworkValues, NamesAreBoundedOneLineTextCountedInCharacters) {
  EXPECT_TRUE(CheckFrameworkField("name", std::string(200, 'x')).ok());
  EXPECT_TRUE(CheckFrameworkField("name", "Côte d'Ivoire").ok());
  // 200 two-byte characters are 200 characters, not 400.
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "é";
  EXPECT_TRUE(CheckFrameworkField("name", accented).ok());
  EXPECT_FALSE(CheckFrameworkField("name", std::string(201, 'x')).ok());
  EXPECT_FALSE(CheckFrameworkField("name", "a\tb").ok());
  EXPECT_FALSE(CheckFrameworkField("publisher", "a\x7f").ok());
  EXPECT_TRUE(CheckFrameworkField("definition", "One.\n\tTwo.").ok());
  EXPECT_FALSE(CheckFrameworkField("definition", "One.\rTwo.").ok());
  EXPECT_FALSE(CheckFrameworkField("id", std::string(65, 'x')).ok());
  EXPECT_TRUE(CheckFrameworkField("previous", "").ok());
  EXPECT_FALSE(CheckFrameworkField("edition", "").ok());
}

TEST(FrameworkValues, AFrameworkBuiltInCodeIsCheckedFieldByField) {
  Framework framework = test_support::MiniGoci("2023");
  EXPECT_TRUE(CheckFrameworkValues(framework).ok());
  framework.edition = "../../etc";
  Status checked = CheckFrameworkValues(framework);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().where, "[framework]");
  framework.edition = "2023";
  framework.nodes[0].name = std::string(20 << 20, 'n');
  checked = CheckFrameworkValues(framework);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().where, "node " + framework.nodes[0].id);
  EXPECT_EQ(checked.error().message, "'name' is 20971520 characters long; expected at most 200");
}

}  // namespace
}  // namespace ocindex::core
