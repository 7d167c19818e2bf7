// Test fixtures: scratch directories, files, and small xlsx workbooks written from
// cell grids. Tests build their own inputs here instead of reading shared data.
#pragma once

#include <stdlib.h>  // mkdtemp (POSIX)

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "adapters/io/spreadsheet_text.h"
#include "adapters/io/zip_writer.h"
#include "core/error.h"

namespace ocindex::test {

// A fresh directory under $OCINDEX_TEST_TMPDIR (set by ctest) or /tmp, removed
// with everything in it when the TempDir goes away.
class TempDir {
 public:
  TempDir() {
    const char* root = std::getenv("OCINDEX_TEST_TMPDIR");
    std::filesystem::path base = root != nullptr && *root != '\0' ? root : "/tmp";
    std::error_code ignored;
    std::filesystem::create_directories(base, ignored);
    std::string pattern = (base / "ocindex-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  // Empty if the directory could not be created.
  const std::string& path() const { return path_; }
  // A path inside the directory.
  std::string File(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

// Writes `bytes` to `path` exactly (binary), replacing any existing file.
inline Status WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return MakeError(ErrorCode::kIo, "cannot create the file", path);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return MakeError(ErrorCode::kIo, "cannot write the file", path);
  return {};
}

// ---- xlsx workbooks ----

struct XlsxSheet {
  std::string name;
  // rows[i][j] is the cell at row i + 1, column j; an empty string writes no cell,
  // so empty strings skip columns and an all-empty row is left out of the XML.
  std::vector<std::vector<std::string>> rows;
};

struct XlsxOptions {
  bool inline_strings = false;    // <c t="inlineStr"> instead of a shared strings part
  bool absolute_targets = false;  // "/xl/worksheets/sheetN.xml" in the workbook rels
};

// A workbook's parts as {path in the archive, bytes}; see SetPart to tamper.
using XlsxParts = std::vector<std::pair<std::string, std::string>>;

inline std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\r': out += "&#13;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// "A", ..., "Z", "AA", ... for a 0-based column (test-side, independent of the
// code under test).
inline std::string FixtureColumnName(size_t column) {
  std::string name;
  for (size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

// A <t> element, keeping leading or trailing spaces as Excel does.
inline std::string TextElement(std::string_view text) {
  const bool edge_space = !text.empty() && (text.front() == ' ' || text.back() == ' ' ||
                                            text.front() == '\n' || text.back() == '\n');
  return std::string(edge_space ? "<t xml:space=\"preserve\">" : "<t>") + XmlEscape(text) + "</t>";
}

// A whole worksheet part around `sheet_data` (the XML inside <sheetData>).
inline std::string WorksheetXml(std::string_view sheet_data) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<sheetData>" +
         std::string(sheet_data) + "</sheetData></worksheet>";
}

// A shared strings part around `items` (the <si> elements).
inline std::string SharedStringsXml(std::string_view items) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
         std::string(items) + "</sst>";
}

inline XlsxParts MakeXlsxParts(const std::vector<XlsxSheet>& sheets,
                               const XlsxOptions& options = {}) {
  std::vector<std::string> strings;
  std::map<std::string, size_t> string_index;
  std::vector<std::string> sheet_parts;
  for (const XlsxSheet& sheet : sheets) {
    std::string data;
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      std::string cells;
      const std::string row_number = std::to_string(r + 1);
      for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const std::string& text = sheet.rows[r][c];
        if (text.empty()) continue;
        const std::string ref = FixtureColumnName(c) + row_number;
        if (adapters::io::IsPlainNumber(text)) {  // written as a number, as Excel would
          cells += "<c r=\"" + ref + "\"><v>" + text + "</v></c>";
        } else if (options.inline_strings) {
          cells += "<c r=\"" + ref + "\" t=\"inlineStr\"><is>" + TextElement(text) + "</is></c>";
        } else {
          auto [it, added] = string_index.emplace(text, strings.size());
          if (added) strings.push_back(text);
          cells += "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(it->second) + "</v></c>";
        }
      }
      if (!cells.empty()) data += "<row r=\"" + row_number + "\">" + cells + "</row>";
    }
    sheet_parts.push_back(WorksheetXml(data));
  }

  const std::string header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  const std::string rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const std::string package_rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
  const bool with_strings = !strings.empty();

  std::string content_types =
      header +
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" "
      "ContentType=\"application/"
      "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
  std::string workbook = header +
                         "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                         "main\" xmlns:r=\"" +
                         rel_ns + "\"><sheets>";
  std::string workbook_rels = header + "<Relationships xmlns=\"" + package_rel_ns + "\">";
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    content_types += "<Override PartName=\"/xl/worksheets/sheet" + n +
                     ".xml\" ContentType=\"application/"
                     "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    workbook += "<sheet name=\"" + XmlEscape(sheets[i].name) + "\" sheetId=\"" + n +
                "\" r:id=\"rId" + n + "\"/>";
    workbook_rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rel_ns +
                     "/worksheet\" Target=\"" + (options.absolute_targets ? "/xl/" : "") +
                     "worksheets/sheet" + n + ".xml\"/>";
  }
  if (with_strings) {
    content_types +=
        "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
    workbook_rels += "<Relationship Id=\"rIdStrings\" Type=\"" + rel_ns +
                     "/sharedStrings\" Target=\"" + (options.absolute_targets ? "/xl/" : "") +
                     "sharedStrings.xml\"/>";
  }
  content_types += "</Types>";
  workbook += "</sheets></workbook>";
  workbook_rels += "</Relationships>";

  XlsxParts parts;
  parts.emplace_back("[Content_Types].xml", content_types);
  parts.emplace_back("_rels/.rels", header + "<Relationships xmlns=\"" + package_rel_ns +
                                        "\"><Relationship Id=\"rId1\" Type=\"" + rel_ns +
                                        "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                                        "</Relationships>");
  parts.emplace_back("xl/workbook.xml", workbook);
  parts.emplace_back("xl/_rels/workbook.xml.rels", workbook_rels);
  if (with_strings) {
    std::string items;
    for (const std::string& text : strings) items += "<si>" + TextElement(text) + "</si>";
    parts.emplace_back("xl/sharedStrings.xml", SharedStringsXml(items));
  }
  for (size_t i = 0; i < sheet_parts.size(); ++i) {
    parts.emplace_back("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml", sheet_parts[i]);
  }
  return parts;
}

// Replaces the part named `name` (adding it if absent).
inline void SetPart(XlsxParts& parts, const std::string& name, std::string bytes) {
  for (auto& [part, data] : parts) {
    if (part == name) {
      data = std::move(bytes);
      return;
    }
  }
  parts.emplace_back(name, std::move(bytes));
}

// Drops the part named `name`, if present.
inline void RemovePart(XlsxParts& parts, const std::string& name) {
  std::erase_if(parts, [&](const auto& part) { return part.first == name; });
}

inline Status WriteXlsxParts(const std::string& path, const XlsxParts& parts) {
  return adapters::io::WriteZip(path, parts);
}

// Writes a workbook holding `sheets`: numeric-looking cells as numbers, the rest as
// shared strings (or inline strings, per options).
inline Status WriteXlsx(const std::string& path, const std::vector<XlsxSheet>& sheets,
                        const XlsxOptions& options = {}) {
  return WriteXlsxParts(path, MakeXlsxParts(sheets, options));
}

}  // namespace ocindex::test
