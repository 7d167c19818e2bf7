#include "adapters/io/submissions_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <utility>

#include "adapters/io/table_problems.h"

namespace ocindex::adapters::io {
namespace {

namespace as = core::assessment;

enum Field { kIso3, kIndicator, kExpert, kScore, kJustification, kSources, kConfidence, kChangeReason };
const std::vector<std::string> kFields = {"iso3",          "indicator", "expert",     "score",
                                          "justification", "sources",   "confidence", "change_reason"};
constexpr size_t kRequired = 5;  // iso3 .. justification
constexpr std::string_view kSourceSeparator = " | ";

std::vector<std::string> SplitSources(const std::string& text) {
  std::vector<std::string> sources;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find(kSourceSeparator, start), text.size());
    if (std::string source = Trim(std::string_view(text).substr(start, end - start)); !source.empty()) {
      sources.push_back(std::move(source));
    }
    start = end + kSourceSeparator.size();
  }
  return sources;
}

std::optional<int> ParseInt(const std::string& text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

Result<std::vector<SubmissionRow>> ReadSubmissions(const Table& table, const as::Round& round,
                                                   const ExpertCheck& check) {
  Problems problems(table, "nothing was stored");
  if (table.rows.size() < 2) {
    return MakeError(ErrorCode::kInvalidInput,
                     "no submissions: expected a header (iso3,indicator,expert,score,justification,sources,confidence,"
                     "change_reason) and one row per expert and cell",
                     table.Where(1));
  }
  const std::vector<int> columns = FindColumns(table.rows.front(), kFields, kRequired, problems);
  if (!problems.empty()) return problems.ToError();

  std::vector<SubmissionRow> rows;
  std::map<std::pair<as::CellKey, std::string>, uint32_t> seen;  // (cell, expert) -> first line
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    auto cell = [&](Field f) { return columns[f] < 0 ? std::string() : Trim(Cell(row, static_cast<size_t>(columns[f]))); };
    auto add = [&](Field f, std::string message) { problems.Add(row.number, columns[f], std::move(message)); };
    const size_t before = problems.count();

    SubmissionRow out;
    out.line = row.number;
    out.cell = {cell(kIso3), cell(kIndicator)};
    if (round.FindCountry(out.cell.iso3) == nullptr) {
      add(kIso3, fmt::format("'{}' is not a country of round {}: expected an ISO3 code such as {}", out.cell.iso3,
                             round.id, round.countries.front().iso3));
    }
    if (!round.framework.FindIndicator(out.cell.indicator)) {
      add(kIndicator, fmt::format("'{}' is not an indicator of the round: expected an indicator id such as {}",
                                  out.cell.indicator, round.framework.indicators.front().id));
    }
    as::Submission& s = out.submission;
    s.expert = {cell(kExpert)};
    if (s.expert.id.empty()) add(kExpert, "no expert: expected the sign-in name of the expert who scored");

    const std::string score = cell(kScore);
    auto value = core::Rational::ParseDecimal(score, 6);
    if (value && round.framework.OnScale(*value)) {
      s.score = *value;
    } else {
      add(kScore, fmt::format("score '{}': expected {}", score, ScaleText(round.framework)));
    }
    s.justification = cell(kJustification);
    if (s.justification.empty()) add(kJustification, "no justification: every score states why");
    // Untrimmed: a trailing " | " still separates.
    if (columns[kSources] >= 0) s.sources = SplitSources(Cell(row, static_cast<size_t>(columns[kSources])));
    if (const std::string confidence = cell(kConfidence); !confidence.empty()) {
      auto level = ParseInt(confidence);
      if (level && *level >= as::kMinConfidence && *level <= as::kMaxConfidence) {
        s.confidence = *level;
      } else {
        add(kConfidence, fmt::format("confidence '{}': expected a whole number from {} to {}", confidence,
                                     as::kMinConfidence, as::kMaxConfidence));
      }
    }
    s.change_reason = cell(kChangeReason);
    if (problems.count() != before) continue;

    const std::optional<core::Rational> baseline = round.BaselineScore(out.cell);
    if (s.change_reason.empty() && as::NeedsChangeReason(s.score, baseline)) {
      problems.Add(row.number, columns[kChangeReason] < 0 ? columns[kScore] : columns[kChangeReason],
                   fmt::format("{} moves {} from the baseline {}: expected a change_reason", score,
                               core::FormatRational(s.score - *baseline), core::FormatRational(*baseline)));
    }
    if (auto wrong = check(s.expert.id, out.cell)) add(kExpert, *wrong);
    auto [first, fresh] = seen.emplace(std::make_pair(out.cell, s.expert.id), row.number);
    if (!fresh) {
      add(kExpert, fmt::format("{} already scored {} (line {}): expected one row per expert and cell", s.expert.id,
                               out.cell.ToString(), first->second));
    }
    if (problems.count() == before) rows.push_back(std::move(out));
  }
  if (!problems.empty()) return problems.ToError();
  return rows;
}

}  // namespace ocindex::adapters::io
