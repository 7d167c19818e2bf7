#include "core/flows/statement.h"

#include <algorithm>
#include <array>

namespace ocindex::core {
namespace {

constexpr std::array<std::pair<StatementKind, const char*>, 5> kKindNames = {{
    {StatementKind::kMarket, "market"},
    {StatementKind::kRole, "role"},
    {StatementKind::kFlow, "flow"},
    {StatementKind::kActor, "actor"},
    {StatementKind::kTrend, "trend"},
}};

std::string Joined(std::vector<std::string> codes) {
  std::sort(codes.begin(), codes.end());
  std::string out;
  for (const std::string& code : codes) out += code + ",";
  return out;
}

void Unite(std::vector<std::string>& into, const std::vector<std::string>& from) {
  for (const std::string& item : from) {
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
  }
}

}  // namespace

const char* StatementKindName(StatementKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "?";
}

std::optional<StatementKind> ParseStatementKind(std::string_view name) {
  for (const auto& [k, kind_name] : kKindNames) {
    if (name == kind_name) return k;
  }
  return std::nullopt;
}

std::string StatementKey(const Statement& s) {
  std::string key = std::string(StatementKindName(s.kind)) + "|" + s.market + "|" + s.actor + "|" + s.role + "|" +
                    (s.negated ? "not|" : "|");
  switch (s.kind) {
    case StatementKind::kFlow: key += Joined(s.origins) + ">" + Joined(s.destinations); break;
    case StatementKind::kTrend: key += s.direction + "|" + s.figure; break;
    case StatementKind::kActor: key += s.actor_base; break;
    // A market or actor type is one statement per section.
    case StatementKind::kMarket: key += s.evidence.empty() ? "" : s.evidence.front().section; break;
    case StatementKind::kRole: break;
  }
  if (s.kind == StatementKind::kActor && !s.evidence.empty()) key += "|" + s.evidence.front().section;
  return key;
}

void MergeStatement(Statement& into, const Statement& from) {
  into.evidence.insert(into.evidence.end(), from.evidence.begin(), from.evidence.end());
  Unite(into.via, from.via);
  Unite(into.modes, from.modes);
  Unite(into.crossings, from.crossings);
  Unite(into.qualifiers, from.qualifiers);
  Unite(into.notes, from.notes);
  if (into.route.empty()) into.route = from.route;
  if (into.period.empty()) into.period = from.period;
  into.confidence = std::max(into.confidence, from.confidence);
  into.hedged = into.hedged && from.hedged;
}

}  // namespace ocindex::core
