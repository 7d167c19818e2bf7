// flows extract|graph: illicit flows, roles, markets, actors and trends read from
// profile narratives, and the flow graph across narratives.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "adapters/catalog/flows.h"
#include "adapters/io/csv_reader.h"
#include "adapters/render/flows_render.h"
#include "app/flows_query.h"
#include "core/model/lookup.h"
#include "faces/cli/commands.h"

namespace ocindex::cli {
namespace {

struct ExtractArgs {
  std::string source;  // a file, or a country with stored narratives
  std::string country;
  std::string edition;
  std::string kind;
};

struct GraphArgs {
  std::vector<std::string> files;
  std::vector<std::string> countries;  // one per file, in order
  std::string manifest;
  std::string edition;
  std::string market;
  double min_confidence = 0;
  bool nodes = false;
  std::string format;  // table|csv|json|geojson; empty: the global --format
};

unsigned Threads() { return std::max(1u, std::thread::hardware_concurrency()); }

Result<std::string> OptionalCountry(const adapters::Catalog& catalog, const std::string& query) {
  if (query.empty()) return std::string();
  return core::ResolveCountry(catalog.geography(), query);
}

void Extract(Context& context, const ExtractArgs& args) {
  const app::ExtractQuery query{args.kind};
  if (Status valid = query.Validate(); !valid) return context.Fail(valid.error());
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto extractor = adapters::BundledFlowExtractor(catalog->geography());
  if (!extractor) return context.Fail(extractor.error());
  const std::optional<core::StatementKind> kind = query.Kind();

  std::vector<adapters::NarrativeSource> sources;
  if (std::filesystem::is_regular_file(args.source)) {
    auto country = OptionalCountry(*catalog, args.country);
    if (!country) return context.Fail(country.error());
    auto source = adapters::ReadNarrativeFile(*catalog, *extractor, args.source, *country, args.edition);
    if (!source) return context.Fail(source.error());
    sources.push_back(std::move(*source));
  } else {
    if (!args.country.empty()) {
      return context.Fail(MakeError(ErrorCode::kInvalidInput, "--country is for files; '" + args.source +
                                                                  "' is not a file"));
    }
    auto stored = app::StoredCountryNarratives(*catalog, args.source, args.edition);
    if (!stored) return context.Fail(stored.error());
    sources = std::move(*stored);
  }
  auto statements = adapters::ExtractAll(*extractor, sources, Threads());
  if (!statements) return context.Fail(statements.error());
  for (size_t i = 0; i < sources.size(); ++i) {
    std::cerr << fmt::format("{} {}: {}\n", sources[i].country, sources[i].edition, sources[i].source);
    for (const std::string& note : (*statements)[i].notes) std::cerr << "  note: " << note << '\n';
  }
  if (context.format() == adapters::render::Format::kJson) {
    const adapters::render::PlaceNamer names{extractor->geography(), extractor->gazetteer()};
    auto out = nlohmann::ordered_json::array();
    for (size_t i = 0; i < sources.size(); ++i) {
      out.push_back(adapters::render::StatementJson((*statements)[i], sources[i].narrative, names, kind));
    }
    std::cout << (out.size() == 1 ? out[0] : out).dump(2) << '\n';
    return;
  }
  context.Print(adapters::render::StatementGrid(*statements, kind));
}

// Narrative files with their countries: --country per file, a manifest, or inferred.
Result<std::vector<adapters::NarrativeSource>> FileSources(adapters::Catalog& catalog,
                                                           const core::FlowExtractor& extractor,
                                                           const GraphArgs& args) {
  std::vector<std::pair<std::string, std::string>> files;  // path, country query
  if (!args.countries.empty() && args.countries.size() != args.files.size()) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("{} files but {} --country options; give one per file",
                                                           args.files.size(), args.countries.size()));
  }
  for (size_t i = 0; i < args.files.size(); ++i) {
    files.emplace_back(args.files[i], args.countries.empty() ? std::string() : args.countries[i]);
  }
  if (!args.manifest.empty()) {
    auto table = adapters::io::ReadCsvFile(args.manifest);
    if (!table) return table.error();
    if (table->rows.empty() || table->rows[0].cells.size() < 2 || table->rows[0].cells[0] != "file" ||
        table->rows[0].cells[1] != "country") {
      return MakeError(ErrorCode::kInvalidInput, "expected the header file,country", table->Where(1));
    }
    const std::filesystem::path base = std::filesystem::path(args.manifest).parent_path();
    for (size_t r = 1; r < table->rows.size(); ++r) {
      const auto& cells = table->rows[r].cells;
      if (cells.size() < 2 || cells[0].empty()) {
        return MakeError(ErrorCode::kInvalidInput, "expected file,country", table->Where(table->rows[r].number));
      }
      const std::filesystem::path file = cells[0];
      files.emplace_back(file.is_absolute() ? file.string() : (base / file).string(), cells[1]);
    }
  }
  std::vector<adapters::NarrativeSource> sources;
  for (const auto& [path, query] : files) {
    auto country = OptionalCountry(catalog, query);
    if (!country) return country.error();
    auto source = adapters::ReadNarrativeFile(catalog, extractor, path, *country, args.edition);
    if (!source) return source.error();
    sources.push_back(std::move(*source));
  }
  return sources;
}

