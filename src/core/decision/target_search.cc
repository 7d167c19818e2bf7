#include "core/decision/target_search.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <span>

#include "core/decision/effective_weights.h"
#include "core/model/rounding.h"
#include "core/scoring/quadrant.h"

namespace ocindex::core {
namespace {

constexpr int64_t kUnreachable = std::numeric_limits<int64_t>::max() / 4;

int64_t PowerOfTen(int decimals) {
  int64_t power = 1;
  for (int d = 0; d < decimals; ++d) power *= 10;
  return power;
}

struct Item {
  int indicator = 0;
  int64_t cap = 0;  // steps available in the helpful direction
  Rational from;
};

// Indicators with the same gain and cost per step: only their total matters.
struct Class {
  int64_t gain = 0;  // progress per step, in 1/scale units
  int64_t cost = 0;
  int64_t cap = 0;
  std::vector<Item> items;
};

// One bound as a knapsack cover: reach `need` progress at the least cost.
struct Cover {
  int direction = 1;  // +1: scores go up; -1: down
  int64_t need = 0;   // 0: met already
  std::vector<Class> classes;
  std::vector<std::vector<int64_t>> least;  // least[k][p]: least cost from progress p with classes k..
};

void Solve(Cover& cover) {
  const size_t k_count = cover.classes.size();
  const size_t width = static_cast<size_t>(cover.need) + 1;
  cover.least.assign(k_count + 1, std::vector<int64_t>(width, kUnreachable));
  cover.least[k_count][width - 1] = 0;
  for (size_t k = k_count; k-- > 0;) {
    const Class& c = cover.classes[k];
    for (int64_t p = 0; p <= cover.need; ++p) {
      int64_t best = kUnreachable;
      for (int64_t t = 0; t <= c.cap; ++t) {
        const int64_t reached = std::min(cover.need, p + c.gain * t);
        const int64_t rest = cover.least[k + 1][static_cast<size_t>(reached)];
        if (rest != kUnreachable) best = std::min(best, c.cost * t + rest);
        if (reached == cover.need) break;  // more steps only cost more
      }
      cover.least[k][static_cast<size_t>(p)] = best;
    }
  }
}

// Spreads `total` steps over a class's indicators in every way, first indicators
// first, until `emit` returns false (then returns false).
bool Spread(const Cover& cover, const Class& c, size_t j, int64_t total, std::vector<Move>& moves,
            const std::function<bool(std::vector<Move>&)>& emit) {
  if (j == c.items.size()) return total != 0 || emit(moves);
  int64_t rest_cap = 0;
  for (size_t r = j + 1; r < c.items.size(); ++r) rest_cap += c.items[r].cap;
  const Item& item = c.items[j];
  for (int64_t x = std::min(item.cap, total); x >= std::max<int64_t>(0, total - rest_cap); --x) {
    if (x > 0) moves.push_back(Move{item.indicator, static_cast<int>(x) * cover.direction, item.from, 0});
    const bool go_on = Spread(cover, c, j + 1, total - x, moves, emit);
    if (x > 0) moves.pop_back();
    if (!go_on) return false;
  }
  return true;
}

// Every minimal plan of one cover, in order, until `emit` returns false.
bool Plans(const Cover& cover, size_t k, int64_t p, std::vector<Move>& moves,
           const std::function<bool(std::vector<Move>&)>& emit) {
  if (k == cover.classes.size()) return p == cover.need ? emit(moves) : true;
  const Class& c = cover.classes[k];
  const int64_t target = cover.least[k][static_cast<size_t>(p)];
  bool go_on = true;
  for (int64_t t = c.cap; t >= 0 && go_on; --t) {
    const int64_t reached = std::min(cover.need, p + c.gain * t);
    const int64_t rest = cover.least[k + 1][static_cast<size_t>(reached)];
    if (rest == kUnreachable || c.cost * t + rest != target) continue;
    go_on = Spread(cover, c, 0, t, moves, [&](std::vector<Move>& spread) {
      return Plans(cover, k + 1, reached, spread, emit);
    });
  }
  return go_on;
}

}  // namespace

Result<Bound> RankBound(const RankedEdition& base, int country, int measure, size_t scope, int position,
                        bool at_most_position) {
  std::vector<int64_t> others;
  for (int c = 0; c < base.country_count(); ++c) {
    if (c != country && base.group(c, scope) == base.group(country, scope) && base.value(c, measure)) {
      others.push_back(*base.value(c, measure));
    }
  }
  std::sort(others.rbegin(), others.rend());
  const int places = static_cast<int>(others.size()) + 1;
  if (position < 1 || position > places) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("rank {} does not exist: {} countries are ranked in this scope", position, places));
  }
  // Position = 1 + the countries with a higher value.
  if (at_most_position) {
    if (position == places) return Bound{measure, true, 0};
    return Bound{measure, true, others[static_cast<size_t>(position - 1)]};
  }
  if (position == 1) return Bound{measure, true, 0};
  return Bound{measure, false, others[static_cast<size_t>(position - 2)] - 1};
}

