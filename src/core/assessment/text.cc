#include "core/assessment/text.h"

#include <fmt/format.h>

namespace ocindex::core::assessment {

std::string Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(kSpace) - first + 1));
}

Result<std::string> RequiredText(std::string_view text, std::string_view what) {
  std::string trimmed = Trim(text);
  if (trimmed.empty()) return MakeError(ErrorCode::kInvalidInput, fmt::format("{} is required", what));
  return trimmed;
}

}  // namespace ocindex::core::assessment
