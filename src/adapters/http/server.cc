#include "adapters/http/server.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <csignal>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include "adapters/http/access_log.h"
#include "adapters/http/request_reader.h"
#include "adapters/http/response_head.h"

namespace ocindex::adapters::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
// Each connection is bound to its thread's io_context by type: no type-erased executor
// on the per-request path.
using Executor = asio::io_context::executor_type;
using Socket = asio::basic_stream_socket<tcp, Executor>;
using TcpStream = beast::basic_stream<tcp, Executor>;
using PlainStream = TcpStream;
using TlsStream = beast::ssl_stream<TcpStream>;

// What every connection shares with the server.
struct Shared {
  ServerOptions options;
  Handler handler;
  std::unique_ptr<PeerLimits> limits;  // of options.peer_limits
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
  std::unique_ptr<asio::thread_pool> blocking;  // runs blocking requests; null when none
  std::unique_ptr<asio::ssl::context> tls;      // null: plain HTTP
};

Response Handle(const Shared& shared, const Request& request) {
  try {
    return shared.handler(request);
  } catch (const std::exception& error) {
    return ErrorResponse(500, "internal", fmt::format("internal error: {}", error.what()));
  } catch (...) {
    return ErrorResponse(500, "internal", "internal error");
  }
}

// JSON string content: quotes, backslashes and control characters escaped.
std::string JsonEscape(std::string_view text) {
  const auto needs_escape = [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; };
  if (std::none_of(text.begin(), text.end(), needs_escape)) return std::string(text);
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<int>(c));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// One server thread's own: the io_context only it runs, and its access log batch with
// the timer that writes the batch out.
struct Worker {
  asio::io_context context{1};  // one thread: Asio can skip its cross-thread wake-ups
  // Keeps run() going while the context has nothing to do yet (no connection dealt to
  // it); Stop() ends it with stop().
  asio::executor_work_guard<asio::io_context::executor_type> busy{context.get_executor()};
  LogBatch log;
  asio::steady_timer flush_timer{context};
  explicit Worker(LogSink& sink) : log(sink) {}

  void AddLogLine(std::string_view line) {
    if (!log.Add(line)) return;  // a flush is already due
    flush_timer.expires_after(std::chrono::milliseconds(100));
    flush_timer.async_wait([this](beast::error_code ec) {
      if (!ec) log.Flush();
    });
  }
};

