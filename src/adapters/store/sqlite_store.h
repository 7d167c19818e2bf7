// The Store kept in one SQLite file. The schema is versioned with PRAGMA user_version
// and brought up to date on open, so a database made by an older ocindex keeps working.
#pragma once

#include <memory>
#include <string>

#include "adapters/store/store.h"
#include "core/error.h"

namespace ocindex::adapters {

// Opens the database at `path`, creating the file and its parent directory if missing,
// and migrates it to the current schema. ":memory:" gives a private in-memory database.
// kCorrupt if the file is not an ocindex database; kUnsupported if a newer ocindex wrote it.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

// The schema version this build writes: the number of migrations it knows.
int SqliteSchemaVersion();

// The schema version of the database at `path`, read without changing anything: 0 for
// a missing file or a new database. kCorrupt as OpenSqliteStore.
Result<int> ReadSqliteSchemaVersion(const std::string& path);

// For migration tests: like OpenSqliteStore, but migrates no further than
// `schema_version` (1..SqliteSchemaVersion()), so a test can make an old database and
// reopen it with OpenSqliteStore. Writing through the returned store only works while
// the store's statements still fit that old schema.
Result<std::unique_ptr<Store>> OpenSqliteStoreAtSchema(const std::string& path, int schema_version);

// $OCINDEX_DB if set, else $XDG_DATA_HOME/ocindex/ocindex.db, else
// $HOME/.local/share/ocindex/ocindex.db; "ocindex.db" in the working directory if none is set.
std::string DefaultDatabasePath();

}  // namespace ocindex::adapters
