// The text of a PDF document, page by page, through poppler (Debian's
// libpoppler-cpp): words in reading order, so columns are read one after the other
// and words hyphenated at a line end are rejoined; running page numbers and headers
// or footers repeated on most pages are left out. Untrusted input: the file's size
// and page count are bounded by the caller's limits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ocindex::adapters::io {

// Lines separated by '\n', blocks by a blank line; one string per page, in order.
struct PdfText {
  std::vector<std::string> pages;
};

// kInvalidInput for bytes poppler cannot open (with `where`), a locked (encrypted)
// document, or more than `max_pages` pages.
Result<PdfText> ReadPdfText(std::string_view bytes, const std::string& where, int max_pages);

}  // namespace ocindex::adapters::io
