// A small synchronous HTTP client for tests (Boost.Beast): one request per
// connection, or raw bytes for malformed-request tests. With OCINDEX_API_RESPONSES set
// (a folder; the API tests' CTest environment), every response is also recorded there
// for the API contract test (docs/API.md).
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>

namespace ocindex::test {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// Appends one JSON line to <OCINDEX_API_RESPONSES>/<pid>.jsonl: a file per test process,
// so tests running in parallel never interleave their lines.
inline void RecordResponse(const std::string& method, const std::string& target, int status,
                           const std::string& content_type, const std::string& body) {
  const char* dir = std::getenv("OCINDEX_API_RESPONSES");
  if (dir == nullptr || *dir == '\0') return;
  static std::mutex mutex;
  const std::lock_guard<std::mutex> lock(mutex);
  std::filesystem::create_directories(dir);
  std::ofstream out(std::string(dir) + "/" + std::to_string(getpid()) + ".jsonl", std::ios::app);
  const nlohmann::json line = {
      {"method", method}, {"target", target}, {"status", status}, {"content_type", content_type}, {"body", body}};
  out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

// Sends one request on `stream` and reads the answer (recorded like every other).
inline HttpReply Exchange(boost::beast::tcp_stream& stream, const std::string& method, const std::string& target,
                          const std::map<std::string, std::string>& headers, const std::string& body, bool keep_alive) {
  namespace beast = boost::beast;
  namespace http = beast::http;
  http::request<http::string_body> request{method == "HEAD" ? http::verb::head : http::string_to_verb(method),
                                           target, 11};
  request.set(http::field::host, "127.0.0.1");
  if (!body.empty()) request.set(http::field::content_type, "application/json");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.keep_alive(keep_alive);
  request.prepare_payload();
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  http::read(stream, buffer, parser);
  HttpReply reply;
  reply.status = static_cast<int>(parser.get().result_int());
  for (const auto& field : parser.get()) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value());
  }
  reply.body = parser.get().body();
  RecordResponse(method, target, reply.status, reply.Header("content-type"), reply.body);
  return reply;
}

inline HttpReply HttpRequest(uint16_t port, const std::string& method, const std::string& target,
                             const std::map<std::string, std::string>& headers = {}, const std::string& body = "") {
  boost::asio::io_context ioc;
  boost::beast::tcp_stream stream(ioc);
  stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  HttpReply reply = Exchange(stream, method, target, headers, body, /*keep_alive=*/false);
  boost::beast::error_code ignored;
  stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  return reply;
}

// The same on a connection this thread keeps open to `port` between requests, as a
// browser does: for load tests, where connecting anew would be much of the work.
inline HttpReply HttpRequestKeepAlive(uint16_t port, const std::string& method, const std::string& target,
                                      const std::map<std::string, std::string>& headers = {},
                                      const std::string& body = "") {
  struct Connection {
    boost::asio::io_context ioc;
    std::optional<boost::beast::tcp_stream> stream;
    uint16_t port = 0;
  };
  thread_local Connection connection;
  for (int attempt = 0;; ++attempt) {
    try {
      if (!connection.stream || connection.port != port) {
        connection.stream.emplace(connection.ioc);
        connection.stream->connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
        connection.port = port;
      }
      return Exchange(*connection.stream, method, target, headers, body, /*keep_alive=*/true);
    } catch (const boost::system::system_error&) {
      connection.stream.reset();  // the server closed it (idle timeout): connect again, once
      if (attempt > 0) throw;
    }
  }
}

inline HttpReply HttpGet(uint16_t port, const std::string& target,
                         const std::map<std::string, std::string>& headers = {}) {
  return HttpRequest(port, "GET", target, headers);
}

// Records a raw exchange's answer (status line, Content-Type, body); its request was
// malformed, so it has no target.
inline void RecordRawResponse(const std::string& reply) {
  const auto head_end = reply.find("\r\n\r\n");
  if (reply.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) return;
  std::string head = reply.substr(0, head_end);
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string content_type;
  if (auto at = head.find("\r\ncontent-type:"); at != std::string::npos) {
    const auto begin = head.find_first_not_of(' ', at + 16);
    content_type = head.substr(begin, head.find("\r\n", begin) - begin);
  }
  RecordResponse("RAW", "(malformed request)", std::stoi(reply.substr(9, 3)), content_type,
                 reply.substr(head_end + 4));
}

// Sends `bytes` as they are and returns everything the server sends before closing.
inline std::string RawExchange(uint16_t port, const std::string& bytes) {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket socket(ioc);
  socket.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  // A server that never answers fails the test in 10 s rather than hanging it.
  const timeval limit{10, 0};
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  boost::asio::write(socket, boost::asio::buffer(bytes));
  std::string reply;
  // Until the server closes. recv() itself, not Asio's read: Asio waits again after a
  // timed-out receive.
  char chunk[4096];
  for (ssize_t n; (n = ::recv(socket.native_handle(), chunk, sizeof chunk, 0)) > 0;) {
    reply.append(chunk, static_cast<size_t>(n));
  }
  RecordRawResponse(reply);
  return reply;
}

}  // namespace ocindex::test