// One connection, plain (PlainStream) or TLS (TlsStream): the one request-handling path
// for both; only the handshake, the timers' layer and the closing differ.
template <typename Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

 public:
  Session(Socket socket, Shared& shared, Worker& worker)
      : stream_(MakeStream(std::move(socket), shared)), shared_(shared), worker_(worker) {
    beast::error_code ec;
    const auto peer = tcp_layer().socket().remote_endpoint(ec);
    if (!ec) peer_ = peer.address().to_string();
  }
  ~Session() {
    if (opened_) shared_.limits->Close(peer_);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void Start() {
    opened_ = shared_.limits->Open(peer_);
    if constexpr (kTls) {
      // A client that never completes the handshake (or speaks plain HTTP) is dropped
      // like a slow request.
      tcp_layer().expires_after(shared_.options.read_timeout);
      stream_.async_handshake(asio::ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
        if (ec) return self->tcp_layer().close();
        self->Begin();
      });
    } else {
      Begin();
    }
  }

 private:
  static Stream MakeStream(Socket socket, Shared& shared) {
    if constexpr (kTls) {
      return Stream(std::move(socket), *shared.tls);
    } else {
      return Stream(std::move(socket));
    }
  }

  TcpStream& tcp_layer() { return beast::get_lowest_layer(stream_); }

  void Begin() {
    if (!opened_) {
      return Send(ErrorResponse(429, "too_many_connections", "too many open connections from your address"), "", "",
                  false);
    }
    ReadRequest();
  }

  void ReadRequest() {
    parser_.emplace();
    LimitParser(*parser_, shared_.options.header_limit, shared_.options.body_limit);
    tcp_layer().expires_after(shared_.options.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = this->shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec) {
      std::optional<Response> error = ReadErrorResponse(ec);
      if (!error) return Close();
      started_ = Clock::now();
      return Send(std::move(*error), "", "", false);
    }
    started_ = Clock::now();
    const auto& raw = parser_->get();
    if (!shared_.limits->Allow(peer_)) {
      Response limited = ErrorResponse(429, "rate_limited", "too many requests from your address; retry in a second");
      limited.headers.emplace_back("Retry-After", "1");
      return Send(std::move(limited), std::string(raw.method_string()), std::string(raw.target()), raw.keep_alive());
    }
    RequestRead read = ToRequest(raw, peer_, kTls);
    if (!read.request) {
      return Send(std::move(*read.error), std::string(raw.method_string()), std::string(raw.target()), false);
    }
    Request& request = *read.request;
    head_only_ = request.method == "HEAD";
    shared_.in_flight.fetch_add(1);
    counted_ = true;
    if (shared_.blocking && shared_.options.blocking(request)) {
      asio::post(*shared_.blocking, [self = this->shared_from_this(), request = std::move(request)]() mutable {
        Response response = Handle(self->shared_, request);
        asio::post(self->stream_.get_executor(), [self, request = std::move(request),
                                                  response = std::move(response)]() mutable {
          self->Respond(request, std::move(response));
        });
      });
      return;
    }
    Respond(request, Handle(shared_, request));
  }

  // On the connection's strand, once the handler has answered.
  void Respond(const Request& request, Response response) {
    // Read after the handler ran: a Stop() meanwhile tells the client to go.
    const bool keep_alive = parser_->get().keep_alive() && !shared_.stopping.load();
    Send(std::move(response), request.method, request.path, keep_alive);
  }

  void Send(Response response, std::string method, std::string path, bool keep_alive) {
    log_method_ = std::move(method);
    log_path_ = std::move(path);
    const HeadOptions head{&shared_.options.headers, kTls, keep_alive, head_only_};
    WriteHead(response, head, head_);
    keep_alive_ = keep_alive;
    status_ = response.status;
    body_ = SendsBody(response, head) ? std::move(response.body) : nullptr;
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(head_),
                                                    body_ ? asio::buffer(*body_) : asio::const_buffer()};
    tcp_layer().expires_after(shared_.options.write_timeout);
    asio::async_write(stream_, buffers, [self = this->shared_from_this()](beast::error_code ec, size_t) {
      self->OnWrite(ec);
    });
  }

  void OnWrite(beast::error_code ec) {
    if (shared_.options.access_log) Log();
    if (counted_) shared_.in_flight.fetch_sub(1);
    counted_ = false;
    head_only_ = false;
    body_.reset();
    if (ec || !keep_alive_ || shared_.stopping.load()) return Close();
    ReadRequest();
  }

  void Log() {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_).count();
    const size_t bytes = body_ ? body_->size() : 0;
    std::string line = fmt::format(
        "{{\"method\":\"{}\",\"path\":\"{}\",\"status\":{},\"bytes\":{},\"duration_us\":{}}}\n", JsonEscape(log_method_),
        JsonEscape(log_path_), status_, bytes, micros);
    worker_.AddLogLine(line);
  }

  void Close() {
    if constexpr (kTls) {
      // close_notify first, so the client can tell the end from a truncation; bounded
      // like a write.
      tcp_layer().expires_after(shared_.options.write_timeout);
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) { self->CloseTcp(); });
    } else {
      CloseTcp();
    }
  }

  void CloseTcp() {
    beast::error_code ignored;
    tcp_layer().socket().shutdown(tcp::socket::shutdown_both, ignored);
    tcp_layer().close();
  }

  Stream stream_;
  beast::flat_buffer buffer_;
  Shared& shared_;
  Worker& worker_;  // of the thread this connection lives on
  std::optional<BeastRequestParser> parser_;
  std::string head_;  // the response's head, its capacity reused across requests
  std::shared_ptr<const std::string> body_;  // written after head_; null: no body
  bool keep_alive_ = false;
  std::string log_method_, log_path_;
  int status_ = 0;
  bool head_only_ = false;
  bool counted_ = false;
  std::string peer_;     // the client's address ("" if unknown)
  bool opened_ = false;  // counted in shared_.limits
  Clock::time_point started_;
};

}  // namespace

struct Server::Impl {
  Shared shared;  // declared before the workers: sessions refer to it until they are destroyed
  LogSink log_sink{STDERR_FILENO};
  // One worker per thread, each io_context run by that thread alone: a connection lives
  // on one of them, so its handlers need no strand and the threads share no reactor lock.
  std::vector<std::unique_ptr<Worker>> workers;
  tcp::acceptor acceptor;  // on workers[0]; declared after them, so destroyed first
  size_t next_worker = 0;  // where the next connection goes; only the accept handler uses it
  std::vector<std::thread> threads;
  std::once_flag stopped;

  explicit Impl(int thread_count) : workers(MakeWorkers(thread_count, log_sink)), acceptor(workers.front()->context) {}

