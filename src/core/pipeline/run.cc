#include "core/pipeline/run.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "core/analytics/statistics.h"
#include "core/pipeline/aggregate.h"
#include "core/pipeline/normalise.h"

namespace ocindex::core::pipeline {

namespace {

double Median(std::vector<double>& values) {
  const size_t n = values.size();
  std::sort(values.begin(), values.end());
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

int DataSet::FindColumn(const std::string& code) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == code) return static_cast<int>(i);
  }
  return -1;
}

const DataSet* Results::Find(const std::string& name) const {
  for (const DataSet& set : data_sets) {
    if (set.name == name) return &set;
  }
  return nullptr;
}

Runner::Runner(const Model& model) : model_(model) {
  const size_t n = model.unit_count();
  column_.resize(n);
  sum_.resize(n);
  weight_sum_.resize(n);
  order_.resize(n);
}

Status Runner::Run(const Spec& spec) {
  rows_.resize(model_.unit_count());
  for (size_t r = 0; r < rows_.size(); ++r) rows_[r] = r;
  current_ = model_.data;
  return RunFromHere(spec);
}

Status Runner::Checkpoint(const Spec& prefix) {
  has_checkpoint_ = false;
  OCINDEX_RETURN_IF_ERROR(Run(prefix));
  checkpoint_rows_ = rows_;
  checkpoint_ = current_;
  has_checkpoint_ = true;
  return {};
}

Status Runner::RunFromCheckpoint(const Spec& rest) {
  if (!has_checkpoint_) return MakeError(ErrorCode::kInternal, "RunFromCheckpoint needs a Checkpoint first");
  // Copy assignment reuses the buffers' capacity: no allocation after the first run.
  rows_ = checkpoint_rows_;
  current_ = checkpoint_;
  return RunFromHere(rest);
}

Status Runner::RunFromHere(const Spec& spec) {
  weights_.resize(model_.nodes.size());
  for (size_t i = 0; i < weights_.size(); ++i) weights_[i] = model_.nodes[i].weight;
  pca_weights_ = false;
  treatments_.clear();
  scores_.Resize(0, 0);
  for (const Step& step : spec.steps) OCINDEX_RETURN_IF_ERROR(Apply(step));
  return {};
}

Status Runner::Apply(const Step& step) {
  return std::visit(Overload{
                        [this](const DenominateStep&) -> Status {
                          OCINDEX_RETURN_IF_ERROR(Denominate());
                          Notify("Denominated");
                          return {};
                        },
                        [this](const ImputeStep& s) -> Status {
                          OCINDEX_RETURN_IF_ERROR(Impute(s));
                          Notify("Imputed");
                          return {};
                        },
                        [this](const ScreenStep& s) -> Status {
                          Screen(s);
                          Notify("Screened");
                          return {};
                        },
                        [this](const TreatStep& s) -> Status {
                          Treat(s);
                          Notify("Treated");
                          return {};
                        },
                        [this](const NormaliseStep& s) -> Status {
                          OCINDEX_RETURN_IF_ERROR(Normalise(s));
                          Notify("Normalised");
                          return {};
                        },
                        [this](const WeightStep& s) -> Status {
                          Weigh(s);
                          return {};
                        },
                        [this](const AggregateStep& s) -> Status {
                          OCINDEX_RETURN_IF_ERROR(Aggregate(s));
                          Notify("Aggregated");
                          return {};
                        },
                    },
                    step);
}

void Runner::Notify(const char* name) {
  if (observer_ != nullptr) observer_(observer_context_, name, *this);
}

Status Runner::Denominate() {
  for (size_t j = 0; j < current_.cols(); ++j) {
    const Node& node = model_.nodes[j];
    if (node.denominator.empty()) continue;
    const AuxColumn* denominator = model_.FindDenominator(node.denominator);
    double* x = current_.column(j);
    for (size_t r = 0; r < rows_.size(); ++r) {
      const double d = denominator->values[rows_[r]];
      if (d == 0) {
        return MakeError(ErrorCode::kInvalidInput, fmt::format("unit {}, indicator {}: denominator {} is zero",
                                                               model_.units[rows_[r]], node.code, node.denominator));
      }
      x[r] /= d;  // a missing denominator leaves the value missing
    }
  }
  return {};
}