void Graph(Context& context, const GraphArgs& args) {
  const app::FlowGraphQuery query{.market = args.market, .min_confidence = args.min_confidence};
  if (Status valid = query.Validate(); !valid) return context.Fail(valid.error());
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto extractor = adapters::BundledFlowExtractor(catalog->geography());
  if (!extractor) return context.Fail(extractor.error());
  auto sources = args.files.empty() && args.manifest.empty()
                     ? adapters::StoredNarratives(*catalog, "", args.edition)
                     : FileSources(*catalog, *extractor, args);
  if (!sources) return context.Fail(sources.error());
  auto statements = adapters::ExtractAll(*extractor, *sources, Threads());
  if (!statements) return context.Fail(statements.error());
  const core::FlowGraph graph = core::BuildFlowGraph(*statements, query.Options());
  std::cerr << fmt::format("{} narratives, {} edges, {} nodes\n", sources->size(), graph.edges.size(),
                           graph.metrics.size());
  const adapters::render::PlaceNamer names{extractor->geography(), extractor->gazetteer()};
  const std::string format = args.format.empty() ? context.format_name : args.format;
  if (format == "geojson") {
    int skipped = 0;
    std::cout << adapters::render::GraphGeoJsonLines(graph, names, &skipped);
    if (skipped > 0) std::cerr << fmt::format("{} edges left out: a place has no known point\n", skipped);
  } else if (format == "json") {
    std::cout << adapters::render::GraphJson(graph, names).dump(2) << '\n';
  } else {
    Context shown = context;
    shown.format_name = format;
    shown.Print(args.nodes ? adapters::render::NodeGrid(graph, names) : adapters::render::EdgeGrid(graph, names));
  }
}

}  // namespace

void RegisterFlowsCommands(CLI::App& app, Context& context) {
  auto* flows = app.add_subcommand(
      "flows", "Illicit flows, roles, markets, actors and trends read from profile narratives (docs/FLOWS.md)");
  flows->require_subcommand(1);

  auto extract_args = std::make_shared<ExtractArgs>();
  auto* extract = flows->add_subcommand(
      "extract", "Statements of one narrative, each with its evidence (section, sentence, offsets) and confidence");
  extract->add_option("source", extract_args->source,
                      "A narrative file (plain text or Markdown), or a country whose stored narratives to read")
      ->required();
  extract->add_option("--country,-c", extract_args->country,
                      "The file's country (default: the country the narrative names most)");
  extract->add_option("--edition,-e", extract_args->edition,
                      "Edition whose framework names the sections and markets (default: the newest; for a "
                      "country: every edition with a stored narrative)");
  extract->add_option("--kind,-k", extract_args->kind, "Only statements of this kind")
      ->check(CLI::IsMember({"flow", "role", "market", "actor", "trend"}));
  extract->callback([&context, extract_args] { Extract(context, *extract_args); });

  auto graph_args = std::make_shared<GraphArgs>();
  auto* graph = flows->add_subcommand(
      "graph", "The flow graph of many narratives: edges by market with evidence, or (--nodes) degree and "
               "betweenness per place");
  graph->add_option("files", graph_args->files,
                    "Narrative files (default: every stored narrative)");
  graph->add_option("--country,-c", graph_args->countries,
                    "Country of each file, in order (default: the country each names most)");
  graph->add_option("--manifest", graph_args->manifest, "CSV of narrative files: file,country (paths relative to it)");
  graph->add_option("--edition,-e", graph_args->edition, "Edition (default: the newest for files, all when stored)");
  graph->add_option("--market,-m", graph_args->market, "Only this market (indicator id, e.g. heroin_trade)");
  graph->add_option("--min-confidence", graph_args->min_confidence, "Leave out flows below this confidence (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  graph->add_flag("--nodes", graph_args->nodes, "Node metrics instead of edges (table/csv)");
  // Its own --format adds geojson and shadows the global one.
  graph->add_option("--format", graph_args->format, "table, csv, json or geojson (GeoJSON lines)")
      ->check(CLI::IsMember({"table", "csv", "json", "geojson"}));
  graph->callback([&context, graph_args] { Graph(context, *graph_args); });
}

}  // namespace ocindex::cli
