#include "app/explain_query.h"

#include <fmt/format.h>

#include "app/country_query.h"
#include "app/labels.h"
#include "core/model/rounding.h"
#include "core/model/lookup.h"

namespace ocindex::app {
namespace {

const char* KindName(core::ContributionKind kind, bool between_editions) {
  switch (kind) {
    case core::ContributionKind::kShared: return "shared";
    case core::ContributionKind::kOnlyA: return between_editions ? "added" : "only_a";
    case core::ContributionKind::kOnlyB: return between_editions ? "dropped" : "only_b";
  }
  return "shared";
}

void BuildWaterfall(Explanation& out) {
  const core::Decomposition& d = out.decomposition;
  out.places = d.decimals + 2;
  out.total = (d.published_a - d.published_b) * 100;
  std::vector<core::Rational> parts;
  for (const core::Contribution& row : d.rows) parts.push_back(row.total());
  parts.push_back(d.rounding);
  const std::vector<int64_t> units = core::RoundToTotal(parts, out.total, out.places);
  int64_t running = 0;
  for (size_t k = 0; k < d.rows.size(); ++k) {
    running += units[k];
    out.steps.push_back(WaterfallStep{d.rows[k].indicator, d.rows[k].name,
                                      KindName(d.rows[k].kind, out.between_editions), units[k], running, &d.rows[k]});
  }
  running += units.back();
  out.steps.push_back(WaterfallStep{"rounding", "Rounding of the published figures", "rounding", units.back(), running,
                                    nullptr});
}

}  // namespace

Status ExplainQuery::Validate() const {
  if (countries.empty() || countries.size() > 2) {
    return MakeError(ErrorCode::kInvalidInput,
                     "name two countries (KAZ KGZ) to compare in one edition, or one country to compare across editions");
  }
  if (countries.size() == 2 && (!from.empty() || !to.empty())) {
    return MakeError(ErrorCode::kInvalidInput, "--from and --to compare one country across editions; name one country");
  }
  return {};
}

Result<Explanation> Explain(const Engine& engine, const ExplainQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  Explanation out;
  if (query.countries.size() == 2) {
    OCINDEX_ASSIGN_OR_RETURN(out.a, engine.Edition(query.edition));
    out.b = out.a;
    int a = 0, b = 0;
    OCINDEX_ASSIGN_OR_RETURN(a, FindAssessedCountry(engine, *out.a, query.countries[0]));
    OCINDEX_ASSIGN_OR_RETURN(b, FindAssessedCountry(engine, *out.a, query.countries[1]));
    int measure = 0;
    OCINDEX_ASSIGN_OR_RETURN(measure, core::ResolveMeasure(out.a->edition.framework, query.measure));
    out.country_a = &out.a->edition.dataset.countries[static_cast<size_t>(a)];
    out.country_b = &out.a->edition.dataset.countries[static_cast<size_t>(b)];
    OCINDEX_ASSIGN_OR_RETURN(out.decomposition, core::ExplainCountries(out.a->edition, a, b, measure));
  } else {
    out.between_editions = true;
    OCINDEX_ASSIGN_OR_RETURN(out.a, engine.Edition(query.to));
    if (query.from.empty()) {
      if (!out.a->previous) {
        return MakeError(ErrorCode::kNotFound, fmt::format("edition {} has no previous edition stored; pass --from",
                                                           out.a->id));
      }
      out.b = out.a->previous;
    } else {
      OCINDEX_ASSIGN_OR_RETURN(out.b, engine.Edition(query.from));
    }
    std::string iso3;
    OCINDEX_ASSIGN_OR_RETURN(iso3, core::ResolveCountry(engine.geography(), query.countries[0]));
    int measure = 0;
    OCINDEX_ASSIGN_OR_RETURN(measure, core::ResolveMeasure(out.a->edition.framework, query.measure));
    OCINDEX_ASSIGN_OR_RETURN(out.decomposition, core::ExplainEditions(out.b->edition, out.a->edition, iso3,
                                                                      out.a->edition.framework.MeasureId(measure)));
    out.country_a = &out.a->edition.dataset.countries[static_cast<size_t>(*out.a->edition.dataset.FindCountry(iso3))];
    out.country_b = &out.b->edition.dataset.countries[static_cast<size_t>(*out.b->edition.dataset.FindCountry(iso3))];
  }
  out.name_a = core::DisplayName(engine.geography(), *out.country_a);
  out.name_b = core::DisplayName(engine.geography(), *out.country_b);
  BuildWaterfall(out);
  return out;
}

adapters::render::Grid ExplainGrid(const Explanation& explanation) {
  adapters::render::Grid grid;
  for (const char* name : {"indicator", "name", "kind"}) grid.AddColumn(name);
  for (const char* name : {"score_a", "score_b", "weight_a", "weight_b", "contribution", "cumulative", "like_for_like"}) {
    grid.AddColumn(name, true);
  }
  auto score = [](const std::optional<core::Rational>& value) {
    return value ? std::optional<std::string>(core::FormatRational(*value)) : std::nullopt;
  };
  auto weight = [](const core::Rational& value) {
    return std::optional<std::string>(core::FormatUnits(value.RoundHalfUp(4), 4));
  };
  for (const WaterfallStep& step : explanation.steps) {
    auto& cells = grid.AddRow();
    cells = {step.id, step.name, step.kind};
    if (step.row) {
      const core::Contribution& row = *step.row;
      for (auto cell : {score(row.score_a), score(row.score_b), weight(row.weight_a), weight(row.weight_b)}) {
        cells.push_back(std::move(cell));
      }
    } else {
      cells.insert(cells.end(), 4, std::nullopt);
    }
    cells.push_back(SignedUnits(step.units, explanation.places));
    cells.push_back(SignedUnits(step.cumulative, explanation.places));
    cells.push_back(step.row && step.row->like_for_like
                        ? SignedUnits(step.row->like_for_like->RoundHalfUp(explanation.places), explanation.places)
                        : std::nullopt);
  }
  grid.rows.push_back({"total", "Published difference", "total", std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                       SignedUnits(explanation.total, explanation.places),
                       SignedUnits(explanation.total, explanation.places), std::nullopt});
  return grid;
}

}  // namespace ocindex::app
