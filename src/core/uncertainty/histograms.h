// One histogram of integer values per slot (a country and pillar), each holding only a
// window of the values its slot may take, [low, high]: the whole range from the start,
// or (for indices of thousands of units, whose ranges are mostly never reached) a
// window that grows to the values seen. Counts are exact either way, so the figures
// read from them do not depend on the windows, which may differ between threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace ocindex::core::uncertainty {

template <typename Count>
class Histograms {
 public:
  // A grown window is at least this wide and at least twice its former width, so a
  // slot grows a few times at most.
  static constexpr std::int32_t kMinWindow = 16;

  // Slot k counts values in [low[k], high[k]]; `whole`: its window is that range now.
  Histograms(const std::vector<std::int32_t>& low, const std::vector<std::int32_t>& high, bool whole)
      : slots_(low.size()) {
    for (size_t k = 0; k < slots_.size(); ++k) {
      slots_[k].low = low[k];
      slots_[k].high = high[k];
      chunk_size_ = std::max(chunk_size_, static_cast<size_t>(high[k] - low[k] + 1));
    }
    if (!whole) return;
    for (size_t k = 0; k < slots_.size(); ++k) Place(k, low[k], high[k]);
  }

  // Slot k's window holds [lo, hi] afterwards (both within [low[k], high[k]]).
  void Cover(size_t k, std::int32_t lo, std::int32_t hi) {
    if (lo < slots_[k].first || hi > slots_[k].last) Grow(k, lo, hi);
  }
  // Value v's count of slot k, v within its window.
  Count& at(size_t k, std::int32_t v) { return slots_[k].window[v - slots_[k].first]; }
  std::int32_t first(size_t k) const { return slots_[k].first; }
  std::int32_t last(size_t k) const { return slots_[k].last; }
  // Slot k's counts of first(k) .. last(k).
  const Count* window(size_t k) const { return slots_[k].window; }
  Count* window(size_t k) { return slots_[k].window; }

  // Adds `other`'s counts (of the same slots and ranges) into this and zeroes them.
  template <typename Other>
  void Drain(Histograms<Other>& other) {
    for (size_t k = 0; k < slots_.size(); ++k) {
      if (other.first(k) > other.last(k)) continue;
      Cover(k, other.first(k), other.last(k));
      Count* into = &at(k, other.first(k));
      Other* from = other.window(k);
      const auto width = static_cast<size_t>(other.last(k) - other.first(k) + 1);
      for (size_t v = 0; v < width; ++v) into[v] += from[v];
      std::fill(from, from + width, Other{0});
    }
  }

 private:
  struct Slot {
    Count* window = nullptr;  // the count of first, then of first + 1...
    std::int32_t first = 1;   // the window [first, last], empty when first > last
    std::int32_t last = 0;
    std::int32_t low = 0;     // the values the slot may take
    std::int32_t high = 0;
  };

  // A new window holding the old one and [lo, hi], widened evenly on both sides within
  // [low, high]; the old one's space is left unused. Rare: kept out of the callers' loops.
  [[gnu::noinline, gnu::cold]] void Grow(size_t k, std::int32_t lo, std::int32_t hi) {
    const Slot old = slots_[k];
    const bool empty = old.first > old.last;
    const std::int32_t old_width = empty ? 0 : old.last - old.first + 1;
    std::int32_t first = empty ? lo : std::min(lo, old.first);
    const std::int32_t needed = (empty ? hi : std::max(hi, old.last)) - first + 1;
    const std::int32_t width = std::min(old.high - old.low + 1, std::max({needed, 2 * old_width, kMinWindow}));
    first = std::clamp(first - (width - needed) / 2, old.low, old.high - width + 1);
    Place(k, first, first + width - 1);
    std::copy(old.window, old.window + old_width, &at(k, old.first));
  }

  // Gives slot k a zeroed window [first, last] from the current chunk, or a new one:
  // chunks never move, and their memory is touched only as windows are handed out.
  void Place(size_t k, std::int32_t first, std::int32_t last) {
    const auto width = static_cast<size_t>(last - first + 1);
    if (chunks_.empty() || chunk_used_ + width > chunk_size_) {
      chunks_.push_back(std::make_unique_for_overwrite<Count[]>(chunk_size_));
      chunk_used_ = 0;
    }
    Slot& slot = slots_[k];
    slot.window = chunks_.back().get() + chunk_used_;
    chunk_used_ += width;
    std::fill(slot.window, slot.window + width, Count{0});
    slot.first = first;
    slot.last = last;
  }

  std::vector<Slot> slots_;
  std::vector<std::unique_ptr<Count[]>> chunks_;
  size_t chunk_size_ = size_t{1} << 18;  // counts a chunk, at least the widest range
  size_t chunk_used_ = 0;
};

}  // namespace ocindex::core::uncertainty
