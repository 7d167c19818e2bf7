// audit: the statistical audit of an edition (correlations, Cronbach's alpha, PCA,
// effective weights, flags), computed by core/analytics on the edition as a pipeline
// model (core/pipeline/edition_model.h).
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>

#include "core/analytics/audit.h"
#include "core/pipeline/edition_model.h"
#include "core/pipeline/run.h"
#include "faces/cli/commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;
namespace pl = core::pipeline;
namespace an = core::analytics;

struct AuditArgs {
  std::string edition;
  std::string what = "weights";
  std::string composite;  // for weights; default: the quadrant's vertical axis (criminality)
  double threshold = 0.92;
};

std::optional<std::string> Number(double value, int decimals = 4) {
  if (std::isnan(value)) return std::nullopt;
  return fmt::format("{:.{}f}", value, decimals);
}

struct Audited {
  pl::Model model;
  pl::Matrix scores;
  std::string edition;
  std::string vertical_axis;  // the framework's quadrant y node (criminality for the GOCI)
};

Result<Audited> Prepare(const Context& context, const std::string& edition_id) {
  auto engine = context.OpenEngine();
  if (!engine) return engine.error();
  const app::LoadedEdition* loaded = nullptr;
  OCINDEX_ASSIGN_OR_RETURN(loaded, (*engine)->Edition(edition_id));
  const core::Edition& edition = loaded->edition;
  Audited out;
  out.edition = edition.framework.edition;
  out.vertical_axis = edition.framework.quadrant_y;
  OCINDEX_ASSIGN_OR_RETURN(out.model, pl::ModelFromEdition(edition.framework, edition.dataset));
  pl::Results results;
  OCINDEX_ASSIGN_OR_RETURN(results, pl::Run(out.model, pl::Spec{{pl::AggregateStep{}}}));
  out.scores = results.Find("Aggregated")->values;
  return out;
}

Grid Correlations(const Audited& a) {
  Grid grid;
  for (const char* name : {"code", "with", "relation"}) grid.AddColumn(name);
  grid.AddColumn("pearson", true);
  grid.AddColumn("spearman", true);
  const auto pearson = an::IndicatorCorrelations(a.model, a.scores, an::CorrelationKind::kPearson);
  const auto spearman = an::IndicatorCorrelations(a.model, a.scores, an::CorrelationKind::kSpearman);
  for (size_t i = 0; i < pearson.codes.size(); ++i) {
    for (size_t j = i + 1; j < pearson.codes.size(); ++j) {
      grid.rows.push_back({pearson.codes[i], pearson.codes[j], "indicator", Number(pearson.at(i, j)),
                           Number(spearman.at(i, j))});
    }
  }
  for (const an::ParentCorrelation& p : an::ParentCorrelations(a.model, a.scores)) {
    grid.rows.push_back({p.code, p.parent, "parent", Number(p.pearson), Number(p.spearman)});
  }
  return grid;
}

Grid Alphas(const Audited& a) {
  Grid grid;
  grid.AddColumn("group");
  grid.AddColumn("members", true);
  grid.AddColumn("cronbach_alpha", true);
  for (const an::GroupAlpha& alpha : an::GroupAlphas(a.model, a.scores)) {
    grid.rows.push_back({alpha.group, std::to_string(alpha.members), Number(alpha.alpha)});
  }
  return grid;
}

Grid Pcas(const Audited& a) {
  Grid grid;
  grid.AddColumn("group");
  grid.AddColumn("component", true);
  grid.AddColumn("eigenvalue", true);
  grid.AddColumn("explained", true);
  grid.AddColumn("cumulative", true);
  grid.AddColumn("loadings");
  for (const an::GroupPca& group : an::GroupPcas(a.model, a.scores)) {
    if (!group.pca) {
      grid.rows.push_back({group.group, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                           group.pca.error().message});
      continue;
    }
    double cumulative = 0;
    for (size_t c = 0; c < group.pca->eigenvalues.size(); ++c) {
      cumulative += group.pca->explained[c];
      std::string loadings;
      for (size_t v = 0; v < group.members.size(); ++v) {
        loadings += fmt::format("{}{}={:.3f}", v ? " " : "", group.members[v], group.pca->loadings[c][v]);
      }
      grid.rows.push_back({group.group, std::to_string(c + 1), Number(group.pca->eigenvalues[c]),
                           Number(group.pca->explained[c]), Number(cumulative), loadings});
    }
  }
  return grid;
}

