// The PostgreSQL store's plumbing: a small pool of connections shared by threads, and
// the edge where libpqxx's exceptions become Errors. Only the adapters' .cc files
// include this (libpqxx is a private dependency).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "core/error.h"

namespace ocindex::adapters::postgres {

// Connections are made on demand, up to `capacity`; a caller that finds all of them
// borrowed waits for one to come back. A connection found broken is dropped, and the
// next borrower makes a new one, so a restarted server is reconnected to.
class Pool {
 public:
  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<pqxx::connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (connection_) pool_->Return(std::move(connection_));
    }
    pqxx::connection& operator*() { return *connection_; }

   private:
    Pool* pool_;
    std::unique_ptr<pqxx::connection> connection_;
  };

  // `first` is an open connection to `connection`, counted as one of `capacity`.
  Pool(std::string connection, std::unique_ptr<pqxx::connection> first, size_t capacity);

  // Throws pqxx::broken_connection when a new connection cannot be made.
  Lease Borrow();

 private:
  void Return(std::unique_ptr<pqxx::connection> connection);

  const std::string connection_;
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  size_t open_ = 0;  // idle and borrowed
};

// The Error for an exception thrown by libpqxx (or anything else) while using the
// database described by `where`.
Error FromException(const std::exception& e, const std::string& where);

// Runs `body`, turning any exception into an Error: none may leave the store.
template <typename F>
auto Guarded(const std::string& where, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& e) {
    return FromException(e, where);
  }
}

}  // namespace ocindex::adapters::postgres
