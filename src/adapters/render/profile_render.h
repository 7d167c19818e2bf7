// Country profiles as documents: Markdown, standalone HTML (inline CSS and SVG, with
// a print stylesheet that matches the PDF) and PDF (cairo + pango: A4, embedded fonts,
// vector charts, selectable text, page numbers). Each renders a ProfileView and
// nothing else, so the three agree. Thread-safe: independent calls may run in parallel.
#pragma once

#include <string>
#include <vector>

#include "adapters/render/profile_view.h"
#include "core/error.h"

namespace ocindex::adapters::render {

std::string RenderProfileMarkdown(const ProfileView& view);
std::string RenderProfileHtml(const ProfileView& view);
// The PDF file's bytes. kInternal if cairo fails.
Result<std::string> RenderProfilePdf(const ProfileView& view);

// The ranks as a table, header row first: one row per scope (World, Continent,
// Region); per pillar its rank, and with a previous edition that edition's rank and
// the move ("+3": three places towards rank 1). Shared so every format says the same.
std::vector<std::vector<std::string>> RankTable(const ProfileView& view);

// The note under the ranks table.
std::string RankNote(const ProfileView& view);

// "Asia · Central Asia and the Caucasus · Global Organized Crime Index 2021"
std::string ProfileSubtitle(const ProfileView& view);

}  // namespace ocindex::adapters::render
