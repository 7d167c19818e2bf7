// The reference uncertainty experiment (core::uncertainty::ReferenceSpec: each score
// +-0.5 with probability 1/4 each way, each indicator weight x (1 + U(-0.25, 0.25))) on a
// stored edition, with a fixed seed: the answer never changes, so it is computed once per
// edition and kept. The API's uncertainty route and its measure CSV share one instance,
// so both show the same intervals and the experiment runs once.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/engine.h"
#include "core/error.h"
#include "core/uncertainty/uncertainty_analysis.h"

namespace ocindex::app {

class ReferenceUncertainty {
 public:
  static constexpr std::int64_t kRuns = 20000;
  static constexpr std::uint64_t kSeed = 1;

  explicit ReferenceUncertainty(const Engine& engine) : engine_(engine) {}

  // Safe from any thread; concurrent first requests for one edition compute it once.
  Result<std::shared_ptr<const core::uncertainty::UncertaintyResult>> Get(const LoadedEdition& edition);

 private:
  const Engine& engine_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const core::uncertainty::UncertaintyResult>> results_;
};

// The index of `measure_id` among the result's pillars, if the experiment ranks it.
std::optional<size_t> PillarOf(const core::uncertainty::UncertaintyResult& result, const std::string& measure_id);

}  // namespace ocindex::app
