#include "faces/server/decision_json.h"

#include "adapters/io/scenario_json.h"
#include "app/labels.h"

namespace ocindex::server {
namespace {

// An exact rational as "num/den" (or "num"): what a figure rounded for display cannot carry.
std::string Exact(const core::Rational& value) {
  return value.den() == 1 ? std::to_string(value.num()) : std::to_string(value.num()) + "/" + std::to_string(value.den());
}

Json Score(const std::optional<core::Rational>& value) {
  return value ? Json(value->ToDouble()) : Json();
}

Json Quadrant(std::optional<core::Quadrant> quadrant) { return QuadrantJson(quadrant, app::QuadrantLabel(quadrant)); }

}  // namespace

Json WhatIfJson(const app::WhatIfAnswer& answer) {
  const core::Edition& edition = answer.edition->edition;
  const core::Framework& framework = edition.framework;
  const int d = framework.decimals;
  auto country = [&](int c) { return CountryJson(edition.dataset.countries[static_cast<size_t>(c)], answer.names[static_cast<size_t>(c)]); };
  Json changes = Json::array();
  for (const core::ScoreChange& change : answer.result.changes) {
    changes.push_back(Json{{"iso3", edition.dataset.countries[static_cast<size_t>(change.country)].iso3},
                           {"indicator", framework.indicators[static_cast<size_t>(change.indicator)].id},
                           {"before", change.before.ToDouble()},
                           {"after", change.after.ToDouble()},
                           {"clamped", change.clamped}});
  }
  Json countries = Json::array();
  for (const core::CountryOutcome& outcome : answer.result.countries) {
    Json measures = Json::array();
    for (const core::MeasureOutcome& row : outcome.measures) {
      measures.push_back(Json{{"id", framework.MeasureId(row.measure)},
                              {"name", framework.MeasureName(row.measure)},
                              {"kind", MeasureKindName(framework, row.measure)},
                              {"before", Figure(row.before, d)},
                              {"after", Figure(row.after, d)},
                              {"ranks_before", ScopedRanks(row.ranks_before)},
                              {"ranks_after", ScopedRanks(row.ranks_after)}});
    }
    Json entry = country(outcome.country);
    entry["quadrant_before"] = Quadrant(outcome.quadrant_before);
    entry["quadrant_after"] = Quadrant(outcome.quadrant_after);
    entry["measures"] = std::move(measures);
    countries.push_back(std::move(entry));
  }
  Json knock_on = Json::array();
  for (const core::KnockOn& row : answer.result.knock_on) {
    Json entry = country(row.country);
    entry["measure"] = framework.MeasureId(row.measure);
    entry["scope"] = core::ScopeName(core::kScopes[row.scope]);
    entry["rank_before"] = row.before.position;
    entry["rank_after"] = row.after.position;
    knock_on.push_back(std::move(entry));
  }
  Json averages = Json::array();
  for (const core::AverageOutcome& row : answer.result.averages) {
    averages.push_back(Json{{"measure", framework.MeasureId(row.measure)},
                            {"scope", core::ScopeName(core::kScopes[row.scope])},
                            {"group", row.group},
                            {"members", row.members},
                            {"before", Figure(row.before, d)},
                            {"after", Figure(row.after, d)}});
  }
  return Json{{"edition", answer.edition->year},
              {"scenario", adapters::io::ScenarioToJson(answer.scenario)},
              {"changes", std::move(changes)},
              {"countries", std::move(countries)},
              {"knock_on", std::move(knock_on)},
              {"averages", std::move(averages)}};
}

Json TargetJson(const app::TargetPlan& plan) {
  const core::Framework& framework = plan.edition->edition.framework;
  const int d = framework.decimals;
  Json bounds = Json::array();
  for (const core::BoundOutcome& bound : plan.answer.bounds) {
    bounds.push_back(Json{{"measure", framework.MeasureId(bound.bound.measure)},
                          {"at_least", bound.bound.at_least},
                          {"value", Figure(bound.bound.units, d)},
                          {"now", Figure(bound.before, d)},
                          {"best", Figure(bound.best, d)},
                          {"met_already", bound.met_already},
                          {"reachable", bound.reachable}});
  }
  Json plans = Json::array();
  for (const std::vector<core::Move>& moves : plan.answer.plans) {
    Json steps = Json::array();
    for (const core::Move& move : moves) {
      const core::Indicator& indicator = framework.indicators[static_cast<size_t>(move.indicator)];
      steps.push_back(Json{{"indicator", indicator.id},
                           {"name", indicator.name},
                           {"from", move.from.ToDouble()},
                           {"to", move.to.ToDouble()},
                           {"steps", move.steps},
                           {"cost", plan.costs[static_cast<size_t>(move.indicator)] * std::abs(move.steps)}});
    }
    plans.push_back(std::move(steps));
  }
  Json out = Json{{"edition", plan.edition->year}};
  out.update(CountryJson(*plan.country, plan.name));
  out["goal"] = plan.goal;
  out["summary"] = app::TargetSummary(plan);
  out["reachable"] = plan.answer.reachable;
  out["cost"] = plan.answer.reachable ? Json(plan.answer.cost) : Json();
  out["more_ties"] = plan.answer.more_ties;
  out["bounds"] = std::move(bounds);
  out["plans"] = std::move(plans);
  return out;
}

Json ExplainJson(const app::Explanation& explanation) {
  const core::Decomposition& d = explanation.decomposition;
  auto side = [&](const app::LoadedEdition* edition, const core::CountryEntry* country, const std::string& name,
                  const core::Rational& exact, int64_t published) {
    Json out = Json{{"edition", edition->year}};
    out.update(CountryJson(*country, name));
    out["value"] = Figure(published, d.decimals);
    out["exact"] = Exact(exact);
    return out;
  };
  Json waterfall = Json::array();
  for (const app::WaterfallStep& step : explanation.steps) {
    const core::Contribution* row = step.row;
    Json like = row && row->like_for_like ? Json(Figure(row->like_for_like->RoundHalfUp(explanation.places), explanation.places)) : Json();
    waterfall.push_back(Json{{"id", step.id},
                             {"name", step.name},
                             {"kind", step.kind},
                             {"score_a", row ? Score(row->score_a) : Json()},
                             {"score_b", row ? Score(row->score_b) : Json()},
                             {"weight_a", row ? Json(row->weight_a.ToDouble()) : Json()},
                             {"weight_b", row ? Json(row->weight_b.ToDouble()) : Json()},
                             {"contribution", Figure(step.units, explanation.places)},
                             {"cumulative", Figure(step.cumulative, explanation.places)},
                             {"exact", Exact(row ? row->total() : d.rounding)},
                             {"like_for_like", std::move(like)}});
  }
  Json like = nullptr;
  if (d.like_a && d.like_b) {
    like = Json{{"a", Exact(*d.like_a)}, {"b", Exact(*d.like_b)}, {"difference", Exact(*d.like_a - *d.like_b)}};
  }
  return Json{{"measure", d.measure_id},
              {"name", d.measure_name},
              {"between_editions", explanation.between_editions},
              {"a", side(explanation.a, explanation.country_a, explanation.name_a, d.value_a, d.published_a)},
              {"b", side(explanation.b, explanation.country_b, explanation.name_b, d.value_b, d.published_b)},
              {"difference", Figure(explanation.total, explanation.places)},
              {"exact_difference", Exact(d.value_a - d.value_b)},
              {"like_for_like", std::move(like)},
              {"waterfall", std::move(waterfall)}};
}

Json PeersJson(const app::PeersTable& table) {
  const core::Dataset& dataset = table.edition->edition.dataset;
  Json peers = Json::array();
  for (const core::Peer& peer : table.peers) {
    Json entry = CountryJson(dataset.countries[static_cast<size_t>(peer.country)], table.names[static_cast<size_t>(peer.country)]);
    entry["distance"] = peer.distance.distance;
    entry["shared"] = peer.distance.shared;
    peers.push_back(std::move(entry));
  }
  const core::Trajectories& t = table.trajectories;
  Json traced = Json::array();
  for (size_t c = 0; c < t.countries.size(); ++c) {
    Json raw = Json::array(), like = Json::array();
    for (size_t e = 0; e < t.editions.size(); ++e) {
      raw.push_back(Figure(t.countries[c].raw[e], t.decimals));
      like.push_back(Figure(t.countries[c].like[e], t.decimals));
    }
    traced.push_back(Json{{"iso3", t.countries[c].iso3}, {"name", table.trajectory_names[c]}, {"raw", std::move(raw)},
                          {"like_for_like", std::move(like)}});
  }
  Json out = Json{{"edition", table.edition->year}};
  out.update(CountryJson(*table.country, table.name));
  out["indicators"] = table.indicators.size();
  out["distance"] =
      "root mean square of the score differences over the indicators both countries were assessed on; countries "
      "sharing fewer than half of them are not compared";
  out["peers"] = std::move(peers);
  out["trajectories"] = Json{{"measure", t.measure_id},
                             {"editions", t.editions},
                             {"shared_indicators", t.shared_indicators},
                             {"countries", std::move(traced)}};
  return out;
}

Json ClustersJson(const app::ClustersTable& table) {
  const core::Edition& edition = table.edition->edition;
  Json clusters = Json::array();
  Json assignment = Json::object();
  for (size_t k = 0; k < table.clustering.clusters.size(); ++k) {
    const core::Cluster& cluster = table.clustering.clusters[k];
    Json members = Json::array();
    for (int c : cluster.countries) {
      members.push_back(edition.dataset.countries[static_cast<size_t>(c)].iso3);
      assignment[edition.dataset.countries[static_cast<size_t>(c)].iso3] = k + 1;
    }
    Json distinctive = Json::array();
    for (const core::DistinctiveIndicator& trait : cluster.distinctive) {
      const core::Indicator& indicator = edition.framework.indicators[static_cast<size_t>(trait.indicator)];
      distinctive.push_back(Json{{"indicator", indicator.id},
                                 {"name", indicator.name},
                                 {"cluster_mean", trait.cluster_mean},
                                 {"overall_mean", trait.overall_mean},
                                 {"z", trait.z}});
    }
    clusters.push_back(Json{{"cluster", k + 1},
                            {"size", cluster.countries.size()},
                            {"countries", std::move(members)},
                            {"distinctive", std::move(distinctive)}});
  }
  return Json{{"edition", table.edition->year},
              {"indicators", table.indicators.size()},
              {"rule", table.clustering.by_rule ? Json(core::kClusterCutRule) : Json()},
              {"clusters", std::move(clusters)},
              {"assignment", std::move(assignment)}};
}

}  // namespace ocindex::server
