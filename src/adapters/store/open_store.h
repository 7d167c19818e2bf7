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

// Opens PostgreSQL for a connection string, else the SQLite file at `uri`.
Result<std::unique_ptr<Store>> OpenStore(const std::string& uri);

}  // namespace ocindex::adapters
