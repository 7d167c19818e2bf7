// Country profiles as documents: Markdown, standalone HTML (inline CSS and SVG, with
// a print stylesheet that matches the PDF) and PDF (cairo + pango: A4, embedded fonts,
// vector charts, selectable text, page numbers). Each renders a ProfileView and
// nothing else, so the three agree. Thread-safe: independent calls may run in parallel.
#pragma once

#include <string>

#include "adapters/render/profile_view.h"
#include "core/error.h"

namespace ocindex::adapters::render {

std::string RenderProfileMarkdown(const ProfileView& view);
std::string RenderProfileHtml(const ProfileView& view);
// The PDF file's bytes. kInternal if cairo fails.
Result<std::string> RenderProfilePdf(const ProfileView& view);

// A ranks cell: "32/193", followed by the previous edition's rank and the move
// ("was 30/193, -2") when there is one. Shared so every format words it the same.
std::string RankCell(const ProfileRanks& ranks, size_t scope, const std::string& previous_edition);

// "Asia · Central Asia and the Caucasus · Global Organized Crime Index 2021"
std::string ProfileSubtitle(const ProfileView& view);

}  // namespace ocindex::adapters::render
