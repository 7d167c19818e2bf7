#include "app/paging.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace ocindex::app {
namespace {

// A whole number of at least `least` (no sign, no spaces), or nullopt.
std::optional<size_t> WholeNumber(std::string_view text, size_t least) {
  size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < least) return std::nullopt;
  return value;
}

}  // namespace

Result<std::optional<Page>> Page::Parse(std::string_view limit, std::string_view offset) {
  if (limit.empty() && offset.empty()) return std::optional<Page>{};
  Page page;
  if (!limit.empty()) {
    auto value = WholeNumber(limit, 1);
    if (!value || *value > kMaxLimit) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("limit must be a whole number from 1 to {}; got '{}'", kMaxLimit, limit));
    }
    page.limit = *value;
  }
  if (!offset.empty()) {
    auto value = WholeNumber(offset, 0);
    if (!value) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("offset must be a whole number, 0 or more; got '{}'", offset));
    }
    page.offset = *value;
  }
  return std::optional<Page>{page};
}

std::pair<size_t, size_t> Page::Bounds(size_t total) const {
  const size_t first = std::min(offset, total);
  return {first, first + std::min(limit, total - first)};
}

}  // namespace ocindex::app
