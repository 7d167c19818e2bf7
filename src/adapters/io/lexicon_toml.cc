#include "adapters/io/lexicon_toml.h"

#include <fmt/format.h>

#include <set>
#include <toml++/toml.h>

namespace ocindex::adapters::io {
namespace {

Error Fail(const std::string& source, const toml::node& at, const std::string& message) {
  const auto& begin = at.source().begin;
  return MakeError(ErrorCode::kInvalidInput, message, fmt::format("{}, line {}, column {}", source, begin.line, begin.column));
}

Result<std::vector<std::string>> Strings(const std::string& source, const toml::table& table, std::string_view key) {
  std::vector<std::string> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  if (array == nullptr) return Fail(source, *node, fmt::format("'{}' must be a list of strings", key));
  for (const toml::node& item : *array) {
    if (!item.is_string()) return Fail(source, item, fmt::format("'{}' must be a list of strings", key));
    out.push_back(item.as_string()->get());
  }
  return out;
}

Status ReadEntry(const std::string& source, int number, const toml::table& table, core::Lexicon& lexicon) {
  static const std::set<std::string_view> kKeys = {"kind", "value", "terms", "weak", "case_sensitive"};
  for (const auto& [key, value] : table) {
    if (kKeys.count(key.str()) == 0) {
      return Fail(source, value,
                  fmt::format("unknown key '{}'; expected kind, value, terms, weak, case_sensitive", key.str()));
    }
  }
  const auto* kind_name = table.get_as<std::string>("kind");
  if (kind_name == nullptr) return Fail(source, table, "an entry needs kind = \"...\"");
  auto kind = core::ParseCueKind(kind_name->get());
  if (!kind) return Fail(source, *kind_name, fmt::format("unknown kind '{}'", kind_name->get()));
  const auto* value = table.get_as<std::string>("value");
  if (value == nullptr) return Fail(source, table, "an entry needs value = \"...\"");
  core::LexiconEntry entry;
  entry.kind = *kind;
  entry.value = value->get();
  entry.source = fmt::format("{}, entry {} (line {})", source, number, table.source().begin.line);
  if (const toml::node* flag = table.get("case_sensitive")) {
    if (!flag->is_boolean()) return Fail(source, *flag, "case_sensitive must be true or false");
    entry.case_sensitive = flag->as_boolean()->get();
  }
  OCINDEX_ASSIGN_OR_RETURN(entry.terms, Strings(source, table, "terms"));
  std::vector<std::string> weak;
  OCINDEX_ASSIGN_OR_RETURN(weak, Strings(source, table, "weak"));
  if (entry.terms.empty() && weak.empty()) return Fail(source, table, "an entry needs terms = [...]");
  if (!weak.empty()) {
    core::LexiconEntry weak_entry = entry;
    weak_entry.terms = std::move(weak);
    weak_entry.weak = true;
    lexicon.entries.push_back(std::move(weak_entry));
  }
  if (!entry.terms.empty()) lexicon.entries.push_back(std::move(entry));
  return {};
}

}  // namespace

Status ParseLexicon(std::string_view text, const std::string& source, core::Lexicon& lexicon) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    return MakeError(ErrorCode::kInvalidInput, fmt::format("not valid TOML: {}", error.description()),
                     fmt::format("{}, line {}, column {}", source, begin.line, begin.column));
  }
  for (const auto& [key, value] : root) {
    if (key.str() != "entry") return Fail(source, value, fmt::format("unknown table '{}'; expected [[entry]]", key.str()));
  }
  const toml::array* entries = root["entry"].as_array();
  if (entries == nullptr) return MakeError(ErrorCode::kInvalidInput, "no [[entry]] tables", source);
  int number = 0;
  for (const toml::node& item : *entries) {
    ++number;
    const toml::table* table = item.as_table();
    if (table == nullptr) return Fail(source, item, "[[entry]] must be a table");
    OCINDEX_RETURN_IF_ERROR(ReadEntry(source, number, *table, lexicon));
  }
  return {};
}

}  // namespace ocindex::adapters::io
