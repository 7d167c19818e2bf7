#include "app/target_query.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/country_query.h"
#include "app/labels.h"
#include "core/model/lookup.h"

namespace ocindex::app {
namespace {

std::string Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

Error BadGoal(const std::string& goal) {
  return MakeError(ErrorCode::kInvalidInput,
                   fmt::format("'{}' is not a goal: write e.g. 'resilience rank<=100', 'criminality rank>=150', "
                               "'resilience>=6', 'resilience>KGZ' or 'quadrant=low criminality, high resilience'",
                               goal));
}

// The goal as bounds on the country's published values, and how it reads.
Result<std::vector<core::Bound>> ParseGoal(const Engine& engine, const LoadedEdition& edition, int country,
                                           const std::string& goal, size_t scope, std::string& reads) {
  const core::Framework& framework = edition.edition.framework;
  if (goal.starts_with("quadrant")) {
    const size_t equals = goal.find('=');
    if (equals == std::string::npos) return BadGoal(goal);
    const std::string wanted = Trim(std::string_view(goal).substr(equals + 1));
    for (core::Quadrant quadrant : kQuadrants) {
      if (wanted == core::QuadrantName(quadrant) || wanted == QuadrantKey(quadrant)) {
        reads = fmt::format("quadrant {}", core::QuadrantName(quadrant));
        return core::QuadrantBounds(framework, quadrant);
      }
    }
    return BadGoal(goal);
  }
  const size_t op = goal.find_first_of("<>");
  if (op == std::string::npos || op == 0) return BadGoal(goal);
  const bool or_equal = op + 1 < goal.size() && goal[op + 1] == '=';
  const bool greater = goal[op] == '>';
  // "resilience rank<=100": the word rank before the operator makes it a rank goal.
  std::string left = Trim(std::string_view(goal).substr(0, op));
  const bool rank = left.size() > 5 && left.ends_with(" rank");
  if (rank) left = Trim(std::string_view(left).substr(0, left.size() - 5));
  int measure = 0;
  OCINDEX_ASSIGN_OR_RETURN(measure, core::ResolveMeasure(framework, left));
  const std::string id = framework.MeasureId(measure);
  const std::string value = Trim(std::string_view(goal).substr(op + (or_equal ? 2 : 1)));
  if (rank) {
    char* end = nullptr;
    const long position = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || !or_equal) return BadGoal(goal);
    reads = fmt::format("{} rank {} or {} ({})", id, position, greater ? "worse" : "better",
                        core::ScopeName(core::kScopes[scope]));
    // "rank<=100" is rank 100 or better; ranks count down from the highest value.
    core::Bound bound;
    OCINDEX_ASSIGN_OR_RETURN(bound, core::RankBound(edition.Ranked(), country, measure, scope,
                                                    static_cast<int>(position), !greater));
    return std::vector<core::Bound>{bound};
  }
  if (auto score = core::Rational::ParseDecimal(value)) {
    const int64_t units = score->RoundHalfUp(framework.decimals) + (or_equal ? 0 : (greater ? 1 : -1));
    reads = fmt::format("{} {} {}", id, greater ? "at least" : "at most", core::FormatUnits(units, framework.decimals));
    return std::vector<core::Bound>{core::Bound{measure, greater, units}};
  }
  if (or_equal) return BadGoal(goal);
  int other = 0;
  OCINDEX_ASSIGN_OR_RETURN(other, FindAssessedCountry(engine, edition, value));
  reads = fmt::format("{} {} {}", id, greater ? "above" : "below",
                      edition.edition.dataset.countries[static_cast<size_t>(other)].iso3);
  core::Bound bound;
  OCINDEX_ASSIGN_OR_RETURN(bound, core::RelativeBound(edition.Ranked(), country, measure, other, greater));
  return std::vector<core::Bound>{bound};
}

Result<int> FindIndicator(const core::Framework& framework, const std::string& name) {
  int measure = 0;
  OCINDEX_ASSIGN_OR_RETURN(measure, core::ResolveMeasure(framework, name));
  if (framework.IsNode(measure)) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("'{}' is a composite; only indicators move", name));
  }
  return measure - static_cast<int>(framework.nodes.size());
}

}  // namespace

Status TargetQuery::Validate() const {
  OCINDEX_RETURN_IF_ERROR(RequireCountry(country));
  if (goal.empty()) return BadGoal(goal);
  if (!core::ParseScope(scope)) return MakeError(ErrorCode::kInvalidInput, "scope must be world, continent or region");
  if (ties < 1 || ties > kMaxTies) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("list 1 to {} tied plans, not {}", kMaxTies, ties));
  }
  return {};
}

