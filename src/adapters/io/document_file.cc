#include "adapters/io/document_file.h"

#include <fmt/format.h>

#include <filesystem>

#include "adapters/io/html_text.h"
#include "adapters/io/pdf_text.h"
#include "adapters/io/text_file.h"

namespace ocindex::adapters::io {

const char* DocumentFormatName(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kText: return "text";
    case DocumentFormat::kMarkdown: return "Markdown";
    case DocumentFormat::kHtml: return "HTML";
    case DocumentFormat::kPdf: return "PDF";
  }
  return "text";
}

Result<DocumentText> ReadDocument(const std::string& path, const DocumentLimits& limits) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("{} bytes, more than the {} MB read at most", size, limits.max_bytes >> 20), path);
  }
  auto bytes = ReadTextFile(path);
  if (!bytes) return bytes.error();
  DocumentText document;
  const std::string extension = std::filesystem::path(path).extension().string();
  if (bytes->starts_with("%PDF-")) {
    document.format = DocumentFormat::kPdf;
    auto pdf = ReadPdfText(*bytes, path, limits.max_pages);
    if (!pdf) return pdf.error();
    for (std::string& page : pdf->pages) {
      document.page_starts.push_back(static_cast<uint32_t>(document.text.size()));
      document.text += page;
    }
  } else if (extension == ".html" || extension == ".htm" || LooksLikeHtml(*bytes)) {
    document.format = DocumentFormat::kHtml;
    document.text = HtmlText(*bytes);
  } else {
    document.format = extension == ".md" || extension == ".markdown" ? DocumentFormat::kMarkdown : DocumentFormat::kText;
    document.text = std::move(*bytes);
  }
  return document;
}

}  // namespace ocindex::adapters::io
