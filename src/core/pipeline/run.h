// Running a pipeline spec on a model. Run() gives every intermediate data set (as
// COINr names them: Denominated, Imputed, Screened, Treated, Normalised, Aggregated)
// and the spec that built them. Runner is the fast path for many runs of one model
// (uncertainty and sensitivity analysis): it keeps its buffers between runs, so runs
// of specs of the same shape allocate nothing after the first.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/pipeline/model.h"
#include "core/pipeline/spec.h"
#include "core/pipeline/treat.h"

namespace ocindex::core::pipeline {

struct DataSet {
  std::string name;                  // "Denominated", "Imputed", ...
  std::vector<std::string> units;    // row codes
  std::vector<std::string> columns;  // indicator codes, or every node code (Aggregated)
  Matrix values;
  // Column index of a code, or -1.
  int FindColumn(const std::string& code) const;
};

struct TreatmentRecord {
  std::string code;
  TreatOutcome outcome;
};

struct Results {
  Spec spec;                       // how these results were built
  std::vector<DataSet> data_sets;  // one per data-changing step, in order
  std::vector<TreatmentRecord> treatments;  // indicators a treat step changed
  std::vector<double> weights;     // node weights used by the aggregation, per model node
  const DataSet* Find(const std::string& name) const;
};

// Runs `spec` on a linked model. Fails on an invalid spec or a step undefined for the
// data (see each step); nothing is returned half-built.
Result<Results> Run(const Model& model, const Spec& spec);

// Not thread-safe: use one Runner per thread (the Model may be shared, read-only).
class Runner {
 public:
  // `model` must be linked (Model::Link) and outlive the runner.
  explicit Runner(const Model& model);

  // Runs `spec` from the model's raw data, or from the checkpoint (see Checkpoint;
  // kInternal if none was made).
  // The spec is not validated here (call Spec::Validate once); results stay valid
  // until the next call.
  Status Run(const Spec& spec);
  Status RunFromCheckpoint(const Spec& rest);
  // Runs `prefix` and keeps its result as the starting point of RunFromCheckpoint:
  // steps every run shares (denominate, impute) are done once.
  Status Checkpoint(const Spec& prefix);

  // After a run: unit rows kept (model row indices), indicator values after the last
  // step, and every node's value (indicators then aggregates, model node order) once
  // an aggregate step ran.
  const std::vector<size_t>& rows() const { return rows_; }
  const Matrix& indicators() const { return current_; }
  const Matrix& scores() const { return scores_; }
  const std::vector<double>& weights() const { return weights_; }
  const std::vector<TreatmentRecord>& treatments() const { return treatments_; }

  // Called after each data-changing step with its data set name (Run() records them).
  using Observer = void (*)(void* context, const char* name, const Runner& runner);
  void SetObserver(Observer observer, void* context) {
    observer_ = observer;
    observer_context_ = context;
  }

 private:
  Status RunFromHere(const Spec& spec);
  Status Apply(const Step& step);
  Status Denominate();
  Status Impute(const ImputeStep& step);
  void Screen(const ScreenStep& step);
  void Treat(const TreatStep& step);
  Status Normalise(const NormaliseStep& step);
  void Weigh(const WeightStep& step);
  Status Aggregate(const AggregateStep& step);
  Status PcaWeights(int node);
  void Notify(const char* name);

  const Model& model_;
  std::vector<size_t> rows_;
  Matrix current_;
  Matrix scratch_;
  Matrix scores_;
  std::vector<double> weights_;
  bool pca_weights_ = false;
  std::vector<TreatmentRecord> treatments_;
  // Checkpoint state.
  bool has_checkpoint_ = false;
  std::vector<size_t> checkpoint_rows_;
  Matrix checkpoint_;
  // Scratch reused across runs.
  std::vector<double> column_;
  std::vector<double> sum_;
  std::vector<double> weight_sum_;
  std::vector<size_t> order_;
  std::vector<const double*> child_columns_;
  std::vector<double> child_weights_;
  std::vector<const std::string*> unit_codes_;
  Observer observer_ = nullptr;
  void* observer_context_ = nullptr;
};

}  // namespace ocindex::core::pipeline