Result<Grid> Weights(const Audited& a, const std::string& composite) {
  auto node = a.model.FindNode(composite);
  if (!node) return MakeError(ErrorCode::kNotFound, "no composite " + composite + " in edition " + a.edition);
  std::vector<an::EffectiveWeight> weights;
  OCINDEX_ASSIGN_OR_RETURN(weights, an::EffectiveWeights(a.model, a.scores, *node));
  double smallest = INFINITY;
  double largest = 0;
  for (const auto& w : weights) {
    if (w.nominal > 0) smallest = std::min(smallest, w.nominal);
    largest = std::max(largest, w.nominal);
  }
  std::cerr << fmt::format("{} {}: the heaviest indicator weighs {:.2f} times the lightest\n", a.edition, composite,
                           largest / smallest);
  Grid grid;
  grid.AddColumn("indicator");
  grid.AddColumn("via");
  grid.AddColumn("nominal_weight", true);
  grid.AddColumn("times_smallest", true);
  grid.AddColumn("pearson", true);
  grid.AddColumn("variance_share", true);
  for (const auto& w : weights) {
    grid.rows.push_back({w.code, w.via, Number(w.nominal), Number(w.nominal / smallest, 2), Number(w.pearson),
                         Number(w.variance_share)});
  }
  return grid;
}

Grid FlagGrid(const Audited& a, double threshold) {
  Grid grid;
  for (const char* name : {"flag", "group", "indicator", "other"}) grid.AddColumn(name);
  grid.AddColumn("pearson", true);
  for (const an::AuditFlag& flag : an::Flags(a.model, a.scores, threshold)) {
    grid.rows.push_back({an::FlagKindName(flag.kind), flag.group, flag.code, flag.other, Number(flag.r)});
  }
  return grid;
}

void Audit(Context& context, const AuditArgs& args) {
  auto audited = Prepare(context, args.edition);
  if (!audited) return context.Fail(audited.error());
  Grid grid;
  if (args.what == "correlations") {
    grid = Correlations(*audited);
  } else if (args.what == "alpha") {
    grid = Alphas(*audited);
  } else if (args.what == "pca") {
    grid = Pcas(*audited);
  } else if (args.what == "flags") {
    grid = FlagGrid(*audited, args.threshold);
    std::cerr << fmt::format("{} flag(s): negative correlation with the parent, or |r| > {} within a group\n",
                             grid.rows.size(), args.threshold);
  } else {
    auto weights = Weights(*audited, args.composite.empty() ? audited->vertical_axis : args.composite);
    if (!weights) return context.Fail(weights.error());
    grid = std::move(*weights);
  }
  context.Print(grid);
}

}  // namespace

void RegisterAuditCommands(CLI::App& app, Context& context) {
  auto args = std::make_shared<AuditArgs>();
  auto* audit = app.add_subcommand(
      "audit",
      "Statistical audit of an edition: correlations, Cronbach's alpha, PCA, effective weights, flags "
      "(docs/ANALYTICS.md)");
  audit->add_option("--edition,-e", args->edition, "Edition (default: the newest)");
  audit->add_option("--what", args->what,
                    "correlations (indicator pairs and each node with its parent), alpha (per group and "
                    "component), pca (per group and component), weights (each indicator's effective weight "
                    "in --composite), flags (negative or near-collinear indicators)")
      ->check(CLI::IsMember({"correlations", "alpha", "pca", "weights", "flags"}));
  audit->add_option("--composite", args->composite, "Composite for --what weights (default: the quadrant's vertical axis, criminality)");
  audit->add_option("--threshold", args->threshold, "|r| above which two indicators of a group are flagged")
      ->check(CLI::Range(0.0, 1.0));
  audit->callback([&context, args] { Audit(context, *args); });
}

}  // namespace ocindex::cli
