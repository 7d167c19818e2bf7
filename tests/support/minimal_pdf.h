// A small valid PDF written by hand (poppler only reads PDFs): pages of text lines in
// the standard Helvetica font, each line placed at a point, so tests can lay out
// columns, page numbers and running headers as real reports do.
#pragma once

#include <string>
#include <vector>

#include <fmt/format.h>

namespace ocindex::test {

struct PdfLine {
  int x = 72;   // points from the left edge of a US Letter page (612 x 792)
  int y = 700;  // points from the bottom edge
  std::string text;  // ASCII
};

inline std::string MinimalPdf(const std::vector<std::vector<PdfLine>>& pages) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string kids;
  for (size_t p = 0; p < pages.size(); ++p) {
    kids += fmt::format("{}{} 0 R", p == 0 ? "" : " ", 4 + 2 * p);
    std::string content;
    for (const PdfLine& line : pages[p]) {
      std::string escaped;
      for (char c : line.text) {
        if (c == '(' || c == ')' || c == '\\') escaped += '\\';
        escaped += c;
      }
      content += fmt::format("BT /F1 10 Tf {} {} Td ({}) Tj ET\n", line.x, line.y, escaped);
    }
    objects.push_back(fmt::format("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 "
                                  "0 R >> >> /Contents {} 0 R >>",
                                  5 + 2 * p));
    objects.push_back(fmt::format("<< /Length {} >>\nstream\n{}endstream", content.size(), content));
  }
  objects[1] = fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, pages.size());
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  const size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (size_t offset : offsets) pdf += fmt::format("{:010d} 00000 n \n", offset);
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1, xref);
  return pdf;
}

}  // namespace ocindex::test