Status Runner::Impute(const ImputeStep& step) {
  const size_t n = rows_.size();
  if (step.method == ImputeMethod::kRowMean) {
    scratch_ = current_;  // siblings are read before any is imputed
    for (size_t j = 0; j < current_.cols(); ++j) {
      const int parent = model_.nodes[j].parent;
      if (parent < 0) continue;
      for (size_t r = 0; r < n; ++r) {
        if (!IsMissing(current_.at(r, j))) continue;
        double sum = 0;
        double count = 0;
        for (int sibling : model_.nodes[static_cast<size_t>(parent)].children) {
          if (static_cast<size_t>(sibling) >= current_.cols()) continue;  // an aggregate child
          const double v = scratch_.at(r, static_cast<size_t>(sibling));
          if (IsMissing(v)) continue;
          sum += v;
          count += 1;
        }
        if (count > 0) current_.at(r, j) = sum / count;
      }
    }
    return {};
  }
  const GroupColumn* group = nullptr;
  if (!step.group.empty()) {
    group = model_.FindGroup(step.group);
    if (group == nullptr) return MakeError(ErrorCode::kInvalidInput, "impute: unknown group column " + step.group);
  }
  static const std::string kAll;
  std::map<std::string, std::vector<double>> present;
  for (size_t j = 0; j < current_.cols(); ++j) {
    present.clear();
    double* x = current_.column(j);
    for (size_t r = 0; r < n; ++r) {
      if (!IsMissing(x[r])) present[group != nullptr ? group->labels[rows_[r]] : kAll].push_back(x[r]);
    }
    std::map<std::string, double> fill;
    for (auto& [label, values] : present) {
      fill[label] = step.method == ImputeMethod::kGroupMedian
                        ? Median(values)
                        : std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    }
    for (size_t r = 0; r < n; ++r) {
      if (!IsMissing(x[r])) continue;
      auto it = fill.find(group != nullptr ? group->labels[rows_[r]] : kAll);
      if (it != fill.end()) x[r] = it->second;  // a group with no values leaves the gap
    }
  }
  return {};
}

void Runner::Screen(const ScreenStep& step) {
  const size_t n = rows_.size();
  const size_t cols = current_.cols();
  size_t kept = 0;
  for (size_t r = 0; r < n; ++r) {
    size_t available = 0;
    for (size_t j = 0; j < cols; ++j) available += !IsMissing(current_.at(r, j));
    if (static_cast<double>(available) >= step.min_availability * static_cast<double>(cols)) order_[kept++] = r;
  }
  scratch_.Resize(kept, cols);
  for (size_t j = 0; j < cols; ++j) {
    for (size_t k = 0; k < kept; ++k) scratch_.at(k, j) = current_.at(order_[k], j);
  }
  for (size_t k = 0; k < kept; ++k) rows_[k] = rows_[order_[k]];
  rows_.resize(kept);
  std::swap(current_, scratch_);
}

void Runner::Treat(const TreatStep& step) {
  for (size_t j = 0; j < current_.cols(); ++j) {
    const TreatOutcome outcome = TreatColumn(current_.column(j), rows_.size(), step, column_.data());
    if (outcome.treatment != Treatment::kNone) treatments_.push_back({model_.nodes[j].code, outcome});
  }
}

Status Runner::Normalise(const NormaliseStep& step) {
  for (size_t j = 0; j < current_.cols(); ++j) {
    const Node& node = model_.nodes[j];
    const double d = node.direction;
    double* x = current_.column(j);
    for (size_t r = 0; r < rows_.size(); ++r) x[r] *= d;
    NormaliseReference reference{node.target * d, node.goalpost_low, node.goalpost_high};
    if (d < 0) {
      reference.goalpost_low = -node.goalpost_high;
      reference.goalpost_high = -node.goalpost_low;
    }
    OCINDEX_RETURN_IF_ERROR(NormaliseColumn(x, rows_.size(), step, reference, node.code, order_.data()));
  }
  return {};
}

