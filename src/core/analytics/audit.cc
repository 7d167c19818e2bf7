#include "core/analytics/audit.h"

#include <cmath>

#include <fmt/format.h>

namespace ocindex::core::analytics {

namespace {

using pipeline::IsMissing;

const double* Column(const pipeline::Matrix& scores, int node) { return scores.column(static_cast<size_t>(node)); }

double Covariance(const double* x, const double* y, size_t n) {
  double sx = 0, sy = 0, count = 0;
  for (size_t i = 0; i < n; ++i) {
    if (IsMissing(x[i]) || IsMissing(y[i])) continue;
    sx += x[i];
    sy += y[i];
    count += 1;
  }
  if (count < 2) return std::nan("");
  const double mx = sx / count;
  const double my = sy / count;
  double s = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!IsMissing(x[i]) && !IsMissing(y[i])) s += (x[i] - mx) * (y[i] - my);
  }
  return s / (count - 1);
}

}  // namespace

CorrelationMatrix IndicatorCorrelations(const pipeline::Model& model, const pipeline::Matrix& scores,
                                        CorrelationKind kind) {
  CorrelationMatrix out;
  const size_t k = model.indicator_count();
  for (size_t i = 0; i < k; ++i) out.codes.push_back(model.nodes[i].code);
  out.values.assign(k * k, 1.0);
  for (size_t i = 0; i < k; ++i) {
    for (size_t j = i + 1; j < k; ++j) {
      const double* x = scores.column(i);
      const double* y = scores.column(j);
      const double r = kind == CorrelationKind::kPearson ? Pearson(x, y, scores.rows()) : Spearman(x, y, scores.rows());
      out.values[i * k + j] = out.values[j * k + i] = r;
    }
  }
  return out;
}

std::vector<AuditGroup> AuditGroups(const pipeline::Model& model) {
  std::vector<AuditGroup> groups;
  for (int node : model.aggregation_order()) {
    const pipeline::Node& n = model.nodes[static_cast<size_t>(node)];
    groups.push_back({n.code, n.children, node});
  }
  for (const pipeline::DisplayGroup& group : model.display_groups) groups.push_back({group.code, group.members, -1});
  return groups;
}

std::vector<ParentCorrelation> ParentCorrelations(const pipeline::Model& model, const pipeline::Matrix& scores) {
  std::vector<ParentCorrelation> out;
  for (size_t i = 0; i < model.nodes.size(); ++i) {
    const int parent = model.nodes[i].parent;
    if (parent < 0) continue;
    const double* x = scores.column(i);
    const double* y = Column(scores, parent);
    out.push_back({model.nodes[i].code, model.nodes[static_cast<size_t>(parent)].code,
                   Pearson(x, y, scores.rows()), Spearman(x, y, scores.rows())});
  }
  return out;
}

std::vector<GroupAlpha> GroupAlphas(const pipeline::Model& model, const pipeline::Matrix& scores) {
  std::vector<GroupAlpha> out;
  for (const AuditGroup& group : AuditGroups(model)) {
    std::vector<const double*> columns;
    for (int member : group.members) columns.push_back(Column(scores, member));
    out.push_back({group.code, columns.size(), CronbachAlpha(columns, scores.rows())});
  }
  return out;
}

std::vector<GroupPca> GroupPcas(const pipeline::Model& model, const pipeline::Matrix& scores) {
  std::vector<GroupPca> out;
  for (const AuditGroup& group : AuditGroups(model)) {
    if (group.members.size() < 2) continue;
    GroupPca result;
    result.group = group.code;
    std::vector<const double*> columns;
    for (int member : group.members) {
      columns.push_back(Column(scores, member));
      result.members.push_back(model.nodes[static_cast<size_t>(member)].code);
    }
    result.pca = Pca(columns, scores.rows());
    out.push_back(std::move(result));
  }
  return out;
}

const char* FlagKindName(FlagKind kind) {
  return kind == FlagKind::kCollinear ? "collinear" : "negative_with_parent";
}

std::vector<AuditFlag> Flags(const pipeline::Model& model, const pipeline::Matrix& scores, double collinear_threshold) {
  std::vector<AuditFlag> flags;
  const size_t n = scores.rows();
  for (const AuditGroup& group : AuditGroups(model)) {
    for (size_t a = 0; a < group.members.size(); ++a) {
      const int member = group.members[a];
      if (group.parent >= 0 && static_cast<size_t>(member) < model.indicator_count()) {
        const double r = Pearson(Column(scores, member), Column(scores, group.parent), n);
        if (r < 0) {
          flags.push_back({FlagKind::kNegativeWithParent, group.code, model.nodes[static_cast<size_t>(member)].code,
                           model.nodes[static_cast<size_t>(group.parent)].code, r});
        }
      }
      for (size_t b = a + 1; b < group.members.size(); ++b) {
        const int other = group.members[b];
        const double r = Pearson(Column(scores, member), Column(scores, other), n);
        if (std::abs(r) > collinear_threshold) {
          flags.push_back({FlagKind::kCollinear, group.code, model.nodes[static_cast<size_t>(member)].code,
                           model.nodes[static_cast<size_t>(other)].code, r});
        }
      }
    }
  }
  return flags;
}

Result<std::vector<EffectiveWeight>> EffectiveWeights(const pipeline::Model& model, const pipeline::Matrix& scores,
                                                      int composite) {
  if (composite < static_cast<int>(model.indicator_count()) || composite >= static_cast<int>(model.nodes.size())) {
    return MakeError(ErrorCode::kInvalidInput, "effective weights need an aggregate node");
  }
  const size_t n = scores.rows();
  const double* c = Column(scores, composite);
  const double variance = Covariance(c, c, n);
  std::vector<EffectiveWeight> out;
  for (size_t i = 0; i < model.indicator_count(); ++i) {
    // Walk up to the composite, multiplying the weight shares.
    double nominal = 1;
    int node = static_cast<int>(i);
    int via = node;
    while (node >= 0 && node != composite) {
      const int parent = model.nodes[static_cast<size_t>(node)].parent;
      if (parent < 0) break;
      double total = 0;
      for (int sibling : model.nodes[static_cast<size_t>(parent)].children) {
        total += model.nodes[static_cast<size_t>(sibling)].weight;
      }
      nominal *= total > 0 ? model.nodes[static_cast<size_t>(node)].weight / total : 0;
      via = node;
      node = parent;
    }
    if (node != composite) continue;  // not beneath the composite
    const double* x = scores.column(i);
    out.push_back({model.nodes[i].code, model.nodes[static_cast<size_t>(via)].code, nominal, Pearson(x, c, n),
                   variance > 0 ? nominal * Covariance(x, c, n) / variance : std::nan("")});
  }
  return out;
}

}  // namespace ocindex::core::analytics
