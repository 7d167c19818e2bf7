#include "core/model/rounding.h"

#include <algorithm>
#include <numeric>

namespace ocindex::core {

int64_t Floor(const Rational& value) {
  // Denominators are positive (Rational normalises the sign into the numerator).
  return value.num() / value.den() - (value.num() % value.den() < 0 ? 1 : 0);
}

std::vector<int64_t> RoundToTotal(const std::vector<Rational>& parts, int64_t total_units, int places) {
  int64_t scale = 1;
  for (int p = 0; p < places; ++p) scale *= 10;
  std::vector<int64_t> units(parts.size());
  std::vector<Rational> remainders(parts.size());
  int64_t sum = 0;
  for (size_t k = 0; k < parts.size(); ++k) {
    const Rational scaled = parts[k] * Rational(scale);
    units[k] = Floor(scaled);
    remainders[k] = scaled - Rational(units[k]);
    sum += units[k];
  }
  std::vector<size_t> order(parts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return remainders[x] > remainders[y]; });
  for (size_t k = 0; k < order.size() && sum < total_units; ++k, ++sum) ++units[order[k]];
  return units;
}

}  // namespace ocindex::core
