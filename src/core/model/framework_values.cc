#include "core/model/framework_values.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace ocindex::core {
namespace {

// UTF-8 characters: every byte but continuation bytes.
size_t Characters(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// The start of `text` fit for a message: a hostile value is not echoed whole, and
// control characters show as escapes.
std::string Shown(std::string_view text) {
  constexpr size_t kShown = 40;
  std::string out;
  for (char c : text.substr(0, kShown)) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7F ? fmt::format("\\x{:02X}", byte) : std::string(1, c);
  }
  return text.size() > kShown ? out + "..." : out;
}

bool IsControl(unsigned char byte, bool multiline) {
  if (multiline && (byte == '\n' || byte == '\t')) return false;
  return byte < 0x20 || byte == 0x7F;
}

Status CheckText(std::string_view key, std::string_view value, size_t max_length, bool multiline) {
  if (const size_t length = Characters(value); length > max_length) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("'{}' is {} characters long; expected at most {}", key, length, max_length));
  }
  for (size_t i = 0; i < value.size(); ++i) {
    const auto byte = static_cast<unsigned char>(value[i]);
    if (IsControl(byte, multiline)) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("'{}' holds a control character (U+{:04X}) at character {}; expected {}", key,
                                   byte, Characters(value.substr(0, i)) + 1,
                                   multiline ? "text (line breaks and tabs allowed)" : "one line of text"));
    }
  }
  return {};
}

bool IsEditionIdChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-';
}

}  // namespace

Status CheckEditionId(std::string_view id) {
  const bool plain = !id.empty() && id.size() <= kMaxEditionIdLength && IsEditionIdChar(id.front()) &&
                     id.front() != '.' && id.front() != '_' && id.front() != '-' &&
                     id.find("..") == std::string_view::npos &&
                     std::all_of(id.begin(), id.end(), IsEditionIdChar);
  if (plain) return {};
  return MakeError(ErrorCode::kInvalidInput,
                   fmt::format("edition id '{}' is not a plain id: expected 1 to {} letters, digits, '.', '_' or "
                               "'-', starting with a letter or digit, without '..' (like 2025)",
                               Shown(id), kMaxEditionIdLength));
}

Status CheckFrameworkField(std::string_view key, std::string_view value) {
  if (key == "edition" || key == "previous" || key == "since") {
    if (value.empty() && key != "edition") return {};
    Status checked = CheckEditionId(value);
    if (checked) return {};
    return MakeError(ErrorCode::kInvalidInput, fmt::format("'{}': {}", key, checked.error().message));
  }
  if (key == "definition") return CheckText(key, value, kMaxDefinitionLength, true);
  if (key == "name" || key == "publisher" || key == "headers") return CheckText(key, value, kMaxNameLength, false);
  return CheckText(key, value, kMaxIdLength, false);
}

Status CheckFrameworkValues(const Framework& framework) {
  const auto check = [](std::string_view key, std::string_view value, const std::string& where) -> Status {
    Status checked = CheckFrameworkField(key, value);
    if (checked) return {};
    return MakeError(checked.error().code, checked.error().message, where);
  };
  const std::string head = "[framework]";
  OCINDEX_RETURN_IF_ERROR(check("edition", framework.edition, head));
  OCINDEX_RETURN_IF_ERROR(check("previous", framework.previous, head));
  OCINDEX_RETURN_IF_ERROR(check("id", framework.id, head));
  OCINDEX_RETURN_IF_ERROR(check("name", framework.name, head));
  OCINDEX_RETURN_IF_ERROR(check("publisher", framework.publisher, head));
  for (const Node& node : framework.nodes) {
    OCINDEX_RETURN_IF_ERROR(check("id", node.id, "a node"));
    const std::string where = "node " + node.id;
    OCINDEX_RETURN_IF_ERROR(check("name", node.name, where));
    OCINDEX_RETURN_IF_ERROR(check("parent", node.parent_id, where));
    OCINDEX_RETURN_IF_ERROR(check("definition", node.definition, where));
    for (const std::string& header : node.headers) OCINDEX_RETURN_IF_ERROR(check("headers", header, where));
  }
  for (const Indicator& indicator : framework.indicators) {
    OCINDEX_RETURN_IF_ERROR(check("id", indicator.id, "an indicator"));
    const std::string where = "indicator " + indicator.id;
    OCINDEX_RETURN_IF_ERROR(check("name", indicator.name, where));
    OCINDEX_RETURN_IF_ERROR(check("group", indicator.group_id, where));
    OCINDEX_RETURN_IF_ERROR(check("since", indicator.since, where));
    OCINDEX_RETURN_IF_ERROR(check("definition", indicator.definition, where));
    for (const std::string& header : indicator.headers) OCINDEX_RETURN_IF_ERROR(check("headers", header, where));
  }
  return {};
}

}  // namespace ocindex::core
