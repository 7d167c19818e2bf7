// Stored extraction results (io/statements_json.h) read back equal to what was extracted.
#include "adapters/io/statements_json.h"

#include <gtest/gtest.h>

#include "support/flow_fixtures.h"

namespace ocindex::adapters::io {
namespace {

TEST(StatementsJson, RoundTripKeepsEveryField) {
  using Sections = std::vector<std::pair<std::string, std::string>>;
  core::NarrativeStatements all = test_support::BundledFlows::Get().Extract(
      "KGZ", Sections{{"environment", "Diesel is allegedly smuggled from Kyrgyzstan into Tajikistan by truck through the "
                              "Karamyk checkpoint. Poaching of sturgeon has declined by 98% over the past decade."},
              {"criminal_actors", "Chinese triads are active."}});
  ASSERT_GE(all.statements.size(), 4u) << test_support::Dump(all);
  all.notes = {"1 sentence(s) longer than 2000 bytes read in pieces"};
  all.statements.front().evidence.front().page = 3;

  const std::string text = WriteStatementsJson(all);
  auto back = ParseStatementsJson(text, "test");
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(WriteStatementsJson(*back), text);
  EXPECT_EQ(back->country, "KGZ");
  EXPECT_EQ(back->notes, all.notes);
  ASSERT_EQ(back->statements.size(), all.statements.size());
  for (size_t i = 0; i < all.statements.size(); ++i) {
    const core::Statement& a = all.statements[i];
    const core::Statement& b = back->statements[i];
    EXPECT_EQ(core::StatementKey(a), core::StatementKey(b));
    EXPECT_EQ(a.confidence, b.confidence);
    EXPECT_EQ(a.hedged, b.hedged);
    EXPECT_EQ(a.modes, b.modes);
    EXPECT_EQ(a.crossings, b.crossings);
    EXPECT_EQ(a.qualifiers, b.qualifiers);
    EXPECT_EQ(a.notes, b.notes);
    EXPECT_EQ(a.figure, b.figure);
    EXPECT_EQ(a.period, b.period);
    ASSERT_EQ(a.evidence.size(), b.evidence.size());
    EXPECT_EQ(a.evidence.front().cue_begin, b.evidence.front().cue_begin);
    EXPECT_EQ(a.evidence.front().page, b.evidence.front().page);
  }
}

TEST(StatementsJson, TextItDidNotWriteIsCorrupt) {
  for (const char* text : {"", "{", R"({"country":"KGZ"})",
                           R"({"country":"KGZ","edition":"2021","notes":[],"statements":[{"kind":"rumour"}]})"}) {
    auto parsed = ParseStatementsJson(text, "stored extraction of KGZ");
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, ErrorCode::kCorrupt);
    EXPECT_EQ(parsed.error().where, "stored extraction of KGZ");
  }
}

}  // namespace
}  // namespace ocindex::adapters::io
