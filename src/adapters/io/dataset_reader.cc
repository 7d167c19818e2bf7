#include "adapters/io/dataset_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "adapters/io/table_problems.h"
#include "core/scoring/scorecard.h"

namespace ocindex::adapters::io {
namespace {

using core::Rational;

enum class Role { kIgnored, kContinent, kRegion, kCountry, kIso3, kIndicator, kNode };

struct Column {
  Role role = Role::kIgnored;
  int index = -1;  // indicator or node index for kIndicator / kNode
};

bool IsNotAssessed(const std::string& text) {
  const std::string key = core::NormalizeHeader(text);
  return key == "na" || key == "n/a" || key == "not assessed";
}

}  // namespace

std::optional<FixedColumn> FixedColumnOf(const std::string& normalized_header) {
  const std::string& key = normalized_header;
  if (key == "continent") return FixedColumn::kContinent;
  if (key == "region") return FixedColumn::kRegion;
  if (key == "country" || key == "country name") return FixedColumn::kCountry;
  if (key == "iso3" || key == "country code" || key == "iso" || key == "iso code") return FixedColumn::kIso3;
  return std::nullopt;
}

struct DatasetReader::State {
  State(const Table& table, const core::Framework& fw, const core::Geography& geo)
      : shape(table), framework(fw), geography(geo), problems(table), dataset(core::Dataset::ShapedFor(fw)) {}

  const Table& shape;
  const core::Framework& framework;
  const core::Geography& geography;
  Problems problems;
  uint32_t header_number = 1;
  bool header_ok = false;  // rows are read only below a header without problems
  std::vector<Column> columns;
  std::vector<size_t> unnamed;  // columns without a header not yet seen holding data
  std::optional<size_t> country_column, iso3_column, continent_column, region_column;
  std::vector<size_t> node_column;  // node -> table column, SIZE_MAX if absent
  core::Dataset dataset;
  std::map<std::string, uint32_t> first_row;  // iso3 -> row where it appeared
  std::vector<uint32_t> row_of;               // dataset country -> table row
};

DatasetReader::DatasetReader(const Table& shape, const core::Framework& framework, const core::Geography& geography)
    : state_(std::make_unique<State>(shape, framework, geography)) {}

DatasetReader::~DatasetReader() = default;

void DatasetReader::Header(const TableRow& header) {
  State& st = *state_;
  const core::Framework& framework = st.framework;
  Problems& problems = st.problems;
  st.header_number = header.number;
  // Map each header to what it holds.
  std::vector<Column>& columns = st.columns;
  columns.assign(header.cells.size(), Column{});
  std::map<std::string, size_t> seen;  // role key -> column, to catch duplicates
  for (size_t j = 0; j < header.cells.size(); ++j) {
    const std::string key = core::NormalizeHeader(header.cells[j]);
    Column& column = columns[j];
    if (key.empty()) {
      st.unnamed.push_back(j);  // a problem once a row holds data there
      continue;
    }
    if (auto fixed = FixedColumnOf(key)) {
      column.role = *fixed == FixedColumn::kContinent ? Role::kContinent
                    : *fixed == FixedColumn::kRegion  ? Role::kRegion
                    : *fixed == FixedColumn::kCountry ? Role::kCountry
                                                      : Role::kIso3;
    } else if (auto measure = framework.FindMeasure(key)) {
      column.role = framework.IsNode(*measure) ? Role::kNode : Role::kIndicator;
      column.index = framework.IsNode(*measure) ? *measure : *measure - static_cast<int>(framework.nodes.size());
    } else {
      problems.Add(header.number, static_cast<int>(j),
                   fmt::format("unknown column '{}': not an indicator or composite of framework {} "
                               "(see `ocindex framework {}`)",
                               Trim(header.cells[j]), framework.id, framework.edition));
      continue;
    }
    std::string role_key = fmt::format("{}:{}", static_cast<int>(column.role), column.index);
    if (auto [it, inserted] = seen.emplace(role_key, j); !inserted) {
      problems.Add(header.number, static_cast<int>(j),
                   fmt::format("column '{}' repeats column {}", Trim(header.cells[j]),
                               st.shape.sheet.empty() ? std::to_string(it->second + 1)
                                                      : ColumnLetters(static_cast<int>(it->second))));
      column.role = Role::kIgnored;
    }
  }
  auto find_role = [&columns](Role role, int index = -1) -> std::optional<size_t> {
    for (size_t j = 0; j < columns.size(); ++j) {
      if (columns[j].role == role && columns[j].index == index) return j;
    }
    return std::nullopt;
  };
  st.country_column = find_role(Role::kCountry);
  st.iso3_column = find_role(Role::kIso3);
  st.continent_column = find_role(Role::kContinent);
  st.region_column = find_role(Role::kRegion);
  if (!st.country_column && !st.iso3_column) {
    problems.Add(header.number, -1, "missing required column: 'Country' or 'iso3'");
  }
  if (!st.continent_column) problems.Add(header.number, -1, "missing required column 'Continent'");
  if (!st.region_column) problems.Add(header.number, -1, "missing required column 'Region'");
  for (size_t i = 0; i < framework.indicators.size(); ++i) {
    if (!find_role(Role::kIndicator, static_cast<int>(i))) {
      problems.Add(header.number, -1,
                   fmt::format("missing required column '{}' (indicator {} of framework {})",
                               framework.indicators[i].name, framework.indicators[i].id, framework.id));
    }
  }
  st.header_ok = problems.empty();
  st.node_column.assign(framework.nodes.size(), SIZE_MAX);
  for (size_t j = 0; j < columns.size(); ++j) {
    if (columns[j].role == Role::kNode) st.node_column[static_cast<size_t>(columns[j].index)] = j;
  }
}

void DatasetReader::Row(const TableRow& row) {
  State& st = *state_;
  const core::Framework& framework = st.framework;
  Problems& problems = st.problems;
  std::erase_if(st.unnamed, [&](size_t j) {
    if (Trim(Cell(row, j)).empty()) return false;
    problems.Add(st.header_number, static_cast<int>(j), "this column has data but no header");
    return true;
  });
  if (!st.header_ok) return;
  if (std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return Trim(c).empty(); })) return;

  const core::Country* country = nullptr;
  const std::string name = st.country_column ? Trim(Cell(row, *st.country_column)) : std::string();
  if (st.iso3_column) {
    const std::string code = Trim(Cell(row, *st.iso3_column));
    country = st.geography.Find(code);
    if (country == nullptr || country->iso3 != code) {
      problems.Add(row.number, static_cast<int>(*st.iso3_column),
                   fmt::format("unknown country code '{}': expected an ISO 3166 alpha-3 code such as KAZ, or a "
                               "unit's code with the unit list given (import --units)",
                               code));
      return;
    }
  } else {
    country = st.geography.Find(name);
    if (country == nullptr) {
      if (auto named = st.geography.Named(name); named.size() > 1) {
        problems.Add(row.number, static_cast<int>(*st.country_column),
                     core::SharedNameMessage(name, named) + " in an iso3 column");
        return;
      }
      std::vector<std::string> suggestions = st.geography.Suggest(name);
      problems.Add(row.number, static_cast<int>(*st.country_column),
                   fmt::format("unknown country '{}'{}", name,
                               suggestions.empty() ? std::string(": expected a country name, ISO3 code or alias")
                                                   : "; did you mean " + fmt::format("{}?", fmt::join(suggestions, ", "))));
      return;
    }
  }
  if (auto [it, inserted] = st.first_row.emplace(country->iso3, row.number); !inserted) {
    problems.Add(row.number, -1,
                 fmt::format("{} ({}) appears twice: already in {}", country->name, country->iso3,
                             st.shape.sheet.empty() ? fmt::format("line {}", it->second)
                                                    : fmt::format("row {}", it->second)));
    return;
  }
  core::CountryEntry entry{country->iso3, name.empty() ? country->name : name,
                           Trim(Cell(row, *st.continent_column)), Trim(Cell(row, *st.region_column))};
  if (entry.continent.empty()) problems.Add(row.number, static_cast<int>(*st.continent_column), "missing continent");
  if (entry.region.empty()) problems.Add(row.number, static_cast<int>(*st.region_column), "missing region");
  core::Dataset& dataset = st.dataset;
  const int c = dataset.AddCountry(std::move(entry));
  st.row_of.push_back(row.number);

  for (size_t j = 0; j < st.columns.size(); ++j) {
    const Column& column = st.columns[j];
    if (column.role != Role::kIndicator && column.role != Role::kNode) continue;
    const std::string text = Trim(Cell(row, j));
    const bool is_indicator = column.role == Role::kIndicator;
    if (text.empty() && is_indicator) {
      problems.Add(row.number, static_cast<int>(j),
                   fmt::format("missing score: expected {} (or NA if not assessed)", ScaleText(framework)));
      continue;
    }
    if (text.empty() || IsNotAssessed(text)) continue;
    std::optional<Rational> value = Rational::ParseDecimal(text);
    if (!value) {
      problems.Add(row.number, static_cast<int>(j),
                   fmt::format("'{}' is not a number: expected {}", text, is_indicator ? ScaleText(framework) : "a decimal"));
      continue;
    }
    if (is_indicator) {
      if (!framework.OnScale(*value)) {
        problems.Add(row.number, static_cast<int>(j),
                     fmt::format("score {} is off the scale: expected {}", text, ScaleText(framework)));
        continue;
      }
      dataset.score(c, column.index) = *value;
    } else {
      // The printed figure is the rounded one, whatever precision the file carries.
      dataset.published_value(c, column.index) =
          Rational::FromUnits(value->RoundHalfUp(framework.decimals), framework.decimals);
    }
  }
}

