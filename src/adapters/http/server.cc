#include "adapters/http/server.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <csignal>
#include <cstdio>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include "adapters/http/request_reader.h"

namespace ocindex::adapters::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

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

// One connection, plain (PlainStream) or TLS (TlsStream): the one request-handling path
// for both; only the handshake, the timers' layer and the closing differ.
template <typename Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

 public:
  Session(tcp::socket socket, Shared& shared) : stream_(MakeStream(std::move(socket), shared)), shared_(shared) {
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
  static Stream MakeStream(tcp::socket socket, Shared& shared) {
    if constexpr (kTls) {
      return Stream(std::move(socket), *shared.tls);
    } else {
      return Stream(std::move(socket));
    }
  }

  beast::tcp_stream& tcp_layer() { return beast::get_lowest_layer(stream_); }

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
    body_ = std::move(response.body);
    log_method_ = std::move(method);
    log_path_ = std::move(path);
    message_.emplace();
    message_->version(11);
    message_->result(static_cast<unsigned>(response.status));
    message_->set(bhttp::field::server, "ocindex");
    message_->set(bhttp::field::content_type, response.content_type);
    for (const auto& [name, value] : shared_.options.headers) message_->set(name, value);
    // Browsers that reached the server over TLS keep to HTTPS for a year: a later
    // plain-HTTP link or typed address cannot expose the session cookie.
    if constexpr (kTls) message_->set(bhttp::field::strict_transport_security, "max-age=31536000");
    for (const auto& [name, value] : response.headers) message_->set(name, value);
    message_->keep_alive(keep_alive);
    message_->content_length(body_->size());
    if (!head_only_ && response.status != 304) message_->body() = {body_->data(), body_->size()};
    if (response.status == 304) message_->content_length(boost::none);
    status_ = response.status;
    tcp_layer().expires_after(shared_.options.write_timeout);
    bhttp::async_write(stream_, *message_, [self = this->shared_from_this()](beast::error_code ec, size_t) {
      self->OnWrite(ec);
    });
  }

  void OnWrite(beast::error_code ec) {
    if (shared_.options.access_log) Log();
    const bool keep_alive = message_->keep_alive();
    if (counted_) shared_.in_flight.fetch_sub(1);
    counted_ = false;
    head_only_ = false;
    message_.reset();
    body_.reset();
    if (ec || !keep_alive || shared_.stopping.load()) return Close();
    ReadRequest();
  }

  void Log() const {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_).count();
    const size_t bytes = message_->body().size();
    std::string line = fmt::format(
        "{{\"method\":\"{}\",\"path\":\"{}\",\"status\":{},\"bytes\":{},\"duration_us\":{}}}\n", JsonEscape(log_method_),
        JsonEscape(log_path_), status_, bytes, micros);
    std::fwrite(line.data(), 1, line.size(), stderr);
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
  std::optional<BeastRequestParser> parser_;
  std::optional<bhttp::response<bhttp::span_body<const char>>> message_;
  std::shared_ptr<const std::string> body_;  // keeps the span's bytes alive during the write
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
  Shared shared;  // declared before the io_context: sessions refer to it until it is destroyed
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  std::vector<std::thread> threads;
  std::once_flag stopped;

  void Accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
      if (!ec && shared.tls) std::make_shared<Session<TlsStream>>(std::move(socket), shared)->Start();
      if (!ec && !shared.tls) std::make_shared<Session<PlainStream>>(std::move(socket), shared)->Start();
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

Server::Server(ServerOptions options, Handler handler) : impl_(std::make_unique<Impl>()) {
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
    const int count = options.threads > 0 ? options.threads : 1;
    for (int i = 0; i < count; ++i) impl_->threads.emplace_back([this] { impl_->ioc.run(); });
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
    asio::post(impl_->ioc, [this] {
      beast::error_code ignored;
      impl_->acceptor.close(ignored);
    });
    const auto deadline = Clock::now() + impl_->shared.options.drain_timeout;
    while (impl_->shared.in_flight.load() > 0 && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    impl_->ioc.stop();
    for (std::thread& thread : impl_->threads) thread.join();
    if (impl_->shared.blocking) impl_->shared.blocking->join();  // answers it posts now go nowhere
  });
}

void Server::WaitForSignal() {
  asio::signal_set signals(impl_->ioc, SIGINT, SIGTERM);
  std::promise<void> received;
  signals.async_wait([&received](beast::error_code, int) { received.set_value(); });
  received.get_future().wait();
  Stop();
}

}  // namespace ocindex::adapters::http