void Runner::Weigh(const WeightStep& step) {
  if (step.method == WeightMethod::kPca) {
    pca_weights_ = true;
    return;
  }
  // Specs usually list weights in model order: try the next node first.
  size_t hint = 0;
  for (const NodeWeight& w : step.weights) {
    size_t i = hint < model_.nodes.size() && model_.nodes[hint].code == w.code ? hint : model_.nodes.size();
    if (i == model_.nodes.size()) {
      for (i = 0; i < model_.nodes.size() && model_.nodes[i].code != w.code; ++i) {
      }
    }
    if (i < model_.nodes.size()) {
      weights_[i] = w.weight;
      hint = i + 1;
    }
  }
}

Status Runner::PcaWeights(int node) {
  const Node& parent = model_.nodes[static_cast<size_t>(node)];
  if (parent.children.size() < 2) return {};
  child_columns_.clear();
  for (int child : parent.children) child_columns_.push_back(scores_.column(static_cast<size_t>(child)));
  auto pca = analytics::Pca(child_columns_, rows_.size());
  if (!pca) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("PCA weights of {}: {}", parent.code, pca.error().message));
  }
  for (size_t k = 0; k < parent.children.size(); ++k) {
    const double loading = pca->loadings[0][k];
    weights_[static_cast<size_t>(parent.children[k])] = loading * loading;
  }
  return {};
}

Status Runner::Aggregate(const AggregateStep& step) {
  const size_t n = rows_.size();
  const size_t n_indicators = current_.cols();
  scores_.Resize(n, model_.nodes.size());
  std::copy(current_.column(0), current_.column(0) + n * n_indicators, scores_.column(0));
  unit_codes_.clear();
  for (size_t r : rows_) unit_codes_.push_back(&model_.units[r]);
  for (int node : model_.aggregation_order()) {
    if (pca_weights_) OCINDEX_RETURN_IF_ERROR(PcaWeights(node));
    const Node& parent = model_.nodes[static_cast<size_t>(node)];
    child_columns_.clear();
    child_weights_.clear();
    for (int child : parent.children) {
      child_columns_.push_back(scores_.column(static_cast<size_t>(child)));
      child_weights_.push_back(weights_[static_cast<size_t>(child)]);
    }
    OCINDEX_RETURN_IF_ERROR(AggregateNode(child_columns_, child_weights_, n, step,
                                          scores_.column(static_cast<size_t>(node)), sum_.data(),
                                          weight_sum_.data(), parent.code, unit_codes_));
  }
  return {};
}

Result<Results> Run(const Model& model, const Spec& spec) {
  OCINDEX_RETURN_IF_ERROR(spec.Validate());
  Results results;
  results.spec = spec;
  Runner runner(model);
  struct Context {
    const Model* model;
    Results* results;
  } context{&model, &results};
  runner.SetObserver(
      [](void* raw, const char* name, const Runner& r) {
        auto* c = static_cast<Context*>(raw);
        DataSet set;
        set.name = name;
        for (size_t row : r.rows()) set.units.push_back(c->model->units[row]);
        const bool aggregated = set.name == "Aggregated";
        const size_t cols = aggregated ? c->model->nodes.size() : c->model->indicator_count();
        for (size_t j = 0; j < cols; ++j) set.columns.push_back(c->model->nodes[j].code);
        set.values = aggregated ? r.scores() : r.indicators();
        c->results->data_sets.push_back(std::move(set));
      },
      &context);
  OCINDEX_RETURN_IF_ERROR(runner.Run(spec));
  results.treatments = runner.treatments();
  results.weights = runner.weights();
  return results;
}

}  // namespace ocindex::core::pipeline
