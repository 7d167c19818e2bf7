#include "core/assessment/history.h"

namespace ocindex::core::assessment {

std::vector<const Submission*> CurrentSubmissions(const CellHistory& history, const Team& team) {
  std::vector<const Submission*> current;
  for (const UserRef& expert : team.drafting) {
    const auto& versions = history.versions();
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
      if (it->submission && it->submission->expert == expert) {
        current.push_back(&*it->submission);
        break;
      }
    }
  }
  return current;
}

bool FullyDrafted(const CellHistory& history, const Team& team) {
  return !team.drafting.empty() && CurrentSubmissions(history, team).size() == team.drafting.size();
}

const std::string* CurrentText(const SectionHistory& history) {
  const auto& versions = history.versions();
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    if (it->text) return &*it->text;
  }
  return nullptr;
}

std::optional<Rational> SettledScore(const CellHistory& history) {
  if (history.state() != CellState::kAgreed && history.state() != CellState::kFinal) return std::nullopt;
  const auto& versions = history.versions();
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    if (it->settled) return it->settled;
  }
  return std::nullopt;
}

}  // namespace ocindex::core::assessment
