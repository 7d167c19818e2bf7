#include "adapters/catalog/profiles.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "adapters/io/text_file.h"
#include "adapters/render/profile_render.h"
#include "core/scoring/ranked_edition.h"
#include "core/scoring/scorecard.h"

namespace ocindex::adapters {
namespace {

bool HasWordCharacter(std::string_view token) {
  for (char c : token) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        (static_cast<unsigned char>(c) & 0x80) != 0) {
      return true;
    }
  }
  return false;
}

// Words are whitespace-separated tokens holding a letter or digit, so Markdown's '#'
// marks and stand-alone dashes count neither in nor out.
int CountWords(std::string_view text) {
  int words = 0;
  size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; };
  while (i < text.size()) {
    while (i < text.size() && space(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !space(text[i])) ++i;
    if (i > start && HasWordCharacter(text.substr(start, i - start))) ++words;
  }
  return words;
}

std::string DisplayName(const Catalog& catalog, const core::CountryEntry& country) {
  const core::Country* known = catalog.geography().Find(country.iso3);
  return known != nullptr ? known->name : country.name;
}

// An edition scored and ranked once, for any number of its countries' profiles.
struct RankedEditionOf {
  explicit RankedEditionOf(const core::Edition& edition, core::Scorecard scored)
      : card(std::move(scored)), ranked(edition, card) {}
  RankedEditionOf(const RankedEditionOf&) = delete;
  RankedEditionOf& operator=(const RankedEditionOf&) = delete;

  core::Scorecard card;
  core::RankedEdition ranked;  // points at `card`
};

// The edition ranked, and the one before it when there is one (else a null second).
Result<std::pair<std::unique_ptr<RankedEditionOf>, std::unique_ptr<RankedEditionOf>>> RankEditions(
    const core::Edition& edition, const core::Edition* previous) {
  std::pair<std::unique_ptr<RankedEditionOf>, std::unique_ptr<RankedEditionOf>> out;
  auto card = core::Scorecard::Compute(edition.framework, edition.dataset);
  if (!card) return card.error();
  out.first = std::make_unique<RankedEditionOf>(edition, std::move(*card));
  if (previous != nullptr) {
    auto before = core::Scorecard::Compute(previous->framework, previous->dataset);
    if (!before) return before.error();
    out.second = std::make_unique<RankedEditionOf>(*previous, std::move(*before));
  }
  return out;
}

}  // namespace

Result<ProfileImportReport> ImportProfile(Catalog& catalog, const ProfileImportOptions& options) {
  auto source = io::ReadTextFile(options.path);
  if (!source) return source.error();
  core::NarrativeFormat format = core::NarrativeFormat::kText;
  if (options.format == "markdown" ||
      (options.format.empty() && (options.path.ends_with(".md") || options.path.ends_with(".markdown")))) {
    format = core::NarrativeFormat::kMarkdown;
  } else if (!options.format.empty() && options.format != "text") {
    return MakeError(ErrorCode::kInvalidInput, "unknown narrative format '" + options.format +
                                                   "'; expected text or markdown");
  }
  auto edition = catalog.Load(options.edition);
  if (!edition) return edition.error();
  auto narrative = core::ParseNarrative(*source, edition->framework, format);
  if (!narrative) {
    Error error = narrative.error();
    error.where = options.path + (error.where.empty() ? "" : ", " + error.where);
    return error;
  }
  if (narrative->sections.empty()) {
    return MakeError(ErrorCode::kInvalidInput,
                     "no section heading found; expected headings naming the framework's groups, such as " +
                         std::string(format == core::NarrativeFormat::kMarkdown ? "'# People'" : "'PEOPLE'") +
                         " or 'Criminal justice and security'",
                     options.path);
  }
  ProfileImportReport report;
  report.words_in = CountWords(*source);
  for (const std::string& word : core::NarrativeWords(*narrative)) report.words_out += HasWordCharacter(word) ? 1 : 0;
  report.narrative = std::move(*narrative);
  if (options.dry_run) return report;

  ProfileToStore profile;
  profile.iso3 = options.iso3;
  profile.edition = options.edition;
  profile.sections = report.narrative.sections;
  profile.unplaced = report.narrative.unplaced;
  profile.footer = report.narrative.footer;
  profile.source = options.path;
  profile.author = options.author;
  profile.note = options.note;
  auto revision = catalog.store().SaveProfile(profile);
  if (!revision) return revision.error();
  report.revision = *revision;
  return report;
}

std::optional<ProfileFormat> ParseProfileFormat(std::string_view name) {
  if (name == "md" || name == "markdown") return ProfileFormat::kMarkdown;
  if (name == "html") return ProfileFormat::kHtml;
  if (name == "pdf") return ProfileFormat::kPdf;
  return std::nullopt;
}

