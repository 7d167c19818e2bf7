// Country profiles end to end: import a narrative file into the store, and render
// stored profiles (narrative beside the edition's scores) to Markdown, HTML or PDF.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "adapters/catalog/catalog.h"
#include "adapters/render/profile_view.h"
#include "core/error.h"
#include "core/profile/narrative.h"

namespace ocindex::adapters {

struct ProfileImportOptions {
  std::string path;
  std::string iso3;     // resolved country
  std::string edition;  // a stored edition
  std::string format;   // "text", "markdown" or "" (by extension: .md/.markdown are Markdown)
  std::string author;   // recorded with the revision
  std::string note;
  bool dry_run = false;  // parse and report; store nothing
};

struct ProfileImportReport {
  core::Narrative narrative;
  int words_in = 0;   // whitespace-separated words of the file
  int words_out = 0;  // of the parsed narrative (headings, sections, unplaced, footer)
  int revision = 0;   // stored revision; 0 on a dry run
};

// Reads and parses the file against the edition's framework and stores it as a new
// revision in one transaction. Fails, storing nothing, on a file that is not text or
// that holds no section at all; other problems are in the report.
Result<ProfileImportReport> ImportProfile(Catalog& catalog, const ProfileImportOptions& options);

enum class ProfileFormat { kMarkdown, kHtml, kPdf };

std::optional<ProfileFormat> ParseProfileFormat(std::string_view name);
const char* ProfileFormatExtension(ProfileFormat format);

// The profile of one country: its scores in the edition and, if stored, its narrative.
Result<render::ProfileView> LoadProfileView(Catalog& catalog, const core::Edition& edition,
                                            const core::Edition* previous, const std::string& iso3);

// The current revision of every narrative stored for the edition, by ISO3 (empty when
// none). Reads the store; callers that render on several threads load them up front.
Result<std::map<std::string, StoredProfile>> LoadNarratives(Catalog& catalog, const std::string& edition);

// The document bytes of a view in a format.
Result<std::string> RenderProfile(const render::ProfileView& view, ProfileFormat format);

struct ProfileExportReport {
  int written = 0;
  int with_narrative = 0;  // the rest are scores-only
};

// Renders every country of the edition into `directory` as ISO3-EDITION.ext, on
// `threads` threads; `progress(done, total)` is called from the calling thread.
Result<ProfileExportReport> ExportAllProfiles(Catalog& catalog, const std::string& edition,
                                              ProfileFormat format, const std::string& directory, unsigned threads,
                                              const std::function<void(int, int)>& progress);

}  // namespace ocindex::adapters
