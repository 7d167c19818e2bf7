#include "adapters/http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace ocindex::adapters::http {

namespace fs = std::filesystem;

StaticFiles::StaticFiles(std::string root) {
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  if (!ec) root_ = canonical.string();
}

bool StaticFiles::available() const {
  std::error_code ec;
  return !root_.empty() && fs::is_regular_file(fs::path(root_) / "index.html", ec);
}

std::string ContentTypeFor(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".ico", "image/x-icon"}, {".woff2", "font/woff2"}, {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"}, {".csv", "text/csv; charset=utf-8"}};
  const std::string extension = fs::path(path).extension().string();
  for (const auto& [ext, type] : kTypes) {
    if (extension == ext) return type;
  }
  return "application/octet-stream";
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
  if (root_.empty() || request.path.find('\0') != std::string::npos) return std::nullopt;
  std::string relative = request.path == "/" ? "index.html" : request.path.substr(1);
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  // Resolve fully (symlinks, "..") and insist the result stays inside the root.
  std::error_code ec;
  fs::path file = fs::weakly_canonical(fs::path(root_) / relative, ec);
  if (ec) return std::nullopt;
  const std::string resolved = file.string();
  if (resolved.compare(0, root_.size(), root_) != 0 || resolved.size() <= root_.size() ||
      resolved[root_.size()] != '/') {
    return std::nullopt;
  }
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  Response response;
  response.content_type = ContentTypeFor(resolved);
  response.SetBody(std::move(bytes).str());
  const std::string etag = StrongEtag(*response.body);
  response.headers.emplace_back("ETag", etag);
  response.headers.emplace_back("Cache-Control", "no-cache");
  if (EtagMatches(request.Header("if-none-match"), etag)) {
    response.status = 304;
  }
  return response;
}

}  // namespace ocindex::adapters::http