  static std::vector<std::unique_ptr<Worker>> MakeWorkers(int count, LogSink& sink) {
    std::vector<std::unique_ptr<Worker>> made;
    for (int i = 0; i < std::max(count, 1); ++i) made.push_back(std::make_unique<Worker>(sink));
    return made;
  }

  void Accept() {
    Worker& worker = *workers[next_worker++ % workers.size()];
    acceptor.async_accept(worker.context, [this, &worker](beast::error_code ec, Socket socket) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
      if (!ec && shared.tls) std::make_shared<Session<TlsStream>>(std::move(socket), shared, worker)->Start();
      if (!ec && !shared.tls) std::make_shared<Session<PlainStream>>(std::move(socket), shared, worker)->Start();
      Accept();
    });
  }
};

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost") return true;
  beast::error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  return !ec && address.is_loopback();
}

Server::Server(ServerOptions options, Handler handler) : impl_(std::make_unique<Impl>(options.threads)) {
  impl_->shared.limits = std::make_unique<PeerLimits>(options.peer_limits);
  impl_->shared.options = std::move(options);
  impl_->shared.handler = std::move(handler);
}

Server::~Server() { Stop(); }

namespace {

// The server's TLS context: TLS 1.2 or later, the certificate chain and key from PEM
// files. kInvalidInput naming the file when one cannot be loaded.
Result<std::unique_ptr<asio::ssl::context>> TlsContext(const ServerOptions& options) {
  auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                       asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                       asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
  beast::error_code ec;
  if (context->use_certificate_chain_file(options.tls_cert, ec); ec) {
    return MakeError(ErrorCode::kInvalidInput, "cannot load the TLS certificate (PEM): " + ec.message(),
                     options.tls_cert);
  }
  if (context->use_private_key_file(options.tls_key, asio::ssl::context::pem, ec); ec) {
    return MakeError(ErrorCode::kInvalidInput, "cannot load the TLS private key (PEM): " + ec.message(),
                     options.tls_key);
  }
  return context;
}

}  // namespace

Status Server::Start() {
  const ServerOptions& options = impl_->shared.options;
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "TLS needs both a certificate and its private key");
  }
  if (!options.tls_cert.empty()) OCINDEX_ASSIGN_OR_RETURN(impl_->shared.tls, TlsContext(options));
  beast::error_code ec;
  auto address = asio::ip::make_address(options.host, ec);
  if (ec) return MakeError(ErrorCode::kInvalidInput, "not an IP address: " + options.host);
  tcp::endpoint endpoint(address, options.port);
  tcp::acceptor& acceptor = impl_->acceptor;
  if (!acceptor.open(endpoint.protocol(), ec) && !acceptor.set_option(asio::socket_base::reuse_address(true), ec) &&
      !acceptor.bind(endpoint, ec) && !acceptor.listen(asio::socket_base::max_listen_connections, ec)) {
    if (options.blocking) {
      impl_->shared.blocking = std::make_unique<asio::thread_pool>(std::max(options.blocking_threads, 1));
    }
    impl_->Accept();
    for (auto& worker : impl_->workers) impl_->threads.emplace_back([&worker] { worker->context.run(); });
    return {};
  }
  return MakeError(ErrorCode::kIo, fmt::format("cannot listen on {}:{}: {}", options.host, options.port, ec.message()));
}

uint16_t Server::port() const {
  beast::error_code ec;
  auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void Server::Stop() {
  if (impl_->threads.empty()) return;
  std::call_once(impl_->stopped, [this] {
    impl_->shared.stopping.store(true);
    asio::post(impl_->workers.front()->context, [this] {
      beast::error_code ignored;
      impl_->acceptor.close(ignored);
    });
    const auto deadline = Clock::now() + impl_->shared.options.drain_timeout;
    while (impl_->shared.in_flight.load() > 0 && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    for (auto& worker : impl_->workers) worker->context.stop();
    for (std::thread& thread : impl_->threads) thread.join();
    if (impl_->shared.blocking) impl_->shared.blocking->join();  // answers it posts now go nowhere
    for (auto& worker : impl_->workers) worker->log.Flush();  // the threads are gone: safe to touch
  });
}

void Server::WaitForSignal() {
  asio::signal_set signals(impl_->workers.front()->context, SIGINT, SIGTERM);
  std::promise<void> received;
  signals.async_wait([&received](beast::error_code, int) { received.set_value(); });
  received.get_future().wait();
  Stop();
}

}  // namespace ocindex::adapters::http
