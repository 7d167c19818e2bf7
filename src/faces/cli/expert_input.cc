#include "faces/cli/expert_input.h"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <set>

#include "adapters/io/csv_reader.h"
#include "adapters/io/expert_scores_csv.h"
#include "adapters/io/text_file.h"

namespace ocindex::cli {

Result<std::vector<core::ExpertScore>> ReadExpertFile(app::Engine& engine, const std::string& file) {
  Result<adapters::io::Table> table = MakeError(ErrorCode::kInternal, "unread");
  if (file != "-") {
    table = adapters::io::ReadCsvFile(file);
  } else if (isatty(STDIN_FILENO)) {
    return MakeError(ErrorCode::kInvalidInput,
                     "'-' reads expert scores from a pipe, e.g. ocindex reliability generate | ocindex reliability -");
  } else {
    auto text = adapters::io::ReadBoundedStream(std::cin, adapters::io::MaxInputBytes(), "standard input");
    if (!text) return text.error();
    table = adapters::io::ParseCsv(*text, "standard input");
  }
  if (!table) return table.error();
  auto known = engine.catalog().KnownFrameworks();
  if (!known) return known.error();
  std::vector<core::Framework> frameworks;
  for (auto& source : *known) frameworks.push_back(std::move(source.framework));
  return adapters::io::ReadExpertScores(*table, frameworks, engine.geography());
}

Result<std::string> ChooseEdition(const std::vector<core::ExpertScore>& scores, const std::string& wanted) {
  std::set<std::string> editions;
  for (const auto& s : scores) editions.insert(s.edition);
  if (!wanted.empty()) {
    if (editions.contains(wanted)) return wanted;
    return MakeError(ErrorCode::kNotFound, fmt::format("the file holds no scores for edition {}; it holds {}", wanted,
                                                       fmt::join(editions, ", ")));
  }
  if (editions.size() == 1) return *editions.begin();
  return MakeError(ErrorCode::kInvalidInput,
                   fmt::format("the file holds editions {}: choose one with --edition", fmt::join(editions, ", ")));
}

Result<std::vector<core::ExpertScore>> LoadStoredExpertScores(app::Engine& engine, const std::string& edition,
                                                              int revision) {
  adapters::StoredExpertScores stored;
  OCINDEX_ASSIGN_OR_RETURN(stored, engine.LoadExpertScores(edition, revision));
  std::cerr << fmt::format("edition {}: expert scores revision {} ({}, stored {})\n", edition, stored.info.revision,
                           stored.info.source, stored.info.stored_at);
  return std::move(stored.scores);
}

Result<std::vector<core::ExpertScore>> ExpertScoresOf(app::Engine& engine, const std::string& source,
                                                      const std::string& edition) {
  if (source == "stored") return LoadStoredExpertScores(engine, edition, 0);
  std::vector<core::ExpertScore> scores;
  OCINDEX_ASSIGN_OR_RETURN(scores, ReadExpertFile(engine, source));
  auto chosen = ChooseEdition(scores, edition);
  if (!chosen) {
    Error error = chosen.error();
    error.where = source;
    return error;
  }
  std::erase_if(scores, [&](const core::ExpertScore& s) { return s.edition != edition; });
  return scores;
}

}  // namespace ocindex::cli
