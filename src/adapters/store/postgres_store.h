// The Store kept in a PostgreSQL database, for several writers and a server. The schema
// matches the SQLite store's, versioned in a table of its own (ocindex_schema) and
// migrated on open under an advisory lock. One store holds a small connection pool,
// so it may be used from several threads at once.
#pragma once

#include <memory>
#include <string>

#include "adapters/store/store.h"
#include "core/error.h"

namespace ocindex::adapters {

// Opens the database named by a libpq connection string: a URI
// ("postgresql://user@host/db") or key=value pairs ("host=/run/pg dbname=ocindex"),
// and migrates it to the current schema. kIo if the server cannot be reached (the
// message names host and database, never the password); kCorrupt if the database
// holds tables that ocindex did not create; kUnsupported if a newer ocindex wrote it.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& connection);

// The schema version this build writes: the number of migrations it knows.
int PostgresSchemaVersion();

// The schema version of the database, read without changing anything: 0 for a new
// database. kIo and kCorrupt as OpenPostgresStore.
Result<int> ReadPostgresSchemaVersion(const std::string& connection);

// "database ocindex on /run/pg:5432 as ana": who and where a connection string points
// to, without its password, for messages. kInvalidInput if it does not parse.
Result<std::string> DescribePostgres(const std::string& connection);

// The same connection string with another database name, as key=value pairs (for
// tools and tests that create and drop databases).
Result<std::string> PostgresWithDatabase(const std::string& connection, const std::string& database);

}  // namespace ocindex::adapters