Result<Bound> RelativeBound(const RankedEdition& base, int country, int measure, int other, bool above) {
  const auto theirs = base.value(other, measure);
  if (other == country || !theirs) {
    return MakeError(ErrorCode::kInvalidInput, "compare with another country that has a value on this measure");
  }
  return above ? Bound{measure, true, *theirs + 1} : Bound{measure, false, *theirs - 1};
}

Result<std::vector<Bound>> QuadrantBounds(const Framework& framework, Quadrant quadrant) {
  auto x = framework.FindNode(framework.quadrant_x);
  auto y = framework.FindNode(framework.quadrant_y);
  if (!x || !y) return MakeError(ErrorCode::kInvalidInput, "edition " + framework.edition + " has no quadrant");
  const int64_t high = QuadrantHighFrom(framework);
  const bool high_criminality = quadrant == Quadrant::kHighCriminalityLowResilience ||
                                quadrant == Quadrant::kHighCriminalityHighResilience;
  const bool high_resilience = quadrant == Quadrant::kHighCriminalityHighResilience ||
                               quadrant == Quadrant::kLowCriminalityHighResilience;
  return std::vector<Bound>{high_criminality ? Bound{*y, true, high} : Bound{*y, false, high - 1},
                            high_resilience ? Bound{*x, true, high} : Bound{*x, false, high - 1}};
}

