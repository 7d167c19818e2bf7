// ocindex db status|migrate on an SQLite file (the PostgreSQL side of reading and
// migrating a schema is in store_conformance_test.cc).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "adapters/store/sqlite_store.h"
#include "support/cli_runner.h"

namespace ocindex::test {
namespace {

class DbCli : public CliTest {
 protected:
  std::string db() const { return dir_.File("ocindex.db"); }
  std::string Row(int before, int version) const {
    return db() + "," + std::to_string(before) + "," + std::to_string(version) + "," +
           std::to_string(adapters::SqliteSchemaVersion()) + ",";
  }
};

TEST_F(DbCli, StatusOfAMissingDatabaseCreatesNothing) {
  CliRun run = Ocindex("db status --format csv");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find(Row(0, 0) + "new:"), std::string::npos) << run.out;
  EXPECT_FALSE(std::filesystem::exists(db()));
}

TEST_F(DbCli, MigrateBringsAnOldDatabaseUpToDateWithoutFillingIt) {
  ASSERT_TRUE(adapters::OpenSqliteStoreAtSchema(db(), 1).ok());
  CliRun status = Ocindex("db status --format csv");
  ASSERT_EQ(status.exit_code, 0) << status.err;
  const int pending = adapters::SqliteSchemaVersion() - 1;
  EXPECT_NE(status.out.find(Row(1, 1) + std::to_string(pending) + " migrations pending"), std::string::npos)
      << status.out;

  CliRun migrate = Ocindex("db migrate --format csv");
  ASSERT_EQ(migrate.exit_code, 0) << migrate.err;
  EXPECT_NE(migrate.out.find(Row(1, adapters::SqliteSchemaVersion()) + "up to date"), std::string::npos)
      << migrate.out;
  auto store = adapters::OpenSqliteStore(db());
  ASSERT_TRUE(store.ok());
  EXPECT_TRUE(*(*store)->IsEmpty());  // migrated, not filled
  CliRun again = Ocindex("db status --format csv");
  EXPECT_NE(again.out.find("up to date"), std::string::npos) << again.out;
}

TEST_F(DbCli, AForeignDatabaseIsAStorageError) {
  {
    SQLite::Database other(db(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE notes (body TEXT)");
  }
  for (const char* command : {"db status", "db migrate"}) {
    CliRun run = Ocindex(command);
    EXPECT_EQ(run.exit_code, 5) << command;
    EXPECT_NE(run.err.find("did not create"), std::string::npos) << run.err;
  }
}

}  // namespace
}  // namespace ocindex::test
