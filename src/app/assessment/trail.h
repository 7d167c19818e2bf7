// The audit trail: the journal read back for people (filtered, exported as CSV or
// JSON) and the check that it accounts for every stored version of every round and
// account. Exports leave out the entries' payloads, which hold password hashes and
// digests of secrets; who, when, what, before, after and why are all there.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "adapters/store/store.h"
#include "core/error.h"

namespace ocindex::app {

std::string TrailCsv(const std::vector<adapters::JournalEntry>& entries);
std::string TrailJson(const std::vector<adapters::JournalEntry>& entries);

struct TrailCheck {
  int64_t entries = 0;
  int streams = 0;
  int rounds = 0;
  int64_t item_versions = 0;  // cell and section versions the rounds' ledgers hold
  int64_t comments = 0;
  int publications = 0;       // stored edition revisions made by publishing a round
  std::vector<std::string> problems;  // empty when the trail accounts for everything
  bool ok() const { return problems.empty(); }
};

// Every stream numbers its entries 1, 2, ... without a gap; every round replays, and
// its ledger holds exactly one version per cell or section entry and one comment per
// thread entry; the accounts replay; and every edition revision stored by publishing
// a round has that round's publication entry.
Result<TrailCheck> CheckTrail(adapters::Store& store);

}  // namespace ocindex::app
