#include "adapters/store/open_store.h"

#include <cctype>

#include "adapters/store/postgres_store.h"
#include "adapters/store/sqlite_store.h"

namespace ocindex::adapters {

bool IsPostgresConnection(const std::string& uri) {
  if (uri.starts_with("postgresql://") || uri.starts_with("postgres://")) return true;
  // key=value pairs start with a keyword (lower-case letters and '_') and '=';
  // a path with '=' in it ("/tmp/a=b.db", "./x=y") does not.
  size_t i = 0;
  while (i < uri.size() && std::isspace(static_cast<unsigned char>(uri[i]))) ++i;
  const size_t start = i;
  while (i < uri.size() && (std::islower(static_cast<unsigned char>(uri[i])) || uri[i] == '_')) ++i;
  while (i < uri.size() && std::isspace(static_cast<unsigned char>(uri[i]))) ++i;
  return i > start && i < uri.size() && uri[i] == '=';
}

std::string DatabaseUri(const std::string& uri) { return uri.empty() ? DefaultDatabasePath() : uri; }

Result<std::unique_ptr<Store>> OpenStore(const std::string& uri) {
  if (IsPostgresConnection(uri)) return OpenPostgresStore(uri);
  return OpenSqliteStore(uri);
}

Result<StoreSchema> ReadStoreSchema(const std::string& uri) {
  StoreSchema schema;
  if (IsPostgresConnection(uri)) {
    schema.backend = "postgresql";
    OCINDEX_ASSIGN_OR_RETURN(schema.location, DescribePostgres(uri));
    OCINDEX_ASSIGN_OR_RETURN(schema.version, ReadPostgresSchemaVersion(uri));
    schema.known = PostgresSchemaVersion();
  } else {
    schema.backend = "sqlite";
    schema.location = uri;
    OCINDEX_ASSIGN_OR_RETURN(schema.version, ReadSqliteSchemaVersion(uri));
    schema.known = SqliteSchemaVersion();
  }
  return schema;
}

}  // namespace ocindex::adapters
