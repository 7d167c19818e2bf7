#include "core/decision/peers.h"

#include <algorithm>
#include <cmath>

namespace ocindex::core {

std::optional<ProfileDistance> Distance(const Dataset& dataset, int a, int b, std::span<const int> indicators) {
  double squares = 0;
  int shared = 0;
  for (int i : indicators) {
    const auto& x = dataset.score(a, i);
    const auto& y = dataset.score(b, i);
    if (!x || !y) continue;
    const double d = (*x - *y).ToDouble();  // multiples of the step: exact in binary
    squares += d * d;
    ++shared;
  }
  if (shared == 0 || 2 * shared < static_cast<int>(indicators.size())) return std::nullopt;
  return ProfileDistance{std::sqrt(squares / shared), shared};
}

std::vector<Peer> NearestPeers(const Dataset& dataset, int country, std::span<const int> indicators, int count) {
  std::vector<Peer> peers;
  for (int c = 0; c < dataset.country_count(); ++c) {
    if (c == country) continue;
    if (auto distance = Distance(dataset, country, c, indicators)) peers.push_back(Peer{c, *distance});
  }
  // Only the nearest `count` are ordered: among 100,000 units a whole sort is most of the time.
  const size_t kept = std::min(peers.size(), static_cast<size_t>(std::max(count, 0)));
  std::partial_sort(peers.begin(), peers.begin() + static_cast<std::ptrdiff_t>(kept), peers.end(),
                    [&dataset](const Peer& x, const Peer& y) {
                      if (x.distance.distance != y.distance.distance) return x.distance.distance < y.distance.distance;
                      return dataset.countries[static_cast<size_t>(x.country)].iso3 <
                             dataset.countries[static_cast<size_t>(y.country)].iso3;
                    });
  peers.resize(kept);
  return peers;
}

}  // namespace ocindex::core
