#include "adapters/http/request_reader.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <cctype>
#include <cstdint>
#include <utility>

namespace ocindex::adapters::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

// Bytes in memory as a Beast SyncReadStream that reaches end of file after them.
class BytesStream {
 public:
  explicit BytesStream(std::string_view bytes) : bytes_(bytes) {}

  template <typename MutableBuffers>
  size_t read_some(const MutableBuffers& buffers, beast::error_code& ec) {
    ec = {};
    if (bytes_.empty()) {
      ec = asio::error::eof;
      return 0;
    }
    const size_t copied = asio::buffer_copy(buffers, asio::buffer(bytes_.data(), bytes_.size()));
    bytes_.remove_prefix(copied);
    return copied;
  }

  template <typename MutableBuffers>
  size_t read_some(const MutableBuffers& buffers) {
    beast::error_code ec;
    const size_t copied = read_some(buffers, ec);
    if (ec) throw beast::system_error(ec);
    return copied;
  }

 private:
  std::string_view bytes_;
};

}  // namespace

void LimitParser(BeastRequestParser& parser, size_t header_limit, size_t body_limit) {
  parser.header_limit(static_cast<uint32_t>(header_limit));
  parser.body_limit(body_limit);
}

std::optional<Response> ReadErrorResponse(const beast::error_code& ec) {
  if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
      ec == asio::ssl::error::stream_truncated) {
    return std::nullopt;
  }
  if (ec == bhttp::error::header_limit) {
    return ErrorResponse(431, "header_too_large", "request header fields too large");
  }
  if (ec == bhttp::error::body_limit) return ErrorResponse(413, "body_too_large", "request body too large");
  if (ec.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category() ||
      ec == bhttp::make_error_code(bhttp::error::bad_target)) {
    return ErrorResponse(400, "bad_request", "malformed HTTP request: " + ec.message());
  }
  return std::nullopt;  // the peer went away
}

RequestRead ToRequest(const BeastRequest& in, std::string remote, bool tls) {
  Request out;
  out.body = in.body();
  out.remote = std::move(remote);
  out.tls = tls;
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  const auto raw_target = in.target();
  std::string_view target(raw_target.data(), raw_target.size());
  size_t question = target.find('?');
  const auto malformed = [] {
    return RequestRead{std::nullopt, ErrorResponse(400, "bad_request", "malformed request target")};
  };
  if (target.empty() || target.front() != '/') return malformed();
  if (!PercentDecode(target.substr(0, question), false, out.path)) return malformed();
  if (question != std::string_view::npos && !ParseQuery(target.substr(question + 1), out.query)) return malformed();
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[std::move(name)] = std::string(field.value());
  }
  return {std::move(out), std::nullopt};
}

RequestRead ParseRequest(std::string_view bytes, size_t header_limit, size_t body_limit) {
  BeastRequestParser parser;
  LimitParser(parser, header_limit, body_limit);
  BytesStream stream(bytes);
  beast::flat_buffer buffer;
  beast::error_code ec;
  bhttp::read(stream, buffer, parser, ec);
  if (ec) return {std::nullopt, ReadErrorResponse(ec)};
  return ToRequest(parser.get(), "");
}

}  // namespace ocindex::adapters::http