const char* ProfileFormatExtension(ProfileFormat format) {
  switch (format) {
    case ProfileFormat::kMarkdown: return "md";
    case ProfileFormat::kHtml: return "html";
    case ProfileFormat::kPdf: return "pdf";
  }
  return "txt";
}

Result<render::ProfileView> LoadProfileView(Catalog& catalog, const core::Edition& edition,
                                            const core::Edition* previous, const std::string& iso3) {
  auto country = edition.dataset.FindCountry(iso3);
  if (!country) {
    return MakeError(ErrorCode::kNotFound, iso3 + " is not assessed in edition " + edition.framework.edition);
  }
  auto stored = catalog.store().LoadProfile(iso3, edition.framework.edition);
  if (!stored && stored.error().code != ErrorCode::kNotFound) return stored.error();
  auto ranked = RankEditions(edition, previous);
  if (!ranked) return ranked.error();
  return render::BuildProfileView(ranked->first->ranked, ranked->second ? &ranked->second->ranked : nullptr, iso3,
                                  DisplayName(catalog, edition.dataset.countries[static_cast<size_t>(*country)]),
                                  stored ? &*stored : nullptr);
}

Result<std::map<std::string, StoredProfile>> LoadNarratives(Catalog& catalog, const std::string& edition) {
  auto listed = catalog.store().ListProfiles(edition);
  if (!listed) return listed.error();
  std::map<std::string, StoredProfile> narratives;
  for (const ProfileRevisionInfo& info : *listed) {
    auto stored = catalog.store().LoadProfile(info.iso3, edition);
    if (!stored) return stored.error();
    narratives.emplace(info.iso3, std::move(*stored));
  }
  return narratives;
}

Result<std::string> RenderProfile(const render::ProfileView& view, ProfileFormat format) {
  switch (format) {
    case ProfileFormat::kMarkdown: return render::RenderProfileMarkdown(view);
    case ProfileFormat::kHtml: return render::RenderProfileHtml(view);
    case ProfileFormat::kPdf: return render::RenderProfilePdf(view);
  }
  return MakeError(ErrorCode::kInternal, "unknown profile format");
}

Result<ProfileExportReport> ExportAllProfiles(Catalog& catalog, const std::string& edition_id,
                                              ProfileFormat format, const std::string& directory, unsigned threads,
                                              const std::function<void(int, int)>& progress) {
  auto edition = catalog.Load(edition_id);
  if (!edition) return edition.error();
  auto previous = catalog.LoadPrevious(*edition);
  if (!previous) return previous.error();
  auto ranked = RankEditions(*edition, *previous ? &**previous : nullptr);
  if (!ranked) return ranked.error();
  const core::RankedEdition* before = ranked->second ? &ranked->second->ranked : nullptr;
  // The store is read here, on one thread; workers only render and write files.
  auto loaded = LoadNarratives(catalog, edition_id);
  if (!loaded) return loaded.error();
  const std::map<std::string, StoredProfile>& narratives = *loaded;
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) return MakeError(ErrorCode::kIo, "cannot create the directory: " + ec.message(), directory);

  const std::vector<core::CountryEntry>& countries = edition->dataset.countries;
  const int total = static_cast<int>(countries.size());
  std::atomic<int> next{0};
  std::atomic<int> done{0};
  std::atomic<bool> failed{false};
  std::mutex failure_mutex;
  std::optional<Error> failure;  // the first error; guarded by failure_mutex
  auto work = [&] {
    for (int c = next++; c < total; c = next++) {
      const core::CountryEntry& country = countries[static_cast<size_t>(c)];
      auto found = narratives.find(country.iso3);
      Status status = [&]() -> Status {
        auto view = render::BuildProfileView(ranked->first->ranked, before, country.iso3, DisplayName(catalog, country),
                                             found == narratives.end() ? nullptr : &found->second);
        if (!view) return view.error();
        auto bytes = RenderProfile(*view, format);
        if (!bytes) return bytes.error();
        const std::string file = (std::filesystem::path(directory) /
                                  (country.iso3 + "-" + edition_id + "." + ProfileFormatExtension(format)))
                                     .string();
        return io::WriteFileAtomically(file, *bytes);
      }();
      if (!status) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = status.error();
        failed = true;
        next = total;  // stop handing out work
      }
      ++done;
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < std::max(1u, threads); ++t) workers.emplace_back(work);
  while (done < total && !failed) {
    progress(done, total);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (std::thread& worker : workers) worker.join();
  if (failure) return *failure;
  progress(total, total);
  return ProfileExportReport{total, static_cast<int>(narratives.size())};
}

}  // namespace ocindex::adapters