Result<TargetAnswer> SearchTarget(const RankedEdition& base, int country, const std::vector<Bound>& bounds,
                                  const SearchOptions& options) {
  const Framework& framework = base.framework();
  const size_t indicators = framework.indicators.size();
  if (options.tie_limit < 1) return MakeError(ErrorCode::kInvalidInput, "the tie limit must be at least 1");
  if (!options.costs.empty() && options.costs.size() != indicators) {
    return MakeError(ErrorCode::kInternal, "one cost per indicator expected");
  }
  for (int64_t cost : options.costs) {
    if (cost < 1) return MakeError(ErrorCode::kInvalidInput, "a cost per step must be a whole number of at least 1");
  }
  std::vector<bool> allowed(indicators, options.allowed.empty());
  for (int i : options.allowed) {
    if (i < 0 || static_cast<size_t>(i) >= indicators) return MakeError(ErrorCode::kInternal, "no such indicator");
    allowed[static_cast<size_t>(i)] = true;
  }
  const std::span<const std::optional<Rational>> scores =
      std::span(base.dataset().scores).subspan(static_cast<size_t>(country) * indicators, indicators);
  const Rational half_unit(1, 2 * PowerOfTen(framework.decimals));

  TargetAnswer answer;
  std::vector<Cover> covers;
  std::vector<int> owner(indicators, -1);  // the bound an indicator serves
  for (size_t b = 0; b < bounds.size(); ++b) {
    const Bound& bound = bounds[b];
    BoundOutcome& outcome = answer.bounds.emplace_back(BoundOutcome{bound, base.value(country, bound.measure), 0, false, false});
    const std::optional<Rational>& value = base.card().exact(country, bound.measure);
    if (!value) {
      return MakeError(ErrorCode::kInvalidInput, fmt::format("the country has no value on {}",
                                                             framework.MeasureId(bound.measure)));
    }
    Cover& cover = covers.emplace_back();
    cover.direction = bound.at_least ? 1 : -1;
    const std::vector<Rational> weights = EffectiveWeights(framework, scores, bound.measure);
    // The exact gap to the bound and the common denominator of the gains.
    const Rational gap = bound.at_least ? Rational::FromUnits(bound.units, framework.decimals) - half_unit - *value
                                        : *value - Rational::FromUnits(bound.units, framework.decimals) - half_unit;
    int64_t scale = 1;
    for (size_t i = 0; i < indicators; ++i) {
      if (weights[i].num() != 0 && allowed[i]) scale = std::lcm(scale, (weights[i] * framework.scale_step).den());
    }
    Rational best = *value;
    for (size_t i = 0; i < indicators; ++i) {
      if (weights[i].num() == 0 || !allowed[i]) continue;
      if (owner[i] >= 0) {
        return MakeError(ErrorCode::kUnsupported,
                         fmt::format("{} counts toward two of the target's bounds; targets on nested composites are "
                                     "not supported", framework.indicators[i].id));
      }
      owner[i] = static_cast<int>(b);
      const Rational room = bound.at_least ? framework.scale_max - *scores[i] : *scores[i] - framework.scale_min;
      const int64_t cap = (room / framework.scale_step).num();
      if (cap == 0) continue;
      const Rational step_gain = weights[i] * framework.scale_step;
      best += step_gain * Rational(cap * cover.direction);
      const int64_t gain = (step_gain * Rational(scale)).num();
      const int64_t cost = options.costs.empty() ? 1 : options.costs[i];
      auto found = std::find_if(cover.classes.begin(), cover.classes.end(),
                                [&](const Class& c) { return c.gain == gain && c.cost == cost; });
      if (found == cover.classes.end()) found = cover.classes.insert(cover.classes.end(), Class{gain, cost, 0, {}});
      found->cap += cap;
      found->items.push_back(Item{static_cast<int>(i), cap, *scores[i]});
    }
    outcome.best = best.RoundHalfUp(framework.decimals);
    // Met when the gap is negative (at least) or negative as a strict bound (at most).
    const Rational scaled = gap * Rational(scale);
    const bool met = bound.at_least ? !(Rational(0) < gap) : gap < Rational(0);
    outcome.met_already = met;
    cover.need = met ? 0 : (bound.at_least ? -Floor(Rational(0) - scaled) : Floor(scaled) + 1);
    // The most efficient classes first: the first plan listed leans on them.
    std::stable_sort(cover.classes.begin(), cover.classes.end(), [](const Class& x, const Class& y) {
      return x.gain * y.cost > y.gain * x.cost;
    });
    Solve(cover);
    outcome.reachable = cover.least[0][0] != kUnreachable;
  }
  answer.reachable = std::all_of(answer.bounds.begin(), answer.bounds.end(),
                                 [](const BoundOutcome& outcome) { return outcome.reachable; });
  if (!answer.reachable) return answer;
  for (const Cover& cover : covers) answer.cost += cover.least[0][0];
  if (std::all_of(covers.begin(), covers.end(), [](const Cover& cover) { return cover.need == 0; })) return answer;

  // Minimal plans: the product of each bound's minimal plans, up to the limit (plus one
  // to know whether there are more).
  const size_t limit = static_cast<size_t>(options.tie_limit);
  std::function<bool(size_t, std::vector<Move>&)> combine = [&](size_t b, std::vector<Move>& moves) -> bool {
    if (b == covers.size()) {
      if (answer.plans.size() == limit) {
        answer.more_ties = true;
        return false;
      }
      std::vector<Move> plan = moves;
      for (Move& move : plan) move.to = move.from + framework.scale_step * Rational(move.steps);
      std::sort(plan.begin(), plan.end(), [](const Move& x, const Move& y) { return x.indicator < y.indicator; });
      answer.plans.push_back(std::move(plan));
      return true;
    }
    return Plans(covers[b], 0, 0, moves, [&](std::vector<Move>& more) { return combine(b + 1, more); });
  };
  std::vector<Move> moves;
  combine(0, moves);
  return answer;
}

}  // namespace ocindex::core
