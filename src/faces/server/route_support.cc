#include "faces/server/route_support.h"

namespace ocindex::server {

app::PlaceFilter PlaceFilterOf(const Request& request) {
  return app::PlaceFilter{request.Param("continent"), request.Param("region")};
}

Response CountryErrorResponse(const app::Engine& engine, const Error& error, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (engine.geography().Find(name) == nullptr) return ErrorResponse(error, engine.geography().Suggest(name));
  }
  return ErrorResponse(error);
}

std::string ParamOr(const Request& request, const std::string& name, const std::string& fallback) {
  return request.HasParam(name) ? request.Param(name) : fallback;
}

}  // namespace ocindex::server
