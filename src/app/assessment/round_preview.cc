#include "app/assessment/round_preview.h"

#include <functional>

#include "core/assessment/calibration.h"
#include "core/assessment/cell_view.h"
#include "core/scoring/scorecard.h"

namespace ocindex::app {
namespace {

using ScoreOf = std::function<std::optional<core::Rational>(const as::CellKey&)>;

// The round's countries with every cell scored by `score`.
core::Dataset RoundDataset(const as::Round& round, const ScoreOf& score) {
  core::Dataset dataset = core::Dataset::ShapedFor(round.framework);
  dataset.edition = round.edition;
  for (const core::CountryEntry& country : round.countries) {
    const int row = dataset.AddCountry(country);
    for (int i = 0; i < dataset.indicator_count(); ++i) {
      dataset.score(row, i) = score({country.iso3, dataset.indicator_ids[static_cast<size_t>(i)]});
    }
  }
  return dataset;
}

struct Figures {
  core::Dataset dataset;
  core::Scorecard card;
  std::vector<std::vector<core::Rank>> ranks;  // [node][country], world scope
};

Result<Figures> FiguresOf(const as::Round& round, const ScoreOf& score) {
  Figures figures;
  figures.dataset = RoundDataset(round, score);
  OCINDEX_ASSIGN_OR_RETURN(figures.card, core::Scorecard::Compute(round.framework, figures.dataset));
  for (int node = 0; node < static_cast<int>(round.framework.nodes.size()); ++node) {
    figures.ranks.push_back(core::RankCountries(figures.dataset, figures.card, node, core::Scope::kWorld));
  }
  return figures;
}

CountryFigures Compare(const as::Round& round, const Figures& before, const Figures& after, int row) {
  CountryFigures out;
  out.country = round.countries[static_cast<size_t>(row)];
  out.decimals = round.framework.decimals;
  for (int node = 0; node < static_cast<int>(round.framework.nodes.size()); ++node) {
    const auto n = static_cast<size_t>(node);
    const auto c = static_cast<size_t>(row);
    out.composites.push_back({round.framework.nodes[n].id, round.framework.nodes[n].name,
                              before.card.rounded(row, node), after.card.rounded(row, node), before.ranks[n][c],
                              after.ranks[n][c]});
  }
  out.quadrant_before = core::Classify(round.framework, before.card, row);
  out.quadrant_after = core::Classify(round.framework, after.card, row);
  return out;
}

bool Moves(const CountryFigures& figures) {
  if (figures.quadrant_before != figures.quadrant_after) return true;
  for (const CompositeMove& m : figures.composites) {
    if (m.before != m.after || m.rank_before.position != m.rank_after.position) return true;
  }
  return false;
}

// What the caller sees as the cell's score now (PreviewCountry).
std::optional<core::Rational> SeenScore(const as::Round& round, const as::CellView& view, const as::Actor& actor) {
  if (view.settled) return view.settled;
  if (view.others_visible && view.consensus) return view.consensus->proposal;
  for (const as::Submission& s : view.submissions) {
    if (s.expert == actor.user) return s.score;
  }
  return round.BaselineScore(view.key);
}

}  // namespace

Result<CountryFigures> PreviewCountry(Rounds& rounds, const std::string& round, const as::Actor& actor,
                                      const std::string& iso3) {
  OCINDEX_RETURN_IF_ERROR(rounds.Info(round, actor));
  Result<CountryFigures> result = MakeError(ErrorCode::kNotFound, "no country " + iso3 + " in round " + round);
  OCINDEX_RETURN_IF_ERROR(rounds.Observe(round, [&](const as::RoundLedger& ledger) {
    const as::Round& r = ledger.round();
    const core::CountryEntry* country = r.FindCountry(iso3);
    if (country == nullptr) return;
    // Cells the caller may not read keep the baseline; with none readable, the first refusal answers.
    std::map<as::CellKey, std::optional<core::Rational>> seen;
    std::optional<Error> refusal;
    for (const core::Indicator& indicator : r.framework.indicators) {
      const as::CellKey key{country->iso3, indicator.id};
      auto view = as::ViewCell(ledger, actor, key);
      if (view) {
        seen[key] = SeenScore(r, *view, actor);
      } else if (!refusal) {
        refusal = view.error();
      }
    }
    if (seen.empty() && refusal) {
      result = *refusal;
      return;
    }
    auto before = FiguresOf(r, [&](const as::CellKey& key) { return r.BaselineScore(key); });
    auto after = FiguresOf(r, [&](const as::CellKey& key) {
      auto found = seen.find(key);
      return found != seen.end() ? found->second : r.BaselineScore(key);
    });
    if (!before || !after) {
      result = before ? after.error() : before.error();
      return;
    }
    const int row = static_cast<int>(country - r.countries.data());
    result = Compare(r, *before, *after, row);
  }));
  return result;
}

Result<PublicationPreview> PreviewPublication(Rounds& rounds, const std::string& round, const as::Actor& actor) {
  Result<PublicationPreview> result = PublicationPreview{};
  OCINDEX_RETURN_IF_ERROR(rounds.Inspect(round, actor, [&](const as::RoundLedger& ledger) {
    const as::Round& r = ledger.round();
    const std::map<as::CellKey, as::CellSignal> signals = as::Signals(ledger);
    PublicationPreview preview;
    auto standing = [&](const as::CellKey& key) { return signals.at(key).standing; };
    for (const as::CellKey& key : r.Cells()) {
      const std::optional<core::Rational> score = standing(key);
      if (!score) {
        ++preview.pending;
        continue;
      }
      as::CellChange change{key, r.BaselineScore(key), *score, std::nullopt};
      if (change.baseline) change.delta = *score - *change.baseline;
      as::AddChange(preview.changes, std::move(change));
    }
    auto before = FiguresOf(r, [&](const as::CellKey& key) { return r.BaselineScore(key); });
    auto after = FiguresOf(r, [&](const as::CellKey& key) {
      const std::optional<core::Rational> score = standing(key);
      return score ? score : r.BaselineScore(key);
    });
    if (!before || !after) {
      result = before ? after.error() : before.error();
      return;
    }
    for (int row = 0; row < static_cast<int>(r.countries.size()); ++row) {
      CountryFigures figures = Compare(r, *before, *after, row);
      if (Moves(figures)) preview.countries.push_back(std::move(figures));
    }
    result = std::move(preview);
  }));
  return result;
}

}  // namespace ocindex::app
