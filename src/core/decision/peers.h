// Who is alike: the distance between two countries' indicator profiles and the
// nearest peers of a country. Distance: the root mean square of the score differences
// over the indicators both countries were assessed on (a not-assessed cell is left
// out, never read as zero); two countries sharing fewer than half of the indicators
// are not compared. Symmetric by construction.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/model/dataset.h"

namespace ocindex::core {

struct ProfileDistance {
  double distance = 0;  // in scale points
  int shared = 0;       // indicators both were assessed on
};

// nullopt when the two share fewer than half of `indicators` (or none).
std::optional<ProfileDistance> Distance(const Dataset& dataset, int a, int b, std::span<const int> indicators);

struct Peer {
  int country = 0;
  ProfileDistance distance;
};

// The `count` countries closest to `country`, nearest first; equal distances by ISO3.
std::vector<Peer> NearestPeers(const Dataset& dataset, int country, std::span<const int> indicators, int count);

}  // namespace ocindex::core
