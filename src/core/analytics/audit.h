// Statistical audit of a composite indicator, as the OECD/JRC Handbook (2008, step 4)
// and COINr recommend: how indicators correlate with each other and with the node
// above them, whether each group is internally consistent (Cronbach's alpha), its
// principal components, and how much each indicator actually weighs in a composite.
// Works on a pipeline model and its aggregated scores (units x nodes, model order).
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/analytics/statistics.h"
#include "core/pipeline/model.h"

namespace ocindex::core::analytics {

// A square matrix of correlations between the model's indicators, row-major.
struct CorrelationMatrix {
  std::vector<std::string> codes;
  std::vector<double> values;
  double at(size_t i, size_t j) const { return values[i * codes.size() + j]; }
};

enum class CorrelationKind { kPearson, kSpearman };
CorrelationMatrix IndicatorCorrelations(const pipeline::Model& model, const pipeline::Matrix& scores,
                                        CorrelationKind kind);

// A set of nodes audited together: an aggregate's children, or a display group.
struct AuditGroup {
  std::string code;
  std::vector<int> members;  // model node indices
  int parent = -1;           // the node they are compared with; -1 for a display group
};
// Every aggregate (its children) and every display group (its members).
std::vector<AuditGroup> AuditGroups(const pipeline::Model& model);

struct ParentCorrelation {
  std::string code;
  std::string parent;
  double pearson = 0;
  double spearman = 0;
};
// Each node against its parent in the tree.
std::vector<ParentCorrelation> ParentCorrelations(const pipeline::Model& model, const pipeline::Matrix& scores);

struct GroupAlpha {
  std::string group;
  size_t members = 0;
  double alpha = 0;  // NaN when undefined (see CronbachAlpha)
};
std::vector<GroupAlpha> GroupAlphas(const pipeline::Model& model, const pipeline::Matrix& scores);

struct GroupPca {
  std::string group;
  std::vector<std::string> members;
  Result<PrincipalComponents> pca = MakeError(ErrorCode::kInvalidInput, "not computed");
};
// PCA of every group with two or more members.
std::vector<GroupPca> GroupPcas(const pipeline::Model& model, const pipeline::Matrix& scores);

enum class FlagKind {
  kNegativeWithParent,  // an indicator correlates negatively with its own aggregate
  kCollinear,           // two members of one group correlate above the threshold
};
struct AuditFlag {
  FlagKind kind = FlagKind::kCollinear;
  std::string group;
  std::string code;
  std::string other;  // the parent, or the collinear partner
  double r = 0;       // Pearson
};
const char* FlagKindName(FlagKind kind);
std::vector<AuditFlag> Flags(const pipeline::Model& model, const pipeline::Matrix& scores,
                             double collinear_threshold = 0.92);

// How much one indicator weighs in a composite. Nominal: the product of its weight
// shares on the way up (what the formula says). Empirical: its Pearson r with the
// composite, and its share of the composite's variance, w_i cov(x_i, C) / var(C)
// with w_i the nominal weight (the shares sum to 1 for a linear composite without
// missing values).
struct EffectiveWeight {
  std::string code;
  std::string via;  // the child of the composite it weighs through (e.g. criminal_markets)
  double nominal = 0;
  double pearson = 0;
  double variance_share = 0;
};
Result<std::vector<EffectiveWeight>> EffectiveWeights(const pipeline::Model& model, const pipeline::Matrix& scores,
                                                      int composite);

}  // namespace ocindex::core::analytics
