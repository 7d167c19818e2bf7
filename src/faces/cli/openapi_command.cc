// openapi: the API's OpenAPI document on stdout, without a database or a server, so
// the explorer's build can generate its TypeScript types from it (web/CMakeLists.txt).
#include <iostream>

#include "faces/cli/commands.h"
#include "faces/server/route_table.h"

namespace ocindex::cli {

void RegisterOpenApiCommand(CLI::App& app, Context& context) {
  auto* openapi = app.add_subcommand("openapi", "Print the HTTP API's OpenAPI 3.0 document (what `serve` answers at "
                                                "/api/v1/openapi.json)");
  openapi->callback([&context] {
    auto document = server::OpenApiDocument();
    if (!document) return context.Fail(document.error());
    std::cout << *document << '\n';
  });
}

}  // namespace ocindex::cli
