#include "core/uncertainty/panel_tiles.h"

#include <immintrin.h>


namespace ocindex::core::uncertainty {

namespace {

constexpr int kMaxExperts = 8;

// One step of the eight xoshiro128++ lanes (LaneStreams::Next).
struct Lanes {
  __m256i s0, s1, s2, s3;
};

__attribute__((target("avx2"))) inline __m256i Rotl(__m256i x, int k) {
  return _mm256_or_si256(_mm256_slli_epi32(x, k), _mm256_srli_epi32(x, 32 - k));
}

__attribute__((target("avx2"))) inline __m256i Next(Lanes& s) {
  const __m256i result = _mm256_add_epi32(Rotl(_mm256_add_epi32(s.s0, s.s3), 7), s.s0);
  const __m256i t = _mm256_slli_epi32(s.s1, 9);
  s.s2 = _mm256_xor_si256(s.s2, s.s0);
  s.s3 = _mm256_xor_si256(s.s3, s.s1);
  s.s1 = _mm256_xor_si256(s.s1, s.s2);
  s.s0 = _mm256_xor_si256(s.s0, s.s3);
  s.s2 = _mm256_xor_si256(s.s2, t);
  s.s3 = Rotl(s.s3, 11);
  return result;
}

// The step of each lane's expert `expert` (0..7), or 0 in lanes whose panel has no
// draw number `draw`.
__attribute__((target("avx2"))) inline __m256i Pick(const PanelTile& tile, __m256i expert, int draw, __m256i size) {
  const __m256i upper = _mm256_cmpgt_epi32(expert, _mm256_set1_epi32(3));
  const __m256i packed = _mm256_blendv_epi8(_mm256_load_si256(reinterpret_cast<const __m256i*>(tile.low)),
                                            _mm256_load_si256(reinterpret_cast<const __m256i*>(tile.high)), upper);
  expert = _mm256_and_si256(expert, _mm256_set1_epi32(3));
  const __m256i step = _mm256_and_si256(_mm256_srlv_epi32(packed, _mm256_slli_epi32(expert, 3)), _mm256_set1_epi32(0xFF));
  return _mm256_and_si256(step, _mm256_cmpgt_epi32(size, _mm256_set1_epi32(draw)));
}

// Each lane's panel sum, for panels of 5 to 8 experts.
__attribute__((target("avx2"))) inline __m256i WideSum(const PanelTile& tile, Lanes& lanes) {
  const __m256i size = _mm256_load_si256(reinterpret_cast<const __m256i*>(tile.size));
  const __m256i size_pair = _mm256_load_si256(reinterpret_cast<const __m256i*>(tile.size_pair));
  __m256i sum = _mm256_setzero_si256();
  for (int w = 0; w < tile.words; ++w) {
    // Both 16-bit fields of each lane's word times its panel size, high halves: two expert picks.
    const __m256i picks = _mm256_mulhi_epu16(Next(lanes), size_pair);
    sum = _mm256_add_epi32(sum, Pick(tile, _mm256_and_si256(picks, _mm256_set1_epi32(0xFFFF)), 2 * w, size));
    sum = _mm256_add_epi32(sum, Pick(tile, _mm256_srli_epi32(picks, 16), 2 * w + 1, size));
  }
  return sum;
}

// Each lane's panel sum, for panels of at most 4 experts: a word's two picks (each
// below 4, in its 16-bit half) OR-ed into the tile's gather make a byte shuffle that
// puts the two picked steps in the two halves; the halves are added at the end.
__attribute__((target("avx2"))) inline __m256i NarrowSum(const PanelTile& tile, Lanes& lanes) {
  const __m256i size_pair = _mm256_load_si256(reinterpret_cast<const __m256i*>(tile.size_pair));
  const __m256i packed = _mm256_load_si256(reinterpret_cast<const __m256i*>(tile.low));
  __m256i halves = _mm256_setzero_si256();
  for (int w = 0; w < tile.words; ++w) {
    const __m256i picks = _mm256_mulhi_epu16(Next(lanes), size_pair);
    const __m256i gather = _mm256_load_si256(reinterpret_cast<const __m256i*>(tile.gather[w]));
    halves = _mm256_add_epi32(halves, _mm256_shuffle_epi8(packed, _mm256_or_si256(picks, gather)));
  }
  return _mm256_add_epi32(_mm256_and_si256(halves, _mm256_set1_epi32(0xFFFF)), _mm256_srli_epi32(halves, 16));
}

__attribute__((target("avx2"))) inline void Resample(const PanelTile& tile, Lanes& lanes, std::uint8_t* steps) {
  const __m256i size = _mm256_load_si256(reinterpret_cast<const __m256i*>(tile.size));
  const __m256i sum = tile.words > 2 ? WideSum(tile, lanes) : NarrowSum(tile, lanes);
  const __m256i twice = _mm256_add_epi32(_mm256_add_epi32(sum, sum), size);
  const __m256i reciprocal = _mm256_load_si256(reinterpret_cast<const __m256i*>(tile.reciprocal));
  const __m256i mean = _mm256_srli_epi32(_mm256_mullo_epi32(twice, reciprocal), 16);
  // The low byte of each lane, lanes 0-3 then 4-7.
  const __m256i low_bytes = _mm256_shuffle_epi8(
      mean, _mm256_setr_epi8(0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 4, 8, 12, -1, -1, -1, -1,
                             -1, -1, -1, -1, -1, -1, -1, -1));
  _mm_storel_epi64(reinterpret_cast<__m128i*>(steps + tile.offset),
                   _mm_unpacklo_epi32(_mm256_castsi256_si128(low_bytes), _mm256_extracti128_si256(low_bytes, 1)));
}

}  // namespace

bool PanelTilesApply(const Plan& plan) {
  const ExpertPanels& panels = plan.expert_panels;
  for (size_t k = 0; k < panels.cells.size(); ++k) {
    if (panels.offsets[k + 1] - panels.offsets[k] > kMaxExperts) return false;
  }
  return true;
}

std::vector<PanelTile> BuildPanelTiles(const Plan& plan) {
  const ExpertPanels& panels = plan.expert_panels;
  const auto countries = static_cast<size_t>(plan.countries);
  const auto indicators = static_cast<size_t>(plan.indicators);
  std::vector<PanelTile> tiles;
  ForEachTile(panels, [&](size_t begin, size_t end, std::int32_t largest) {
    PanelTile& tile = tiles.emplace_back();
    const auto first = static_cast<size_t>(panels.cells[begin]);
    const size_t indicator = first / countries;
    const size_t chunk = first % countries / PanelTile::kLanes;
    tile.offset = (chunk * indicators + indicator) * PanelTile::kLanes;
    tile.words = (largest + 1) / 2;
    for (size_t lane = 0; lane < PanelTile::kLanes; ++lane) {
      const size_t country = chunk * PanelTile::kLanes + lane;
      // Lanes past the last country hold the evaluator's padding, the lowest step.
      tile.published[lane] = country < countries ? plan.steps[indicator * countries + country] : plan.step_low;
      tile.low[lane] = static_cast<std::uint32_t>(tile.published[lane]);
      tile.size[lane] = 1;
    }
    for (size_t k = begin; k < end; ++k) {
      const size_t lane = panels.lanes[k];
      const std::int32_t size = panels.offsets[k + 1] - panels.offsets[k];
      tile.size[lane] = size;
      tile.low[lane] = 0;
      for (std::int32_t e = 0; e < size; ++e) {
        const auto step = static_cast<std::uint32_t>(panels.steps[static_cast<size_t>(panels.offsets[k] + e)]);
        (e < 4 ? tile.low : tile.high)[lane] |= step << (8 * (e % 4));
      }
    }
    for (size_t lane = 0; lane < PanelTile::kLanes; ++lane) {
      const auto size = static_cast<std::uint32_t>(tile.size[lane]);
      tile.size_pair[lane] = size | size << 16;
      tile.reciprocal[lane] = TileReciprocal(tile.size[lane]);
      // Byte 4 * lane of the lane's register half, where its first expert is.
      const auto base = static_cast<std::uint32_t>(4 * (lane % 4));
      for (std::uint32_t w = 0; w < 2; ++w) {
        const std::uint32_t low_draw = size > 2 * w ? base : 0x80;
        const std::uint32_t high_draw = size > 2 * w + 1 ? base : 0x80;
        tile.gather[w][lane] = low_draw | 0x80u << 8 | high_draw << 16 | 0x80u << 24;
      }
    }
  });
  return tiles;
}

__attribute__((target("avx2"))) void ResampleTiles(const std::vector<PanelTile>& tiles, std::uint64_t seed,
                                                   std::uint8_t* steps) {
  const LaneStreams streams(seed);
  const auto& state = streams.state();
  Lanes lanes{_mm256_loadu_si256(reinterpret_cast<const __m256i*>(state[0])),
              _mm256_loadu_si256(reinterpret_cast<const __m256i*>(state[1])),
              _mm256_loadu_si256(reinterpret_cast<const __m256i*>(state[2])),
              _mm256_loadu_si256(reinterpret_cast<const __m256i*>(state[3]))};
  for (const PanelTile& tile : tiles) Resample(tile, lanes, steps);
}

void RestoreTiles(const std::vector<PanelTile>& tiles, std::uint8_t* steps) {
  for (const PanelTile& tile : tiles) {
    for (size_t lane = 0; lane < PanelTile::kLanes; ++lane) steps[tile.offset + lane] = static_cast<std::uint8_t>(tile.published[lane]);
  }
}

}  // namespace ocindex::core::uncertainty
