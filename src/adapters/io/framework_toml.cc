#include "adapters/io/framework_toml.h"

#include <fmt/format.h>

#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "adapters/io/text_file.h"
#include "core/model/framework_values.h"

namespace ocindex::adapters::io {
namespace {

using core::Rational;

class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  Error Fail(const toml::node& at, const std::string& message) const {
    const auto& begin = at.source().begin;
    return MakeError(ErrorCode::kInvalidInput, message,
                     fmt::format("{}, line {}, column {}", source_, begin.line, begin.column));
  }

  // Rejects keys the format does not define: a typo ("agregate") must not pass silently.
  Status OnlyKeys(const toml::table& table, std::set<std::string_view> allowed, std::string_view what) const {
    for (const auto& [key, value] : table) {
      if (!allowed.count(key.str())) {
        std::string expected;
        for (std::string_view name : allowed) expected += (expected.empty() ? "" : ", ") + std::string(name);
        return Fail(value, fmt::format("unknown key '{}' in {}; expected one of: {}", key.str(), what, expected));
      }
    }
    return {};
  }

  Result<std::string> String(const toml::table& table, std::string_view key, bool required) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      if (!required) return std::string();
      return Fail(table, fmt::format("missing key '{}' (a string)", key));
    }
    if (!node->is_string()) return Fail(*node, fmt::format("'{}' must be a string", key));
    const std::string& value = node->as_string()->get();
    if (Status checked = core::CheckFrameworkField(key, value); !checked) return Fail(*node, checked.error().message);
    return value;
  }

  Result<Rational> Number(const toml::table& table, std::string_view key, std::optional<Rational> fallback) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      if (fallback) return *fallback;
      return Fail(table, fmt::format("missing key '{}' (a number)", key));
    }
    if (node->is_integer()) return Rational(node->as_integer()->get());
    if (node->is_floating_point()) {
      // Decimal keys such as 0.5 or 5.5 arrive as doubles; their shortest decimal text
      // is the value the author wrote.
      auto parsed = Rational::ParseDecimal(fmt::format("{}", node->as_floating_point()->get()), 10);
      if (parsed) return *parsed;
    }
    return Fail(*node, fmt::format("'{}' must be a number", key));
  }

  Result<std::vector<std::string>> Headers(const toml::table& table) const {
    std::vector<std::string> out;
    const toml::node* node = table.get("headers");
    if (node == nullptr) return out;
    const toml::array* array = node->as_array();
    if (array == nullptr) return Fail(*node, "'headers' must be an array of strings");
    for (const toml::node& item : *array) {
      if (!item.is_string()) return Fail(item, "'headers' must be an array of strings");
      if (Status checked = core::CheckFrameworkField("headers", item.as_string()->get()); !checked) {
        return Fail(item, checked.error().message);
      }
      out.push_back(core::NormalizeHeader(item.as_string()->get()));
    }
    return out;
  }

  Result<core::Framework> Read(const toml::table& root) const {
    OCINDEX_RETURN_IF_ERROR(OnlyKeys(root, {"framework", "scale", "rounding", "quadrant", "node", "indicator"},
                               "the file"));
    core::Framework framework;
    const toml::table* head = root["framework"].as_table();
    if (head == nullptr) return Fail(root, "missing table [framework] (id, name, edition)");
    OCINDEX_RETURN_IF_ERROR(OnlyKeys(*head, {"id", "name", "edition", "publisher", "previous"}, "[framework]"));
    OCINDEX_ASSIGN_OR_RETURN(framework.id, String(*head, "id", true));
    OCINDEX_ASSIGN_OR_RETURN(framework.name, String(*head, "name", true));
    OCINDEX_ASSIGN_OR_RETURN(framework.edition, String(*head, "edition", true));
    OCINDEX_ASSIGN_OR_RETURN(framework.publisher, String(*head, "publisher", false));
    OCINDEX_ASSIGN_OR_RETURN(framework.previous, String(*head, "previous", false));

    if (const toml::table* scale = root["scale"].as_table()) {
      OCINDEX_RETURN_IF_ERROR(OnlyKeys(*scale, {"min", "max", "step"}, "[scale]"));
      OCINDEX_ASSIGN_OR_RETURN(framework.scale_min, Number(*scale, "min", std::nullopt));
      OCINDEX_ASSIGN_OR_RETURN(framework.scale_max, Number(*scale, "max", std::nullopt));
      OCINDEX_ASSIGN_OR_RETURN(framework.scale_step, Number(*scale, "step", std::nullopt));
    } else {
      return Fail(root, "missing table [scale] (min, max, step)");
    }
    if (const toml::table* rounding = root["rounding"].as_table()) {
      OCINDEX_RETURN_IF_ERROR(OnlyKeys(*rounding, {"decimals", "mode"}, "[rounding]"));
      Rational decimals;
      OCINDEX_ASSIGN_OR_RETURN(decimals, Number(*rounding, "decimals", Rational(2)));
      if (!decimals.IsInteger()) return Fail(*rounding, "'decimals' must be a whole number");
      framework.decimals = static_cast<int>(decimals.num());
      std::string mode;
      OCINDEX_ASSIGN_OR_RETURN(mode, String(*rounding, "mode", false));
      if (!mode.empty() && mode != "half-up") {
        return Fail(*rounding, "rounding mode '" + mode + "' is not supported; expected \"half-up\"");
      }
    }
    if (const toml::table* quadrant = root["quadrant"].as_table()) {
      OCINDEX_RETURN_IF_ERROR(OnlyKeys(*quadrant, {"x", "y", "threshold"}, "[quadrant]"));
      OCINDEX_ASSIGN_OR_RETURN(framework.quadrant_x, String(*quadrant, "x", true));
      OCINDEX_ASSIGN_OR_RETURN(framework.quadrant_y, String(*quadrant, "y", true));
      OCINDEX_ASSIGN_OR_RETURN(framework.quadrant_threshold, Number(*quadrant, "threshold", std::nullopt));
    }

    const toml::array* nodes = root["node"].as_array();
    if (nodes == nullptr) return Fail(root, "missing [[node]] entries (pillars, components, groups)");
    for (const toml::node& item : *nodes) {
      const toml::table* table = item.as_table();
      if (table == nullptr) return Fail(item, "each [[node]] must be a table");
      OCINDEX_RETURN_IF_ERROR(OnlyKeys(*table, {"id", "kind", "parent", "name", "aggregate", "headers", "definition",
                                          "weight"},
                                 "[[node]]"));
      core::Node node;
      OCINDEX_ASSIGN_OR_RETURN(node.id, String(*table, "id", true));
      OCINDEX_ASSIGN_OR_RETURN(node.name, String(*table, "name", true));
      OCINDEX_ASSIGN_OR_RETURN(node.parent_id, String(*table, "parent", false));
      OCINDEX_ASSIGN_OR_RETURN(node.definition, String(*table, "definition", false));
      OCINDEX_ASSIGN_OR_RETURN(node.weight, Number(*table, "weight", Rational(1)));
      OCINDEX_ASSIGN_OR_RETURN(node.headers, Headers(*table));
      std::string kind;
      OCINDEX_ASSIGN_OR_RETURN(kind, String(*table, "kind", true));
      if (kind == "pillar") node.kind = core::NodeKind::kPillar;
      else if (kind == "component") node.kind = core::NodeKind::kComponent;
      else if (kind == "group") node.kind = core::NodeKind::kGroup;
      else return Fail(*table->get("kind"), "kind '" + kind + "' is not one of pillar, component, group");
      std::string aggregate;
      OCINDEX_ASSIGN_OR_RETURN(aggregate, String(*table, "aggregate", false));
      if (aggregate.empty() || aggregate == "indicators") node.aggregate = core::Aggregate::kIndicators;
      else if (aggregate == "children") node.aggregate = core::Aggregate::kChildren;
      else return Fail(*table->get("aggregate"), "aggregate '" + aggregate + "' is not one of indicators, children");
      framework.nodes.push_back(std::move(node));
    }
    const toml::array* indicators = root["indicator"].as_array();
    if (indicators == nullptr) return Fail(root, "missing [[indicator]] entries");
    for (const toml::node& item : *indicators) {
      const toml::table* table = item.as_table();
      if (table == nullptr) return Fail(item, "each [[indicator]] must be a table");
      OCINDEX_RETURN_IF_ERROR(OnlyKeys(*table, {"id", "group", "name", "headers", "since", "definition", "weight"},
                                 "[[indicator]]"));
      core::Indicator indicator;
      OCINDEX_ASSIGN_OR_RETURN(indicator.id, String(*table, "id", true));
      OCINDEX_ASSIGN_OR_RETURN(indicator.group_id, String(*table, "group", true));
      OCINDEX_ASSIGN_OR_RETURN(indicator.name, String(*table, "name", true));
      OCINDEX_ASSIGN_OR_RETURN(indicator.since, String(*table, "since", false));
      OCINDEX_ASSIGN_OR_RETURN(indicator.definition, String(*table, "definition", false));
      OCINDEX_ASSIGN_OR_RETURN(indicator.weight, Number(*table, "weight", Rational(1)));
      OCINDEX_ASSIGN_OR_RETURN(indicator.headers, Headers(*table));
      framework.indicators.push_back(std::move(indicator));
    }
    if (Status linked = framework.Link(); !linked) {
      Error error = linked.error();
      error.where = source_;
      return error;
    }
    return framework;
  }

 private:
  std::string source_;
};

}  // namespace

