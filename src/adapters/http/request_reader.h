// How bytes become a Request: Boost.Beast's parser bounded by the server's limits, the
// response a failed read gets, and the conversion to plain values. The server reads
// from a socket through these; ParseRequest reads from memory (tests, the fuzzer), so
// both take the same path.
#pragma once

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/http/message.h"

namespace ocindex::adapters::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastRequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// A larger header then fails the read with header_limit, a larger body with body_limit.
void LimitParser(BeastRequestParser& parser, size_t header_limit, size_t body_limit);

// What one read gives: a request for the handler, or the error response to send before
// closing, or neither (the peer closed the connection or went silent: just close).
struct RequestRead {
  std::optional<Request> request;
  std::optional<Response> error;
};

// The answer to a failed read (`ec` set): 431 for a header over its limit, 413 for a
// body over its limit, 400 for malformed HTTP; nothing for a closed or silent peer
// (a TLS peer that closed without close_notify included).
std::optional<Response> ReadErrorResponse(const boost::beast::error_code& ec);

// A parsed Beast request as a Request (`tls`: it came over TLS); a 400 when its target
// is not an absolute path with valid percent escapes.
RequestRead ToRequest(const BeastRequest& in, std::string remote, bool tls = false);

// The first request in `bytes`, read by Beast's own read loop as from a socket that
// closes after them: bytes that end inside a request are malformed HTTP (400), and
// bytes after the first request are left unread. Request::remote is empty.
RequestRead ParseRequest(std::string_view bytes, size_t header_limit, size_t body_limit);

}  // namespace ocindex::adapters::http
