#include "adapters/io/expert_scores_csv.h"

#include <fmt/format.h>

#include <array>
#include <map>
#include <optional>
#include <tuple>

#include "adapters/io/csv_writer.h"
#include "adapters/io/table_problems.h"
#include "core/model/lookup.h"

namespace ocindex::adapters::io {
namespace {

enum Field { kEdition, kCountry, kIndicator, kExpert, kScore, kJustification, kFieldCount };
constexpr std::array<const char*, kFieldCount> kFieldNames = {"edition", "country", "indicator",
                                                              "expert",  "score",   "justification"};

std::optional<Field> FieldOf(const std::string& header) {
  const std::string key = core::NormalizeHeader(header);
  if (key == "iso3") return kCountry;
  for (int f = 0; f < kFieldCount; ++f) {
    if (key == kFieldNames[static_cast<size_t>(f)] || key == std::string(kFieldNames[static_cast<size_t>(f)]) + " id") {
      return static_cast<Field>(f);
    }
  }
  return std::nullopt;
}

using Columns = std::array<int, kFieldCount>;  // field -> 0-based column, -1 if absent

Columns ReadHeader(const TableRow& header, Problems& problems) {
  Columns columns;
  columns.fill(-1);
  for (size_t c = 0; c < header.cells.size(); ++c) {
    const int column = static_cast<int>(c);
    auto field = FieldOf(header.cells[c]);
    if (!field) {
      problems.Add(header.number, column,
                   fmt::format("unknown column '{}': expected edition, country, indicator, expert, score and "
                               "optionally justification",
                               header.cells[c]));
    } else if (columns[*field] >= 0) {
      problems.Add(header.number, column, fmt::format("a second '{}' column", kFieldNames[*field]));
    } else {
      columns[*field] = column;
    }
  }
  for (int f = 0; f < kJustification; ++f) {
    if (columns[static_cast<size_t>(f)] < 0) {
      problems.Add(header.number, -1, fmt::format("no '{}' column in the header", kFieldNames[static_cast<size_t>(f)]));
    }
  }
  return columns;
}

std::string EditionList(const std::vector<core::Framework>& frameworks) {
  std::vector<std::string> ids;
  for (const auto& f : frameworks) ids.push_back(f.edition);
  return fmt::format("{}", fmt::join(ids, ", "));
}

// The indicator a cell names, by id, else by name or publisher header.
std::optional<int> FindIndicator(const core::Framework& framework, const std::string& text) {
  if (auto i = framework.FindIndicator(text)) return i;
  auto measure = framework.FindMeasure(text);
  if (!measure || framework.IsNode(*measure)) return std::nullopt;
  return *measure - static_cast<int>(framework.nodes.size());
}

}  // namespace

Result<std::vector<core::ExpertScore>> ReadExpertScores(const Table& table,
                                                        const std::vector<core::Framework>& frameworks,
                                                        const core::Geography& geography) {
  Problems problems(table, "nothing was read");
  if (table.rows.empty()) {
    return MakeError(ErrorCode::kInvalidInput,
                     "the file is empty: expected a header (edition,country,indicator,expert,score,justification) "
                     "and one row per expert score",
                     table.Where(1));
  }
  const Columns columns = ReadHeader(table.rows.front(), problems);
  if (!problems.empty()) return problems.ToError();
  if (table.rows.size() == 1) {
    return MakeError(ErrorCode::kInvalidInput, "no scores: expected one row per expert score after the header",
                     table.Where(table.rows.front().number));
  }

  std::vector<core::ExpertScore> scores;
  // (edition, iso3, indicator, expert) -> the line that scored it first.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, uint32_t> seen;
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    auto cell = [&](Field f) { return Trim(Cell(row, static_cast<size_t>(columns[f]))); };
    auto column = [&](Field f) { return columns[f]; };
    const size_t problems_before = problems.count();
    core::ExpertScore score;

    const std::string edition = cell(kEdition);
    const core::Framework* framework = nullptr;
    for (const auto& f : frameworks) {
      if (f.edition == edition) framework = &f;
    }
    if (framework == nullptr) {
      problems.Add(row.number, column(kEdition),
                   fmt::format("unknown edition '{}': expected one of {}", edition, EditionList(frameworks)));
    }
    score.edition = edition;

    auto iso3 = core::ResolveCountry(geography, cell(kCountry));
    if (iso3) {
      score.iso3 = *iso3;
    } else {
      problems.Add(row.number, column(kCountry), iso3.error().message);
    }

    score.expert = cell(kExpert);
    if (score.expert.empty()) problems.Add(row.number, column(kExpert), "no expert id: expected any non-empty id");

    if (framework != nullptr) {
      const std::string indicator = cell(kIndicator);
      if (auto i = FindIndicator(*framework, indicator)) {
        score.indicator = framework->indicators[static_cast<size_t>(*i)].id;
      } else {
        problems.Add(row.number, column(kIndicator),
                     fmt::format("'{}' is not an indicator of edition {}: expected an indicator id such as {}",
                                 indicator, edition, framework->indicators.front().id));
      }
      const std::string text = cell(kScore);
      auto value = core::Rational::ParseDecimal(text, 6);
      if (value && framework->OnScale(*value)) {
        score.score = value->ToDouble();
      } else {
        problems.Add(row.number, column(kScore),
                     fmt::format("score '{}': expected {} (leave the row out for no score)", text,
                                 ScaleText(*framework)));
      }
    }
    if (columns[kJustification] >= 0) score.justification = Cell(row, static_cast<size_t>(columns[kJustification]));

    if (problems.count() != problems_before) continue;
    auto [where, fresh] = seen.emplace(std::make_tuple(score.edition, score.iso3, score.indicator, score.expert),
                                       row.number);
    if (!fresh) {
      problems.Add(row.number, column(kExpert),
                   fmt::format("expert {} already scored {} on {} in {} (line {}): expected one score per expert "
                               "and cell",
                               score.expert, score.iso3, score.indicator, score.edition, where->second));
      continue;
    }
    scores.push_back(std::move(score));
  }
  if (!problems.empty()) return problems.ToError();
  return scores;
}

std::string ExpertScoresCsv(const std::vector<core::ExpertScore>& scores) {
  std::string out = fmt::format("{}\n", fmt::join(kFieldNames, ","));
  for (const auto& s : scores) {
    out += fmt::format("{},{},{},{},{},{}\n", CsvField(s.edition), CsvField(s.iso3), CsvField(s.indicator),
                       CsvField(s.expert), s.score, CsvField(s.justification));
  }
  return out;
}

}  // namespace ocindex::adapters::io
