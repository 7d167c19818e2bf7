#include "app/assessment/trail.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "adapters/io/csv_writer.h"
#include "app/assessment/accounts.h"
#include "app/assessment/rounds.h"

namespace ocindex::app {
namespace {

bool StartsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

// Entries that add one version to a cell or section, or one comment.
bool AddsItemVersion(const std::string& action) {
  return StartsWith(action, "cell.") || StartsWith(action, "section.");
}
bool AddsComment(const std::string& action) { return StartsWith(action, "thread."); }

}  // namespace

std::string TrailCsv(const std::vector<adapters::JournalEntry>& entries) {
  using adapters::io::CsvField;
  std::string out = "seq,at,actor,action,stream,version,target,reason,before,after\n";
  for (const adapters::JournalEntry& e : entries) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", e.seq, CsvField(e.at), CsvField(e.actor), CsvField(e.action),
                       CsvField(e.stream), e.version, CsvField(e.target), CsvField(e.reason), CsvField(e.before),
                       CsvField(e.after));
  }
  return out;
}

std::string TrailJson(const std::vector<adapters::JournalEntry>& entries) {
  Json out = Json::array();
  for (const adapters::JournalEntry& e : entries) {
    auto parsed = [](const std::string& text) {
      Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
      return json.is_discarded() ? Json(text) : json;
    };
    out.push_back({{"seq", e.seq},
                   {"at", e.at},
                   {"actor", e.actor},
                   {"action", e.action},
                   {"stream", e.stream},
                   {"version", e.version},
                   {"target", e.target},
                   {"reason", e.reason},
                   {"before", parsed(e.before)},
                   {"after", parsed(e.after)}});
  }
  return out.dump(2) + "\n";
}

Result<TrailCheck> CheckTrail(adapters::Store& store) {
  std::vector<adapters::JournalEntry> entries;
  OCINDEX_ASSIGN_OR_RETURN(entries, store.ReadJournal({}));
  TrailCheck check;
  check.entries = static_cast<int64_t>(entries.size());
  std::map<std::string, int> last;  // stream -> version seen
  std::map<std::string, int64_t> versions, comments;  // round stream -> what its entries add
  std::set<std::string> published;  // rounds with a publication entry
  for (const adapters::JournalEntry& e : entries) {
    int& seen = last[e.stream];
    if (e.version != seen + 1) {
      check.problems.push_back(fmt::format("{}: entry {} follows entry {}", e.stream, e.version, seen));
    }
    seen = e.version;
    versions[e.stream] += AddsItemVersion(e.action);
    comments[e.stream] += AddsComment(e.action);
    if (e.action == "round.publish") published.insert(e.target);
  }
  check.streams = static_cast<int>(last.size());

  // A fixed clock: checking writes nothing, so no time is ever read.
  Rounds rounds(store, [] { return int64_t{0}; });
  const core::assessment::Actor auditor{{"auditor"}, core::assessment::Role::kAdmin};
  for (const auto& [stream, version] : last) {
    if (!StartsWith(stream, "round/")) continue;
    ++check.rounds;
    const std::string id = stream.substr(6);
    int64_t held_versions = 0, held_comments = 0;
    Status read = rounds.Inspect(id, auditor, [&](const core::assessment::RoundLedger& ledger) {
      for (const auto& entry : ledger.cells()) held_versions += entry.second.version();
      for (const auto& entry : ledger.sections()) held_versions += entry.second.version();
      for (const auto& thread : ledger.threads()) held_comments += static_cast<int64_t>(thread.comments.size());
    });
    if (!read) {
      check.problems.push_back(fmt::format("round {} does not replay: {}", id, read.error().ToString()));
      continue;
    }
    check.item_versions += held_versions;
    check.comments += held_comments;
    if (held_versions != versions[stream] || held_comments != comments[stream]) {
      check.problems.push_back(fmt::format("round {}: its ledger holds {} versions and {} comments, its entries "
                                           "record {} and {}",
                                           id, held_versions, held_comments, versions[stream], comments[stream]));
    }
  }
  if (last.contains("accounts")) {
    Accounts accounts(store, [] { return int64_t{0}; });
    if (auto users = accounts.List(); !users) {
      check.problems.push_back("the accounts do not replay: " + users.error().ToString());
    }
  }
  std::vector<adapters::EditionInfo> editions;
  OCINDEX_ASSIGN_OR_RETURN(editions, store.ListEditions());
  for (const adapters::EditionInfo& current : editions) {
    std::vector<adapters::EditionInfo> revisions;
    OCINDEX_ASSIGN_OR_RETURN(revisions, store.ListRevisions(current.edition));
    for (const adapters::EditionInfo& revision : revisions) {
      if (!StartsWith(revision.source, "round ")) continue;
      ++check.publications;
      if (!published.contains(revision.source.substr(6))) {
        check.problems.push_back(fmt::format("edition {} revision {} came from {}, which has no publication entry",
                                             revision.edition, revision.revision, revision.source));
      }
    }
  }
  return check;
}

}  // namespace ocindex::app
