// A document file read as text for narrative extraction: plain text and Markdown as
// they are, HTML with its text extracted (html_text.h), PDF through poppler
// (pdf_text.h). The format is told by the content (a PDF's "%PDF-" header, an HTML
// doctype or tag) or else by the extension (.md, .markdown, .html, .htm).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace ocindex::adapters::io {

enum class DocumentFormat { kText, kMarkdown, kHtml, kPdf };

const char* DocumentFormatName(DocumentFormat format);

// Bounds on untrusted input: bytes read, and pages of a PDF.
struct DocumentLimits {
  size_t max_bytes = size_t{64} << 20;
  int max_pages = 2000;
};

struct DocumentText {
  DocumentFormat format = DocumentFormat::kText;
  std::string text;  // UTF-8 lines; a blank line separates blocks
  // Paged documents (PDF): the byte offset in `text` where each page begins (page 1
  // at index 0); empty otherwise.
  std::vector<uint32_t> page_starts;
};

// kIo when the file cannot be read; kInvalidInput for a file over the limits or a
// PDF poppler cannot read, with the path (and page) in the error.
Result<DocumentText> ReadDocument(const std::string& path, const DocumentLimits& limits = {});

}  // namespace ocindex::adapters::io
