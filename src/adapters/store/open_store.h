// The store the user names: `--db` and $OCINDEX_DB take a PostgreSQL connection string
// or an SQLite file path.
#pragma once

#include <memory>
#include <string>

#include "adapters/store/store.h"
#include "core/error.h"

namespace ocindex::adapters {

// True for a libpq connection string: a "postgresql://" or "postgres://" URI, or
// key=value pairs ("host=/run/pg dbname=ocindex"). Anything else is a file path.
bool IsPostgresConnection(const std::string& uri);

// `uri`, or DefaultDatabasePath() when it is empty (no --db given).
std::string DatabaseUri(const std::string& uri);

// Opens PostgreSQL for a connection string, else the SQLite file at `uri`, and
// migrates it to the current schema.
Result<std::unique_ptr<Store>> OpenStore(const std::string& uri);

struct StoreSchema {
  std::string backend;   // "sqlite" or "postgresql"
  std::string location;  // the file, or the PostgreSQL database (never its password)
  int version = 0;       // the database's; 0 before ocindex has set it up
  int known = 0;         // the newest this ocindex knows
};
// The schema of the store at `uri`, read without changing anything (no migration).
// kCorrupt for a database of another program.
Result<StoreSchema> ReadStoreSchema(const std::string& uri);

}  // namespace ocindex::adapters
