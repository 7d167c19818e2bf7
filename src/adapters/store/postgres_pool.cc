#include "adapters/store/postgres_pool.h"

#include <libpq-fe.h>

#include <utility>

#include "adapters/store/postgres_store.h"

namespace ocindex::adapters {
namespace postgres {
namespace {

// libpq's messages end in a newline and may run over several lines.
std::string OneLine(const char* what) {
  std::string text = what;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return text;
}

// libpq's parsed options, freed with the object.
class Options {
 public:
  explicit Options(const std::string& connection) {
    char* error = nullptr;
    options_ = PQconninfoParse(connection.c_str(), &error);
    if (error != nullptr) {
      error_ = OneLine(error);
      PQfreemem(error);
    } else if (options_ == nullptr) {
      error_ = "out of memory";
    }
  }
  Options(const Options&) = delete;
  Options& operator=(const Options&) = delete;
  ~Options() {
    if (options_ != nullptr) PQconninfoFree(options_);
  }

  Status status() const {
    if (options_ != nullptr) return {};
    return MakeError(ErrorCode::kInvalidInput, "not a PostgreSQL connection string: " + error_);
  }
  // The value given for `keyword`, or "" if none.
  std::string Get(const std::string& keyword) const {
    for (PQconninfoOption* o = options_; o != nullptr && o->keyword != nullptr; ++o) {
      if (keyword == o->keyword && o->val != nullptr) return o->val;
    }
    return {};
  }
  const PQconninfoOption* begin() const { return options_; }

 private:
  PQconninfoOption* options_ = nullptr;
  std::string error_;
};

// A key=value value, quoted as libpq reads it back.
std::string Quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

Pool::Pool(std::string connection, std::unique_ptr<pqxx::connection> first, size_t capacity)
    : connection_(std::move(connection)), capacity_(capacity) {
  idle_.push_back(std::move(first));
  open_ = 1;
}

Pool::Lease Pool::Borrow() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [&] { return !idle_.empty() || open_ < capacity_; });
  if (!idle_.empty()) {
    std::unique_ptr<pqxx::connection> connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(*this, std::make_unique<pqxx::connection>(connection_));
  } catch (...) {
    lock.lock();
    --open_;
    returned_.notify_one();
    throw;
  }
}

void Pool::Return(std::unique_ptr<pqxx::connection> connection) {
  std::lock_guard lock(mutex_);
  if (connection->is_open()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  returned_.notify_one();
}

Error FromException(const std::exception& e, const std::string& where) {
  const std::string what = OneLine(e.what());
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr) {
    return MakeError(ErrorCode::kIo, "cannot reach the PostgreSQL server (" + what + ")", where);
  }
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return MakeError(ErrorCode::kIo,
                     "the connection was lost while committing; the write may or may not be stored (" + what + ")",
                     where);
  }
  if (dynamic_cast<const pqxx::unique_violation*>(&e) != nullptr) {
    return MakeError(ErrorCode::kConflict, "the data is already stored (" + what + ")", where);
  }
  if (dynamic_cast<const pqxx::transaction_rollback*>(&e) != nullptr) {
    return MakeError(ErrorCode::kIo, "the write collided with another one; try again (" + what + ")", where);
  }
  if (dynamic_cast<const pqxx::insufficient_privilege*>(&e) != nullptr ||
      dynamic_cast<const pqxx::insufficient_resources*>(&e) != nullptr) {
    return MakeError(ErrorCode::kIo, "the database refused (" + what + ")", where);
  }
  if (dynamic_cast<const pqxx::sql_error*>(&e) != nullptr) {
    return MakeError(ErrorCode::kInternal, "database error: " + what, where);
  }
  return MakeError(ErrorCode::kInternal, "unexpected failure: " + what, where);
}

}  // namespace postgres

Result<std::string> DescribePostgres(const std::string& connection) {
  postgres::Options options(connection);
  OCINDEX_RETURN_IF_ERROR(options.status());
  // libpq's defaults: the user's name for both, and its compiled-in socket.
  const std::string user = options.Get("user");
  const std::string database = options.Get("dbname").empty() ? user : options.Get("dbname");
  const std::string host = options.Get("host").empty() ? options.Get("hostaddr") : options.Get("host");
  std::string out = "PostgreSQL database " + (database.empty() ? std::string("(default)") : database) + " on " +
                    (host.empty() ? std::string("the default socket") : host);
  if (!options.Get("port").empty()) out += ":" + options.Get("port");
  if (!user.empty()) out += " as " + user;
  return out;
}

Result<std::string> PostgresWithDatabase(const std::string& connection, const std::string& database) {
  postgres::Options options(connection);
  OCINDEX_RETURN_IF_ERROR(options.status());
  std::string out;
  for (const PQconninfoOption* o = options.begin(); o->keyword != nullptr; ++o) {
    const std::string keyword = o->keyword;
    if (keyword == "dbname" || o->val == nullptr) continue;
    out += keyword + "=" + postgres::Quoted(o->val) + " ";
  }
  return out + "dbname=" + postgres::Quoted(database);
}

}  // namespace ocindex::adapters
