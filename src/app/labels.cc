#include "app/labels.h"

#include <fmt/format.h>

#include "core/model/rational.h"

namespace ocindex::app {

std::optional<std::string> Units(std::optional<int64_t> units, int decimals) {
  if (!units) return std::nullopt;
  return core::FormatUnits(*units, decimals);
}

std::optional<std::string> SignedUnits(std::optional<int64_t> units, int decimals) {
  if (!units) return std::nullopt;
  return (*units > 0 ? "+" : "") + core::FormatUnits(*units, decimals);
}

std::string Fixed(double value, int decimals) { return fmt::format("{:.{}f}", value, decimals); }

std::optional<int> Position(const core::Rank& rank) {
  return rank.position != 0 ? std::optional(rank.position) : std::nullopt;
}

std::optional<std::string> RankLabel(const core::Rank& rank) {
  if (rank.position == 0) return std::nullopt;
  return fmt::format("{}{}/{}", rank.tied ? "=" : "", rank.position, rank.of);
}

std::optional<int> RankChange(const core::Rank& before, const core::Rank& after) {
  if (before.position == 0 || after.position == 0) return std::nullopt;
  return before.position - after.position;
}

std::optional<std::string> RankChangeLabel(const core::Rank& before, const core::Rank& after) {
  auto moved = RankChange(before, after);
  if (!moved) return std::nullopt;
  return (*moved > 0 ? "+" : "") + std::to_string(*moved);
}

std::optional<std::string> Text(std::optional<int> number) {
  return number ? std::optional(std::to_string(*number)) : std::nullopt;
}

std::string QuadrantLabel(std::optional<core::Quadrant> quadrant) {
  return quadrant ? core::QuadrantName(*quadrant) : "not classified";
}

std::string QuadrantKey(core::Quadrant quadrant) {
  // The name with words joined: "high criminality, low resilience" -> "high_criminality_low_resilience".
  std::string key;
  for (const char* c = core::QuadrantName(quadrant); *c != '\0'; ++c) {
    if (*c == ',') continue;
    key += *c == ' ' ? '_' : *c;
  }
  return key;
}

}  // namespace ocindex::app
