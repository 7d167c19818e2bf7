// One database of one store backend per test: an SQLite file in a scratch directory, or
// a fresh database on the PostgreSQL server at $OCINDEX_TEST_POSTGRES, dropped after the
// test. Without that variable a PostgreSQL test is skipped, saying so, unless
// $OCINDEX_REQUIRE_POSTGRES=1 (CI), which makes a missing server a failure.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <pqxx/pqxx>

#include "adapters/store/open_store.h"
#include "adapters/store/postgres_store.h"
#include "adapters/store/sqlite_store.h"
#include "support/fixtures.h"

namespace ocindex::adapters {

// One database of one backend, made for one test and removed after it.
class Backend {
 public:
  virtual ~Backend() = default;
  // What OpenStore is given: a file path or a connection string.
  virtual std::string uri() const = 0;
  virtual int schema_version() const = 0;
  // Writes a schema version into the database, as a newer ocindex would.
  virtual void SetSchemaVersion(int version) = 0;
  virtual int GetSchemaVersion() = 0;
  // Gives the (new) database a table of another program.
  virtual void AddForeignTable() = 0;
  // Runs SQL directly, as someone with the database's credentials could; throws on refusal.
  virtual void Exec(const std::string& sql) = 0;
};

class SqliteBackend final : public Backend {
 public:
  std::string uri() const override { return dir_.File("ocindex.db"); }
  int schema_version() const override { return SqliteSchemaVersion(); }
  void SetSchemaVersion(int version) override {
    SQLite::Database db(uri(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(version));
  }
  int GetSchemaVersion() override {
    SQLite::Database db(uri(), SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
  }
  void AddForeignTable() override { Exec("CREATE TABLE notes (body TEXT)"); }
  void Exec(const std::string& sql) override {
    SQLite::Database db(uri(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(sql);
  }

 private:
  test::TempDir dir_;
};

class PostgresBackend final : public Backend {
 public:
  // `server` may create databases; this one is ocx_<pid>_<n>.
  explicit PostgresBackend(std::string server) : server_(std::move(server)) {
    static std::atomic<int> count{0};
    name_ = "ocx_" + std::to_string(getpid()) + "_" + std::to_string(count++);
    pqxx::connection admin(server_);
    pqxx::nontransaction(admin).exec("CREATE DATABASE " + name_ + " TEMPLATE template0");
    uri_ = *PostgresWithDatabase(server_, name_);
  }
  ~PostgresBackend() override {
    try {
      pqxx::connection admin(server_);
      pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception& e) {
      ADD_FAILURE() << "could not drop test database " << name_ << ": " << e.what();
    }
  }
  std::string uri() const override { return uri_; }
  int schema_version() const override { return PostgresSchemaVersion(); }
  void SetSchemaVersion(int version) override { Exec("UPDATE ocindex_schema SET version = " + std::to_string(version)); }
  int GetSchemaVersion() override {
    pqxx::connection c(uri_);
    return pqxx::nontransaction(c).exec1("SELECT version FROM ocindex_schema")[0].as<int>();
  }
  void AddForeignTable() override { Exec("CREATE TABLE notes (body TEXT)"); }
  void Exec(const std::string& sql) override {
    pqxx::connection c(uri_);
    pqxx::nontransaction(c).exec(sql);
  }

 private:
  std::string server_;
  std::string name_;
  std::string uri_;
};

inline std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// A new database of `kind` ("sqlite" or "postgres"), or nullptr after skipping the
// test (PostgreSQL without a server named, unless one is required) or failing it
// fatally, so that a test body after a SetUp that got nullptr does not run. (FAIL and
// GTEST_SKIP return from a void function: hence the lambdas.)
inline std::unique_ptr<Backend> MakeBackend(const std::string& kind) {
  if (kind == "sqlite") return std::make_unique<SqliteBackend>();
  const std::string server = Env("OCINDEX_TEST_POSTGRES");
  if (server.empty()) {
    if (Env("OCINDEX_REQUIRE_POSTGRES") == "1") {
      [] { FAIL() << "OCINDEX_REQUIRE_POSTGRES=1 but OCINDEX_TEST_POSTGRES is not set"; }();
      return nullptr;
    }
    [] {
      GTEST_SKIP() << "PostgreSQL half skipped: OCINDEX_TEST_POSTGRES is not set (a connection URI of a server "
                      "where tests may create databases)";
    }();
    return nullptr;
  }
  try {
    return std::make_unique<PostgresBackend>(server);
  } catch (const std::exception& e) {
    const std::string why = e.what();
    [&why] { FAIL() << "cannot create a test database on the PostgreSQL server at OCINDEX_TEST_POSTGRES: " << why; }();
    return nullptr;
  }
}

// A fresh database of one backend per test, and stores opened on it.
class BackendTest : public ::testing::Test {
 protected:
  void SetUpBackend(const std::string& kind) { backend_ = MakeBackend(kind); }

  std::unique_ptr<Store> Open() {
    auto store = OpenStore(backend_->uri());
    EXPECT_TRUE(store.ok()) << store.error().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  std::unique_ptr<Backend> backend_;
};

}  // namespace ocindex::adapters
