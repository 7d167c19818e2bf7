#include "adapters/catalog/flows.h"

#include <fmt/format.h>

#include <atomic>
#include <thread>

#include "adapters/bundled/bundled_data.h"
#include "adapters/io/framework_toml.h"
#include "adapters/io/gazetteer_csv.h"
#include "adapters/io/lexicon_toml.h"
#include "adapters/io/document_file.h"
#include "core/profile/whole_text.h"

namespace ocindex::adapters {
namespace {

Result<core::Framework> EditionFramework(Catalog& catalog, const std::string& edition) {
  auto toml = catalog.store().LoadFrameworkToml(edition);
  if (!toml) return toml.error();
  return io::ParseFramework(*toml, "stored framework of edition " + edition);
}

}  // namespace

Result<core::Lexicon> BundledLexicon() {
  core::Lexicon lexicon;
  for (const BundledFile& file : BundledFiles()) {
    if (!file.path.starts_with("lexicon/")) continue;
    OCINDEX_RETURN_IF_ERROR(io::ParseLexicon(file.content, "bundled " + std::string(file.path), lexicon));
  }
  return lexicon;
}

Result<core::Gazetteer> BundledGazetteer() {
  core::Gazetteer gazetteer;
  // Regions first: sub-regions refer to them.
  OCINDEX_RETURN_IF_ERROR(io::ParseRegionsCsv(BundledContent("geography/regions.csv"), "bundled geography/regions.csv", gazetteer));
  OCINDEX_RETURN_IF_ERROR(
      io::ParseDemonymsCsv(BundledContent("geography/demonyms.csv"), "bundled geography/demonyms.csv", gazetteer));
  OCINDEX_RETURN_IF_ERROR(
      io::ParseCitiesCsv(BundledContent("geography/cities.csv"), "bundled geography/cities.csv", gazetteer));
  OCINDEX_RETURN_IF_ERROR(
      io::ParseSubregionsCsv(BundledContent("geography/subregions.csv"), "bundled geography/subregions.csv", gazetteer));
  OCINDEX_RETURN_IF_ERROR(
      io::ParseCentroidsCsv(BundledContent("geography/centroids.csv"), "bundled geography/centroids.csv", gazetteer));
  return gazetteer;
}

Result<core::FlowExtractor> BundledFlowExtractor(const core::Geography& geography) {
  auto lexicon = BundledLexicon();
  if (!lexicon) return lexicon.error();
  auto gazetteer = BundledGazetteer();
  if (!gazetteer) return gazetteer.error();
  return core::FlowExtractor::Build(*lexicon, geography, std::move(*gazetteer));
}

Result<NarrativeSource> ReadNarrativeFile(Catalog& catalog, const core::FlowExtractor& extractor,
                                          const std::string& path, const std::string& country,
                                          const std::string& edition) {
  NarrativeSource source;
  source.edition = edition;
  if (source.edition.empty()) {
    auto latest = catalog.LatestEdition();
    if (!latest) return latest.error();
    source.edition = *latest;
  }
  OCINDEX_ASSIGN_OR_RETURN(source.framework, EditionFramework(catalog, source.edition));
  auto document = io::ReadDocument(path);
  if (!document) return document.error();
  const bool markdown = document->format == io::DocumentFormat::kMarkdown;
  auto narrative = core::ParseNarrative(document->text, source.framework,
                                        markdown ? core::NarrativeFormat::kMarkdown : core::NarrativeFormat::kText);
  if (!narrative) {
    Error error = narrative.error();
    error.where = path + (error.where.empty() ? "" : ", " + error.where);
    return error;
  }
  // A profile when its headings name a criminality section; any other text is read whole.
  bool profile = false;
  for (const core::NarrativeSection& section : narrative->sections) {
    profile = profile || (section.node_id != core::kSummarySection && extractor.ReadsSection(source.framework, section.node_id));
  }
  source.source = fmt::format("{} ({}", path, io::DocumentFormatName(document->format));
  if (!document->page_starts.empty()) source.source += fmt::format(", {} pages", document->page_starts.size());
  if (profile) {
    source.narrative = std::move(*narrative);
    source.source += ", profile sections";
  } else {
    source.narrative = core::WholeTextNarrative(document->text, document->page_starts, markdown);
    source.source += ", read whole: no heading names a criminality section";
    if (source.narrative.sections.empty()) return MakeError(ErrorCode::kInvalidInput, "the file holds no text", path);
  }
  source.country = country;
  if (source.country.empty()) {
    auto scanner = extractor.NewScanner();
    if (!scanner) return scanner.error();
    auto guess = extractor.GuessSubject(source.narrative, *scanner);
    if (!guess) return guess.error();
    if (guess->country.empty()) {
      return MakeError(ErrorCode::kInvalidInput, "the text names no country; pass --country", path);
    }
    source.country = guess->country;
    source.source += "; country inferred: " + guess->reason;
  }
  source.source += ")";
  return source;
}

NarrativeSource StoredNarrativeSource(const StoredProfile& profile, const std::string& edition,
                                      const core::Framework& framework) {
  core::Narrative narrative;
  narrative.sections = profile.sections;
  narrative.unplaced = profile.unplaced;
  narrative.footer = profile.footer;
  return {profile.info.iso3, edition, fmt::format("stored revision {}", profile.info.revision), std::move(narrative),
          framework};
}

Result<std::vector<NarrativeSource>> StoredNarratives(Catalog& catalog, const std::string& country,
                                                      const std::string& edition) {
  std::vector<std::string> editions;
  if (!edition.empty()) {
    editions.push_back(edition);
  } else {
    auto infos = catalog.Editions();
    if (!infos) return infos.error();
    for (const EditionInfo& info : *infos) editions.push_back(info.edition);
  }
  std::vector<NarrativeSource> sources;
  for (const std::string& id : editions) {
    auto framework = EditionFramework(catalog, id);
    if (!framework) return framework.error();
    auto profiles = catalog.store().ListProfiles(id);
    if (!profiles) return profiles.error();
    for (const ProfileRevisionInfo& info : *profiles) {
      if (!country.empty() && info.iso3 != country) continue;
      auto profile = catalog.store().LoadProfile(info.iso3, id);
      if (!profile) return profile.error();
      sources.push_back(StoredNarrativeSource(*profile, id, *framework));
    }
  }
  if (sources.empty()) {
    return MakeError(ErrorCode::kNotFound,
                     fmt::format("no stored narrative{}{}; import one with 'ocindex profile import'",
                                 country.empty() ? "" : " of " + country, edition.empty() ? "" : " in " + edition));
  }
  return sources;
}

Result<std::vector<core::NarrativeStatements>> ExtractAll(const core::FlowExtractor& extractor,
                                                          const std::vector<NarrativeSource>& sources,
                                                          unsigned threads, std::chrono::milliseconds budget) {
  std::vector<Result<core::NarrativeStatements>> results(sources.size(), MakeError(ErrorCode::kInternal, "not run"));
  std::atomic<size_t> next{0};
  auto work = [&] {
    auto scanner = extractor.NewScanner();
    for (size_t i = next++; i < sources.size(); i = next++) {
      if (!scanner) {
        results[i] = scanner.error();
        continue;
      }
      const auto deadline = std::chrono::steady_clock::now() + budget;
      core::ExtractLimits limits;
      limits.out_of_time = [deadline] { return std::chrono::steady_clock::now() > deadline; };
      results[i] = extractor.Extract(sources[i].narrative, sources[i].framework, sources[i].country, *scanner, limits);
    }
  };
  std::vector<std::thread> pool;
  const unsigned count = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(sources.size())));
  for (unsigned t = 1; t < count; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  std::vector<core::NarrativeStatements> out;
  for (size_t i = 0; i < results.size(); ++i) {
    if (!results[i]) {
      Error error = results[i].error();
      error.where = sources[i].source + (error.where.empty() ? "" : ", " + error.where);
      return error;
    }
    out.push_back(std::move(*results[i]));
  }
  return out;
}

}  // namespace ocindex::adapters
