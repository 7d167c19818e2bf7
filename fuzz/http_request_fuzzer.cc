// HTTP requests as the server reads them (adapters/http/request_reader.h), with its
// default limits, and the request accessors the routes call.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/http/request_reader.h"
#include "adapters/http/server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace http = ocindex::adapters::http;
  static const http::ServerOptions defaults;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const http::RequestRead read = http::ParseRequest(bytes, defaults.header_limit, defaults.body_limit);
  if (!read.request) return 0;
  const http::Request& request = *read.request;
  (void)request.Cookie("ocindex_session");
  (void)request.Param("edition");
  (void)http::EtagMatches(request.Header("if-none-match"), http::StrongEtag(request.body));
  return 0;
}
