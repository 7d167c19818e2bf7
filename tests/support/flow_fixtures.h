// Narrative extraction with the bundled lexicon, gazetteer and frameworks, for tests
// that check extraction rules on short narratives the project wrote itself (none of
// this text comes from a real profile).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "adapters/catalog/catalog.h"
#include "adapters/catalog/flows.h"
#include "core/flows/extractor.h"

namespace ocindex::test_support {

// The bundled extractor and the bundled framework of an edition, built once.
class BundledFlows {
 public:
  static BundledFlows& Get() {
    static BundledFlows* instance = new BundledFlows();  // shared by every test of the binary
    return *instance;
  }

  const core::FlowExtractor& extractor() const { return *extractor_; }

  const core::Framework& Framework(const std::string& edition) const {
    for (const auto& source : frameworks_) {
      if (source.framework.edition == edition) return source.framework;
    }
    ADD_FAILURE() << "no bundled framework " << edition;
    return frameworks_.front().framework;
  }

  // Extracts statements about `subject` from sections given as {node id, text}.
  core::NarrativeStatements Extract(const std::string& subject,
                                    const std::vector<std::pair<std::string, std::string>>& sections,
                                    const std::string& edition = "2021") const {
    core::Narrative narrative;
    for (const auto& [id, text] : sections) narrative.sections.push_back({id, id, text, 0});
    return Extract(subject, narrative, edition);
  }

  core::NarrativeStatements Extract(const std::string& subject, const core::Narrative& narrative,
                                    const std::string& edition = "2021") const {
    auto scanner = extractor_->NewScanner();
    EXPECT_TRUE(scanner.ok());
    auto result = extractor_->Extract(narrative, Framework(edition), subject, *scanner);
    if (!result) {
      ADD_FAILURE() << result.error().ToString();
      return {};
    }
    return *result;
  }

 private:
  BundledFlows() {
    auto geography = adapters::BundledGeography();
    EXPECT_TRUE(geography.ok());
    auto extractor = adapters::BundledFlowExtractor(*geography);
    if (!extractor) ADD_FAILURE() << extractor.error().ToString();
    extractor_ = std::make_unique<core::FlowExtractor>(std::move(*extractor));
    auto frameworks = adapters::BundledFrameworks();
    EXPECT_TRUE(frameworks.ok());
    frameworks_ = std::move(*frameworks);
  }

  std::unique_ptr<core::FlowExtractor> extractor_;
  std::vector<adapters::FrameworkSource> frameworks_;
};

inline std::set<std::string> Set(const std::vector<std::string>& items) { return {items.begin(), items.end()}; }

// Statements of a kind (negated ones only when asked).
inline std::vector<core::Statement> OfKind(const core::NarrativeStatements& all, core::StatementKind kind,
                                           bool negated = false) {
  std::vector<core::Statement> out;
  for (const core::Statement& s : all.statements) {
    if (s.kind == kind && s.negated == negated) out.push_back(s);
  }
  return out;
}

// The positive flow of a market with exactly these origins and destinations.
inline const core::Statement* FindFlow(const core::NarrativeStatements& all, const std::string& market,
                                       const std::set<std::string>& origins,
                                       const std::set<std::string>& destinations) {
  for (const core::Statement& s : all.statements) {
    if (s.kind == core::StatementKind::kFlow && !s.negated && s.market == market && Set(s.origins) == origins &&
        Set(s.destinations) == destinations) {
      return &s;
    }
  }
  return nullptr;
}

inline const core::Statement* FindRole(const core::NarrativeStatements& all, const std::string& market,
                                       const std::string& role, bool negated = false) {
  for (const core::Statement& s : all.statements) {
    if (s.kind == core::StatementKind::kRole && s.market == market && s.role == role && s.negated == negated) {
      return &s;
    }
  }
  return nullptr;
}

// Every statement, one per line, for failure messages.
inline std::string Dump(const core::NarrativeStatements& all) {
  std::string out;
  for (const core::Statement& s : all.statements) {
    std::string places;
    for (const auto& o : s.origins) places += o + " ";
    places += "->";
    for (const auto& v : s.via) places += " " + v;
    places += " ->";
    for (const auto& d : s.destinations) places += " " + d;
    out += std::string(core::StatementKindName(s.kind)) + " " + s.market + s.actor + " " + s.role + " " +
           (s.kind == core::StatementKind::kFlow ? places : "") + s.direction + " " + s.figure + " " + s.period +
           (s.negated ? " NEGATED" : "") + (s.hedged ? " hedged" : "") + "\n";
  }
  return out;
}

}  // namespace ocindex::test_support