Result<core::Framework> ParseFramework(std::string_view text, const std::string& source) {
  try {
    toml::table root = toml::parse(text, source);
    return Reader(source).Read(root);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    return MakeError(ErrorCode::kInvalidInput, fmt::format("not valid TOML: {}", error.description()),
                     fmt::format("{}, line {}, column {}", source, begin.line, begin.column));
  }
}

Result<core::Framework> ReadFrameworkFile(const std::string& path) {
  auto text = ReadTextFile(path);
  if (!text) return text.error();
  return ParseFramework(*text, path);
}

}  // namespace ocindex::adapters::io

namespace ocindex::adapters::io {

Result<std::string> FrameworkForEdition(std::string_view text, const std::string& edition,
                                        const std::string& previous) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view("the framework"));
  } catch (const toml::parse_error& error) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("not valid TOML: {}", error.description()));
  }
  toml::table* framework = root["framework"].as_table();
  if (framework == nullptr) return MakeError(ErrorCode::kInvalidInput, "the framework has no [framework] table");
  const toml::value<std::string>* old = framework->get_as<std::string>("edition");
  const std::string old_edition = old ? **old : "";
  auto renamed = [&](const std::string& key) {
    const toml::value<std::string>* value = framework->get_as<std::string>(key);
    std::string named = value ? **value : edition;
    const size_t at = old_edition.empty() ? std::string::npos : named.rfind(old_edition);
    if (at == std::string::npos) return named + " " + edition;
    return named.replace(at, old_edition.size(), edition);
  };
  framework->insert_or_assign("id", renamed("id"));
  framework->insert_or_assign("name", renamed("name"));
  framework->insert_or_assign("edition", edition);
  framework->insert_or_assign("previous", previous);
  std::ostringstream out;
  out << root;
  return out.str();
}

}  // namespace ocindex::adapters::io
