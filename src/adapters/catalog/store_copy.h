// A whole store's history read back, fingerprinted and written into another store:
// `ocindex db copy` between SQLite and PostgreSQL, verified by counts and a checksum.
#pragma once

#include <cstdint>
#include <string>

#include "adapters/store/store.h"
#include "core/error.h"

namespace ocindex::adapters {

struct HistoryCounts {
  int countries = 0;
  int editions = 0;
  int edition_revisions = 0;
  int64_t scores = 0;  // assessed indicator scores, summed over every revision
  int profile_revisions = 0;
  int expert_revisions = 0;
  int64_t expert_scores = 0;
  int64_t journal_entries = 0;  // rounds' and accounts' entries
  bool operator==(const HistoryCounts&) const = default;
};

// Every revision of everything `store` holds, oldest first (StoreHistory's order).
Result<StoreHistory> ReadHistory(Store& store);
HistoryCounts CountHistory(const StoreHistory& history);
// BLAKE2b-256, in hex, of a canonical serialisation of the history: every value, every
// revision's source, author and time, in order. Equal checksums mean equal histories.
std::string HistoryChecksum(const StoreHistory& history);

struct CopyReport {
  HistoryCounts counts;
  std::string checksum;
};
// Reads `from`, restores it into the empty store `to` in one transaction, then reads
// `to` back: kCorrupt if its counts or checksum differ from the source's.
Result<CopyReport> CopyStore(Store& from, Store& to);

}  // namespace ocindex::adapters