Result<core::Dataset> DatasetReader::Finish() {
  State& st = *state_;
  const core::Framework& framework = st.framework;
  Problems& problems = st.problems;
  core::Dataset& dataset = st.dataset;
  if (dataset.country_count() == 0 && problems.empty()) {
    problems.Add(st.header_number, -1, "no country rows below the header");
  }
  if (!problems.empty()) return problems.ToError();

  auto card = core::Scorecard::Compute(framework, dataset);
  if (!card) return card.error();
  for (const core::PublishedMismatch& mismatch : core::CheckPublished(framework, dataset, *card)) {
    problems.Add(st.row_of[static_cast<size_t>(mismatch.country)],
                 static_cast<int>(st.node_column[static_cast<size_t>(mismatch.node)]),
                 fmt::format("published {} {} disagrees with {} recomputed from the indicators",
                             framework.nodes[static_cast<size_t>(mismatch.node)].name,
                             core::FormatUnits(mismatch.published, framework.decimals),
                             core::FormatUnits(mismatch.recomputed, framework.decimals)));
  }
  if (!problems.empty()) return problems.ToError();
  return std::move(dataset);
}

Result<core::Dataset> ReadDataset(const Table& table, const core::Framework& framework,
                                  const core::Geography& geography) {
  if (table.rows.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "the table is empty: expected a header row and one row per country",
                     table.Where(1));
  }
  DatasetReader reader(table, framework, geography);
  reader.Header(table.rows[0]);
  for (size_t r = 1; r < table.rows.size(); ++r) reader.Row(table.rows[r]);
  return reader.Finish();
}

}  // namespace ocindex::adapters::io
