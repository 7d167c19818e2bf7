// Rounds built in code for the assessment tests: a cast of users, a round over a small
// framework, one team per cell, and helpers that drive cells through the state machine.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/assessment/ledger.h"
#include "core/assessment/round.h"
#include "support/tiny_framework.h"

namespace ocindex::test_support {

namespace as = core::assessment;

inline as::Actor User(std::string id, as::Role role) { return as::Actor{as::UserRef{std::move(id)}, role}; }

// The cast: ann and bob draft every cell, rita reviews every cell, theo reviews the
// first indicator thematically, cy is an expert and otto a reviewer with no assignment.
inline const as::Actor kAdmin = User("admin", as::Role::kAdmin);
inline const as::Actor kCoordinator = User("coord", as::Role::kCoordinator);
inline const as::Actor kAnn = User("ann", as::Role::kExpert);
inline const as::Actor kBob = User("bob", as::Role::kExpert);
inline const as::Actor kCy = User("cy", as::Role::kExpert);
inline const as::Actor kRita = User("rita", as::Role::kReviewer);
inline const as::Actor kTheo = User("theo", as::Role::kReviewer);
inline const as::Actor kOtto = User("otto", as::Role::kReviewer);
inline const as::Actor kReader = User("reg", as::Role::kReader);

inline as::Round MakeRound(core::Framework framework, std::vector<core::CountryEntry> countries,
                           core::Dataset baseline = {}) {
  as::Round round;
  round.id = "r2025";
  round.edition = "2025";
  round.framework = std::move(framework);
  round.countries = std::move(countries);
  round.baseline = std::move(baseline);
  return round;
}

// ann and bob draft every cell and each country's summary; rita reviews them all; theo
// reviews the framework's first indicator in every country.
inline as::Assignments TeamUp(const as::Round& round) {
  as::Assignments assignments;
  const as::Team team{{kAnn.user, kBob.user}, {kRita.user}};
  for (const as::CellKey& key : round.Cells()) assignments.cells[key] = team;
  for (const core::CountryEntry& country : round.countries) {
    assignments.sections[as::SectionKey{country.iso3, "summary"}] = team;
  }
  assignments.thematic[round.framework.indicators.front().id] = {kTheo.user};
  return assignments;
}

inline as::RoundLedger OpenLedger(as::Round round) {
  as::Assignments assignments = TeamUp(round);
  auto ledger = as::RoundLedger::Open(std::move(round), std::move(assignments));
  if (!ledger) {
    ADD_FAILURE() << ledger.error().ToString();
    std::abort();
  }
  return std::move(*ledger);
}

inline as::Submission Draft(std::string_view score, std::string justification = "Seizure data and interviews.",
                            std::string reason = {}) {
  as::Submission submission;
  submission.score = R(score);
  submission.justification = std::move(justification);
  submission.sources = {"UNODC 2024", "https://example.org/report"};
  submission.confidence = 4;
  submission.change_reason = std::move(reason);
  return submission;
}

inline int Version(const as::RoundLedger& ledger, const as::CellKey& key) { return ledger.FindCell(key)->version(); }

// Fails the test unless the result is ok.
#define ASSESSMENT_OK(expression)                                                  \
  do {                                                                             \
    const auto& assessment_result_ = (expression);                                 \
    ASSERT_TRUE(assessment_result_.ok()) << assessment_result_.error().ToString(); \
  } while (false)

// ann and bob draft the cell at the given scores (with a reason, so baselines never
// block) and ann submits it. The round must be in a phase where experts write.
inline void DraftAndSubmit(as::RoundLedger& ledger, const as::CellKey& key, std::string_view ann,
                           std::string_view bob) {
  ASSESSMENT_OK(ledger.Submit(kAnn, key, Draft(ann, "Ann's reading.", "new evidence"), 1, Version(ledger, key)));
  ASSESSMENT_OK(ledger.Submit(kBob, key, Draft(bob, "Bob's reading.", "new evidence"), 2, Version(ledger, key)));
  ASSESSMENT_OK(ledger.Move(kAnn, key, as::CellState::kSubmitted, "", 3, Version(ledger, key)));
}

// rita takes the cell into review and agrees it at the proposal. Review must be open.
inline void ReviewAndAgree(as::RoundLedger& ledger, const as::CellKey& key) {
  ASSESSMENT_OK(ledger.Move(kRita, key, as::CellState::kInReview, "", 4, Version(ledger, key)));
  ASSESSMENT_OK(ledger.Move(kRita, key, as::CellState::kAgreed, "", 5, Version(ledger, key)));
}

// Scores (ann's, bob's) for a cell.
using CellScores = std::function<std::pair<std::string, std::string>(const as::CellKey&)>;

// Drives every cell and section of a fresh ledger to final through every phase, ending
// in phase settled.
inline void DriveToFinal(as::RoundLedger& ledger, const CellScores& scores) {
  for (const as::CellKey& key : ledger.round().Cells()) {
    const auto [ann, bob] = scores(key);
    DraftAndSubmit(ledger, key, ann, bob);
  }
  for (const auto& entry : ledger.assignments().sections) {
    ASSESSMENT_OK(ledger.WriteSection(kAnn, entry.first, "Text of " + entry.first.ToString(), 1, 0));
    ASSESSMENT_OK(ledger.MoveSection(kAnn, entry.first, as::CellState::kSubmitted, "", 2, 1));
  }
  ASSESSMENT_OK(ledger.ChangePhase(kCoordinator, as::Phase::kReviewOpen, ""));
  for (const as::CellKey& key : ledger.round().Cells()) ReviewAndAgree(ledger, key);
  for (const auto& entry : ledger.assignments().sections) {
    ASSESSMENT_OK(ledger.MoveSection(kRita, entry.first, as::CellState::kInReview, "", 3, 2));
    ASSESSMENT_OK(ledger.MoveSection(kRita, entry.first, as::CellState::kAgreed, "", 4, 3));
  }
  ASSESSMENT_OK(ledger.ChangePhase(kCoordinator, as::Phase::kCalibration, ""));
  ASSESSMENT_OK(ledger.ChangePhase(kCoordinator, as::Phase::kSettled, ""));
  for (const as::CellKey& key : ledger.round().Cells()) {
    ASSESSMENT_OK(ledger.Move(kCoordinator, key, as::CellState::kFinal, "", 6, Version(ledger, key)));
  }
  for (const auto& entry : ledger.assignments().sections) {
    ASSESSMENT_OK(ledger.MoveSection(kCoordinator, entry.first, as::CellState::kFinal, "", 5, 4));
  }
}

}  // namespace ocindex::test_support
