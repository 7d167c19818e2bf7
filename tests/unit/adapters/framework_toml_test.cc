// Framework files: the bundled ones load, a user's own loads the same way, and every
// malformed file is refused with its line and what was expected.
#include "adapters/io/framework_toml.h"

#include <gtest/gtest.h>

#include "adapters/catalog/catalog.h"

namespace ocindex::adapters::io {
namespace {

constexpr std::string_view kOwnIndex = R"(
[framework]
id = "city-2026"
name = "City Safety Index 2026"
edition = "2026"

[scale]
min = 0
max = 100
step = 5

[rounding]
decimals = 1

[[node]]
id = "safety"
kind = "pillar"
name = "Safety"

[[indicator]]
id = "burglary"
group = "safety"
name = "Burglary"
weight = 2

[[indicator]]
id = "theft"
group = "safety"
name = "Theft"
headers = ["Street theft"]
)";

void ExpectError(std::string_view text, std::vector<std::string> fragments) {
  auto framework = ParseFramework(text, "bad.toml");
  ASSERT_FALSE(framework) << "should be refused:\n" << text;
  const std::string message = framework.error().ToString();
  for (const std::string& fragment : fragments) {
    EXPECT_NE(message.find(fragment), std::string::npos) << "missing '" << fragment << "' in: " << message;
  }
}

std::string Replace(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  out.replace(out.find(from), from.size(), to);
  return out;
}

TEST(FrameworkTomlTest, BundledFrameworksLoad) {
  auto frameworks = BundledFrameworks();
  ASSERT_TRUE(frameworks) << frameworks.error().ToString();
  ASSERT_EQ(frameworks->size(), 3u);
  EXPECT_EQ((*frameworks)[0].framework.indicators.size(), 26u);  // 2021: 10 markets, 4 actors, 12 resilience
  EXPECT_EQ((*frameworks)[1].framework.indicators.size(), 32u);  // 2023: 15, 5, 12
  EXPECT_EQ((*frameworks)[2].framework.previous, "2023");
  EXPECT_EQ((*frameworks)[1].framework.quadrant_threshold, core::Rational(11, 2));
}

TEST(FrameworkTomlTest, UserFrameworkLoadsWithItsOwnScaleWeightsAndHeaders) {
  auto framework = ParseFramework(kOwnIndex, "own.toml");
  ASSERT_TRUE(framework) << framework.error().ToString();
  EXPECT_EQ(framework->decimals, 1);
  EXPECT_EQ(framework->scale_step, core::Rational(5));
  EXPECT_EQ(framework->indicators[0].weight, core::Rational(2));
  EXPECT_TRUE(framework->OnScale(core::Rational(95)));
  EXPECT_FALSE(framework->OnScale(core::Rational(97)));
  EXPECT_EQ(framework->FindMeasure("STREET THEFT,"), framework->IndicatorMeasure(1));
}

TEST(FrameworkTomlTest, SyntaxErrorNamesLineAndColumn) {
  ExpectError(Replace(kOwnIndex, "min = 0", "min = = 0"), {"bad.toml, line 8, column", "not valid TOML"});
}

TEST(FrameworkTomlTest, UnknownKeyIsRefused) {
  ExpectError(Replace(kOwnIndex, "kind = \"pillar\"", "kind = \"pillar\"\nagregate = \"children\""),
              {"line 18", "unknown key 'agregate' in [[node]]", "aggregate"});
}

TEST(FrameworkTomlTest, MissingRequiredKey) {
  ExpectError(Replace(kOwnIndex, "name = \"Burglary\"\n", ""), {"missing key 'name'"});
}

TEST(FrameworkTomlTest, WrongType) {
  ExpectError(Replace(kOwnIndex, "step = 5", "step = \"five\""), {"line 10", "'step' must be a number"});
}

TEST(FrameworkTomlTest, UnknownKindAndAggregate) {
  ExpectError(Replace(kOwnIndex, "kind = \"pillar\"", "kind = \"pilar\""), {"kind 'pilar' is not one of"});
  ExpectError(Replace(kOwnIndex, "kind = \"pillar\"", "kind = \"pillar\"\naggregate = \"median\""),
              {"aggregate 'median' is not one of"});
}

TEST(FrameworkTomlTest, StructuralErrorsNameTheFile) {
  ExpectError(Replace(kOwnIndex, "group = \"safety\"\nname = \"Theft\"", "group = \"danger\"\nname = \"Theft\""),
              {"bad.toml", "group 'danger', which is not a node"});
  ExpectError(Replace(kOwnIndex, "step = 5", "step = 7"), {"bad.toml", "step must divide"});
}

TEST(FrameworkTomlTest, UnsupportedRoundingMode) {
  ExpectError(Replace(kOwnIndex, "decimals = 1", "decimals = 1\nmode = \"half-even\""),
              {"rounding mode 'half-even' is not supported"});
}

// Issue 18: an edition id is a plain token and names are bounded one-line text, refused
// at the line that holds them before anything is stored.
TEST(FrameworkTomlTest, UnsafeEditionIdsAndNamesAreRefusedAtTheirLine) {
  ExpectError(Replace(kOwnIndex, "edition = \"2026\"", "edition = \"../../etc\""),
              {"bad.toml, line 5", "edition id '../../etc' is not a plain id", "like 2025"});
  ExpectError(Replace(kOwnIndex, "edition = \"2026\"", "edition = \"2026\"\nprevious = \"2025/x\""),
              {"bad.toml, line 6", "'previous': edition id '2025/x'"});
  ExpectError(Replace(kOwnIndex, "name = \"Safety\"", "name = \"" + std::string(20 << 20, 'x') + "\""),
              {"bad.toml, line 18", "'name' is 20971520 characters long; expected at most 200"});
  ExpectError(Replace(kOwnIndex, "name = \"Theft\"", "name = \"Th\\u0007eft\""),
              {"'name' holds a control character (U+0007) at character 3; expected one line of text"});
  ExpectError(Replace(kOwnIndex, "headers = [\"Street theft\"]", "headers = [\"Street\\ntheft\"]"),
              {"'headers' holds a control character (U+000A)"});
}

TEST(FrameworkTomlTest, DefinitionsMayHoldLineBreaks) {
  auto framework = ParseFramework(
      Replace(kOwnIndex, "name = \"Theft\"", "name = \"Theft\"\ndefinition = \"Theft.\\nIn the street.\""),
      "own.toml");
  ASSERT_TRUE(framework.ok()) << framework.error().ToString();
  EXPECT_EQ(framework->indicators[1].definition, "Theft.\nIn the street.");
}

}  // namespace
}  // namespace ocindex::adapters::io