Result<TargetPlan> Target(const Engine& engine, const TargetQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  CountryInEdition found;
  OCINDEX_ASSIGN_OR_RETURN(found, FindCountryInEdition(engine, query.edition, query.country));
  TargetPlan plan;
  plan.edition = found.edition;
  plan.country = found.country;
  plan.name = core::DisplayName(engine.geography(), *found.country);
  const core::Framework& framework = plan.edition->edition.framework;
  const int country = static_cast<int>(found.country - plan.edition->edition.dataset.countries.data());
  const core::Scope scope = *core::ParseScope(query.scope);
  const size_t scope_index = static_cast<size_t>(
      std::find(core::kScopes.begin(), core::kScopes.end(), scope) - core::kScopes.begin());
  std::vector<core::Bound> bounds;
  OCINDEX_ASSIGN_OR_RETURN(bounds, ParseGoal(engine, *plan.edition, country, query.goal, scope_index, plan.goal));
  core::SearchOptions options{{}, std::vector<int64_t>(framework.indicators.size(), 1), query.ties};
  for (const std::string& name : query.allow) {
    int indicator = 0;
    OCINDEX_ASSIGN_OR_RETURN(indicator, FindIndicator(framework, name));
    options.allowed.push_back(indicator);
  }
  for (const std::string& text : query.costs) {
    const size_t equals = text.find('=');
    char* end = nullptr;
    const long cost = equals == std::string::npos ? 0 : std::strtol(text.c_str() + equals + 1, &end, 10);
    if (cost < 1 || *end != '\0') {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("'{}' is not a cost: write indicator=2 (a whole number of at least 1)", text));
    }
    int indicator = 0;
    OCINDEX_ASSIGN_OR_RETURN(indicator, FindIndicator(framework, text.substr(0, equals)));
    options.costs[static_cast<size_t>(indicator)] = cost;
  }
  plan.costs = options.costs;
  OCINDEX_ASSIGN_OR_RETURN(plan.answer, core::SearchTarget(plan.edition->Ranked(), country, bounds, options));
  return plan;
}

adapters::render::Grid TargetGrid(const TargetPlan& plan) {
  const core::Framework& framework = plan.edition->edition.framework;
  adapters::render::Grid grid;
  grid.AddColumn("plan", true);
  grid.AddColumn("indicator");
  grid.AddColumn("name");
  for (const char* name : {"from", "to", "steps", "cost"}) grid.AddColumn(name, true);
  for (size_t p = 0; p < plan.answer.plans.size(); ++p) {
    for (const core::Move& move : plan.answer.plans[p]) {
      const core::Indicator& indicator = framework.indicators[static_cast<size_t>(move.indicator)];
      grid.rows.push_back({std::to_string(p + 1), indicator.id, indicator.name, core::FormatRational(move.from),
                           core::FormatRational(move.to), fmt::format("{:+d}", move.steps),
                           std::to_string(plan.costs[static_cast<size_t>(move.indicator)] * std::abs(move.steps))});
    }
  }
  return grid;
}

std::string TargetSummary(const TargetPlan& plan) {
  const core::TargetAnswer& answer = plan.answer;
  const int d = plan.edition->edition.framework.decimals;
  if (!answer.reachable) {
    std::vector<std::string> reasons;
    for (const core::BoundOutcome& bound : answer.bounds) {
      if (bound.reachable) continue;
      reasons.push_back(fmt::format("{} can reach {} at best, the goal needs {} {}",
                                    plan.edition->edition.framework.MeasureId(bound.bound.measure),
                                    core::FormatUnits(bound.best, d), bound.bound.at_least ? "at least" : "at most",
                                    core::FormatUnits(bound.bound.units, d)));
    }
    return fmt::format("{}: {} is out of reach with the indicators allowed ({})", plan.name, plan.goal,
                       fmt::join(reasons, "; "));
  }
  if (answer.plans.empty()) return fmt::format("{}: {} is met already", plan.name, plan.goal);
  return fmt::format("{}: {} takes at least {} (cost of half-point steps; proven minimal by exact search); {} minimal "
                     "plan{} listed{}",
                     plan.name, plan.goal, answer.cost, answer.plans.size(), answer.plans.size() == 1 ? "" : "s",
                     answer.more_ties ? ", more exist" : "");
}

}  // namespace ocindex::app
