// Histograms whose windows grow to the values seen count exactly what histograms over
// each slot's whole range count, whatever the order of the values and however two of
// them with different windows are merged.
#include "core/uncertainty/histograms.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "core/uncertainty/random_stream.h"

namespace ocindex {
namespace {

using core::uncertainty::Histograms;

// Slot k takes values in [100 k, 100 k + 600]: clustered near the middle, now and then
// anywhere, both ends included.
struct Values {
  static constexpr size_t kSlots = 5;
  std::vector<std::int32_t> low, high;
  Values() {
    for (size_t k = 0; k < kSlots; ++k) {
      low.push_back(static_cast<std::int32_t>(100 * k));
      high.push_back(static_cast<std::int32_t>(100 * k + 600));
    }
  }
  std::int32_t Draw(core::RandomStream& stream, size_t k) const {
    const std::uint64_t pick = stream.Below(100);
    if (pick == 0) return low[k];
    if (pick == 1) return high[k];
    if (pick < 10) return low[k] + static_cast<std::int32_t>(stream.Below(601));
    return low[k] + 290 + static_cast<std::int32_t>(stream.Below(21));
  }
};

// Counts of every value of every slot, zero outside the windows.
template <typename Count>
std::vector<std::vector<std::uint64_t>> Counts(const Histograms<Count>& h, const Values& values) {
  std::vector<std::vector<std::uint64_t>> out(Values::kSlots);
  for (size_t k = 0; k < Values::kSlots; ++k) {
    out[k].assign(static_cast<size_t>(values.high[k] - values.low[k] + 1), 0);
    if (h.first(k) > h.last(k)) continue;
    EXPECT_GE(h.first(k), values.low[k]);
    EXPECT_LE(h.last(k), values.high[k]);
    for (std::int32_t v = h.first(k); v <= h.last(k); ++v) {
      out[k][static_cast<size_t>(v - values.low[k])] = h.window(k)[v - h.first(k)];
    }
  }
  return out;
}

// Adds the value to the grown histogram as the batch tally does: cover, then count.
template <typename Count>
void AddGrowing(Histograms<Count>& h, size_t k, std::int32_t v) {
  h.Cover(k, v, v);
  ++h.at(k, v);
}

TEST(Histograms, GrownWindowsCountWhatWholeRangesCount) {
  const Values values;
  Histograms<std::uint32_t> whole(values.low, values.high, true);
  Histograms<std::uint32_t> grown(values.low, values.high, false);
  core::RandomStream stream(3, 0);
  for (int i = 0; i < 20000; ++i) {
    const size_t k = stream.Below(Values::kSlots);
    const std::int32_t v = values.Draw(stream, k);
    ++whole.at(k, v);
    AddGrowing(grown, k, v);
  }
  EXPECT_EQ(Counts(grown, values), Counts(whole, values));
  for (size_t k = 0; k < Values::kSlots; ++k) {
    EXPECT_EQ(whole.first(k), values.low[k]);
    EXPECT_EQ(grown.last(k) - grown.first(k), 600) << "outliers at both ends: the whole range";
  }
}

TEST(Histograms, AWindowGrowsAroundItsValuesOnly) {
  const Values values;
  Histograms<std::uint32_t> grown(values.low, values.high, false);
  EXPECT_GT(grown.first(0), grown.last(0)) << "empty before any value";
  AddGrowing(grown, 0, 300);
  EXPECT_EQ(grown.last(0) - grown.first(0) + 1, Histograms<std::uint32_t>::kMinWindow);
  AddGrowing(grown, 0, 0);  // the range's low end: the window stops there
  EXPECT_EQ(grown.first(0), 0);
  EXPECT_GE(grown.last(0), 300);
  EXPECT_EQ(grown.at(0, 300), 1u);
  EXPECT_EQ(grown.at(0, 0), 1u);
}

TEST(Histograms, DrainMergesWindowsOfAnyExtentAndEmptiesTheSource) {
  const Values values;
  Histograms<std::uint32_t> whole(values.low, values.high, true);
  Histograms<std::uint32_t> into(values.low, values.high, false);
  Histograms<std::uint16_t> from(values.low, values.high, false);
  core::RandomStream stream(4, 0);
  for (int i = 0; i < 6000; ++i) {
    const size_t k = stream.Below(Values::kSlots);
    const std::int32_t v = values.Draw(stream, k);
    ++whole.at(k, v);
    if (i % 3 == 0 && k != 2) {  // slot 2 only ever counted in `into`
      AddGrowing(from, k, v);
    } else {
      AddGrowing(into, k, v);
    }
  }
  into.Drain(from);
  EXPECT_EQ(Counts(into, values), Counts(whole, values));
  for (const auto& slot : Counts(from, values)) {
    for (std::uint64_t count : slot) ASSERT_EQ(count, 0u);
  }
  // The whole-range ones merge the same way (a task's 16-bit counts into the totals).
  Histograms<std::uint32_t> total(values.low, values.high, true);
  total.Drain(into);
  EXPECT_EQ(Counts(total, values), Counts(whole, values));
}

}  // namespace
}  // namespace ocindex
