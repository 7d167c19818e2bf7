// A composite of several countries across editions, as published and like-for-like:
// every edition recomputed on the indicators all of them share, so a movement reflects
// changed scores rather than indicators entering the mean.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"

namespace ocindex::core {

struct Trajectory {
  std::string iso3;
  std::vector<std::optional<int64_t>> raw;   // by edition; rounded units; nullopt: not assessed
  std::vector<std::optional<int64_t>> like;  // on the shared indicators
};

struct Trajectories {
  std::string measure_id;
  int decimals = 2;
  std::vector<std::string> editions;           // as given (oldest first)
  std::vector<std::string> shared_indicators;  // in every edition
  std::vector<Trajectory> countries;           // as asked
};

// `measure_id` must be a measure of every edition, and of the shared indicators.
Result<Trajectories> TraceCountries(const std::vector<const Edition*>& editions, const std::vector<std::string>& iso3s,
                                    const std::string& measure_id);

}  // namespace ocindex::core
