#include "adapters/io/xlsx_reader.h"

#include <fmt/format.h>
#include <unzip.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <utility>

#include "adapters/io/text_file.h"

namespace ocindex::adapters::io {
namespace {

// A workbook part above this is refused before inflating: a few KiB of deflate can
// claim gigabytes (zip bomb), and the GOCI sheets are well under 1 MiB.
constexpr uint64_t kMaxEntryBytes = uint64_t{256} << 20;
constexpr int kMaxColumns = 16384;      // XFD, Excel's last column
constexpr uint32_t kMaxRows = 1048576;  // Excel's last row

// The part of an XML name after its namespace prefix: generators differ in the
// prefixes they use ("x:row" and "row" are the same element), and pugixml does not
// resolve namespaces.
std::string_view LocalName(std::string_view name) {
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local_name) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child.name()) == local_name) return child;
  }
  return {};
}

template <typename Visit>
void ForEachChild(pugi::xml_node node, std::string_view local_name, Visit visit) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child.name()) == local_name) visit(child);
  }
}

// An attribute by exact name, or nullptr if absent.
const char* Attribute(pugi::xml_node node, const char* name) {
  pugi::xml_attribute attribute = node.attribute(name);
  return attribute ? attribute.value() : nullptr;
}

// The r:id of a <sheet>, whatever prefix the relationships namespace got.
const char* RelationshipId(pugi::xml_node sheet) {
  for (pugi::xml_attribute attribute : sheet.attributes()) {
    std::string_view name = attribute.name();
    if (name.find(':') != std::string_view::npos && LocalName(name) == "id") {
      return attribute.value();
    }
  }
  return nullptr;
}

bool EndsWith(std::string_view text, std::string_view suffix) { return text.ends_with(suffix); }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::string& out, uint32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Undoes the "_xHHHH_" escapes of OOXML strings (ST_Xstring), with which Excel
// stores characters XML cannot carry, such as "_x000D_" for a carriage return;
// a literal "_x0041_" typed by a user is stored as "_x005F_x0041_".
std::string DecodeXstring(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      uint32_t code_point = 0;
      bool hex = true;
      for (size_t k = i + 2; k < i + 6 && hex; ++k) {
        const int digit = HexDigit(text[k]);
        hex = digit >= 0;
        code_point = code_point * 16 + static_cast<uint32_t>(digit);
      }
      // A lone UTF-16 surrogate cannot become UTF-8; leave such text as it is.
      if (hex && (code_point < 0xD800 || code_point > 0xDFFF)) {
        AppendUtf8(out, code_point);
        i += 6;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// The character data of an element (all its text and CDATA children).
std::string TextOf(pugi::xml_node node) {
  std::string text;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      text += child.value();
    }
  }
  return text;
}

// The text of a shared string <si> or an inline string <is>: either one <t>, or
// rich-text runs <r><t> concatenated. Phonetic hints (<rPh>) are not cell text.
std::string StringItemText(pugi::xml_node item) {
  std::string text;
  for (pugi::xml_node child : item.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = LocalName(child.name());
    if (name == "t") {
      text += TextOf(child);
    } else if (name == "r") {
      ForEachChild(child, "t", [&](pugi::xml_node t) { text += TextOf(t); });
    }
  }
  return DecodeXstring(text);
}

// Resolves a relationship target against the folder of the part that owns it:
// "worksheets/sheet2.xml" from xl/ and "/xl/worksheets/sheet2.xml" are the same.
std::string ResolveTarget(std::string_view base_folder, std::string_view target) {
  std::string joined = target.starts_with('/') ? std::string(target.substr(1))
                                               : std::string(base_folder) + std::string(target);
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    const std::string segment = joined.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string resolved;
  for (const std::string& segment : segments) {
    if (!resolved.empty()) resolved += '/';
    resolved += segment;
  }
  return resolved;
}

std::string FolderOf(std::string_view part) {
  const size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels".
std::string RelsPathOf(std::string_view part) {
  const size_t slash = part.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return FolderOf(part) + "_rels/" + std::string(name) + ".rels";
}

struct Relationship {
  std::string type;
  std::string target;  // resolved to a path inside the archive
};

// Parses "A1"-style references: 0-based column, and the row (0 if absent).
struct CellRef {
  int column = 0;
  uint32_t row = 0;
};

std::optional<CellRef> ParseCellRef(std::string_view text) {
  CellRef ref;
  size_t i = 0;
  int column = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
  }
  if (i == 0) return std::nullopt;
  ref.column = column - 1;
  uint32_t row = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    row = row * 10 + static_cast<uint32_t>(text[i] - '0');
    if (row > kMaxRows) return std::nullopt;
  }
  ref.row = row;
  return ref;
}

std::optional<uint32_t> ParseIndex(std::string_view text, uint32_t max) {
  if (text.empty()) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
    if (value > max) return std::nullopt;
  }
  return static_cast<uint32_t>(value);
}

// The workbook's bytes as the file minizip reads, through its I/O callbacks: one
// archive reader serves files (read whole first) and bytes in memory alike.
struct MemoryFile {
  std::string bytes;
  uint64_t position = 0;  // never past the end
};

voidpf OpenMemory(voidpf opaque, const void*, int) { return opaque; }

uLong ReadMemory(voidpf, voidpf stream, void* buffer, uLong size) {
  auto& file = *static_cast<MemoryFile*>(stream);
  const uint64_t count = std::min<uint64_t>(size, file.bytes.size() - file.position);
  if (count > 0) std::memcpy(buffer, file.bytes.data() + file.position, count);
  file.position += count;
  return static_cast<uLong>(count);
}

uLong WriteMemory(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T TellMemory(voidpf, voidpf stream) { return static_cast<MemoryFile*>(stream)->position; }

long SeekMemory(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto& file = *static_cast<MemoryFile*>(stream);
  const uint64_t size = file.bytes.size();
  const uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET   ? 0
                        : origin == ZLIB_FILEFUNC_SEEK_CUR ? file.position
                                                           : size;
  if (offset > size - base) return -1;
  file.position = base + offset;
  return 0;
}

int CloseMemory(voidpf, voidpf) { return 0; }

int ErrorMemory(voidpf, voidpf) { return 0; }

struct UnzipCloser {
  void operator()(void* file) const { unzClose(file); }
};
using UnzipHandle = std::unique_ptr<void, UnzipCloser>;

class Workbook {
 public:
  struct Sheet {
    std::string name;
    std::string relationship_id;
  };

  // `source` names the workbook in messages and becomes Table::source.
  static Result<std::unique_ptr<Workbook>> Open(std::string bytes, std::string source);

  const std::vector<Sheet>& sheets() const { return sheets_; }

  // The sheet's index by exact name, else by case-insensitive name (Excel treats
  // "Data" and "data" as the same sheet).
  std::optional<size_t> FindSheet(std::string_view name) const;

  // A not-found error naming the sheets there are.
  Error SheetNotFound(std::string_view name) const;

  // Whether the sheet is a worksheet (not a chart, dialog or macro sheet).
  bool IsWorksheet(size_t index) const;

  Result<Table> ReadSheet(size_t index);

 private:
  Workbook(std::string bytes, std::string source) : file_{std::move(bytes)}, path_(std::move(source)) {}

  // The bytes of an archive entry, or nullopt if the archive has no such entry.
  Result<std::optional<std::string>> ReadEntry(const std::string& name);
  // Reads and parses an XML part; `where` locates parse errors.
  Status ReadXml(const std::string& part, const std::string& where, pugi::xml_document& document,
                 bool& found);
  Result<std::map<std::string, Relationship>> ReadRelationships(const std::string& part);
  Status LoadSharedStrings();
  Result<std::string> CellText(pugi::xml_node cell, const Table& table, uint32_t row, int column);

  MemoryFile file_;  // read by zip_
  std::string path_;
  UnzipHandle zip_;
  std::string workbook_part_;
  std::vector<Sheet> sheets_;
  std::map<std::string, Relationship> relationships_;       // of the workbook part, by id
  std::optional<std::vector<std::string>> shared_strings_;  // loaded on first use
};

Error NotAWorkbook(const std::string& path, std::string detail) {
  return MakeError(ErrorCode::kInvalidInput, "not an xlsx workbook (" + std::move(detail) + ")",
                   path);
}

Result<std::unique_ptr<Workbook>> Workbook::Open(std::string bytes, std::string source) {
  std::unique_ptr<Workbook> workbook(new Workbook(std::move(bytes), std::move(source)));
  const std::string& path = workbook->path_;
  zlib_filefunc64_def memory{OpenMemory, ReadMemory,  WriteMemory, TellMemory,
                             SeekMemory, CloseMemory, ErrorMemory, &workbook->file_};
  workbook->zip_.reset(unzOpen2_64(path.c_str(), &memory));
  if (!workbook->zip_) {
    // D0 CF 11 E0 starts an OLE compound file: a legacy .xls, or an xlsx that Excel
    // encrypted with a password.
    if (workbook->file_.bytes.starts_with("\xD0\xCF\x11\xE0")) {
      return NotAWorkbook(path,
                          "not a zip archive; it looks like a legacy .xls file or a "
                          "password-protected workbook: save it as .xlsx without a password");
    }
    return NotAWorkbook(path, "not a zip archive");
  }

  // The package relationships name the workbook part; xl/workbook.xml is the
  // conventional place when they are missing.
  workbook->workbook_part_ = "xl/workbook.xml";
  Result<std::map<std::string, Relationship>> package_rels = workbook->ReadRelationships("");
  if (!package_rels.ok()) return package_rels.error();
  for (const auto& [id, relationship] : *package_rels) {
    if (EndsWith(relationship.type, "/officeDocument")) {
      workbook->workbook_part_ = relationship.target;
    }
  }

  pugi::xml_document document;
  bool found = false;
  if (Status status = workbook->ReadXml(workbook->workbook_part_, path, document, found); !status) {
    return status.error();
  }
  if (!found) {
    return NotAWorkbook(
        path, "the archive has no " + workbook->workbook_part_ + "; expected an Excel .xlsx file");
  }
  pugi::xml_node root = document.document_element();
  if (LocalName(root.name()) != "workbook") {
    return NotAWorkbook(path, workbook->workbook_part_ + " has no <workbook> element");
  }
  ForEachChild(Child(root, "sheets"), "sheet", [&](pugi::xml_node sheet) {
    const char* name = Attribute(sheet, "name");
    const char* id = RelationshipId(sheet);
    workbook->sheets_.push_back(Sheet{name ? name : "", id ? id : ""});
  });

  Result<std::map<std::string, Relationship>> rels =
      workbook->ReadRelationships(workbook->workbook_part_);
  if (!rels.ok()) return rels.error();
  workbook->relationships_ = std::move(*rels);
  return workbook;
}

Result<std::optional<std::string>> Workbook::ReadEntry(const std::string& name) {
  unzFile zip = zip_.get();
  // Case-insensitive (2), as OPC part names are.
  if (unzLocateFile(zip, name.c_str(), 2) != UNZ_OK) return std::optional<std::string>();
  // `what` holds "{}" where the entry name goes.
  const auto damaged = [&](fmt::format_string<const std::string&> what) {
    return MakeError(ErrorCode::kInvalidInput, "damaged xlsx workbook: " + fmt::format(what, name),
                     path_);
  };
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
    return damaged("cannot read the zip header of {}");
  }
  const auto too_large = [&] {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("{} inflates to more than {} MiB; refusing to read it (a damaged "
                                 "or malicious file?)",
                                 name, kMaxEntryBytes >> 20),
                     path_);
  };
  if (info.uncompressed_size > kMaxEntryBytes) return too_large();
  if (unzOpenCurrentFile(zip) != UNZ_OK) {
    return damaged("cannot decompress {} (unsupported compression or encryption)");
  }
  std::string data;
  data.reserve(static_cast<size_t>(info.uncompressed_size));
  char buffer[1 << 16];
  int count = 0;
  // The limit also holds for the bytes actually inflated, not just the declared size.
  while ((count = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) {
    if (data.size() + static_cast<size_t>(count) > kMaxEntryBytes) {
      unzCloseCurrentFile(zip);
      return too_large();
    }
    data.append(buffer, static_cast<size_t>(count));
  }
  const int close_status = unzCloseCurrentFile(zip);
  if (count < 0) return damaged("cannot decompress {}");
  if (close_status == UNZ_CRCERROR) return damaged("checksum mismatch in {}");
  return std::optional<std::string>(std::move(data));
}

Status Workbook::ReadXml(const std::string& part, const std::string& where,
                         pugi::xml_document& document, bool& found) {
  Result<std::optional<std::string>> entry = ReadEntry(part);
  if (!entry.ok()) return entry.error();
  found = entry->has_value();
  if (!found) return {};
  const std::string& bytes = **entry;
  // parse_ws_pcdata_single keeps a cell whose whole text is whitespace
  // (<t xml:space="preserve"> </t>); pugixml drops it by default.
  const pugi::xml_parse_result parsed = document.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!parsed) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("malformed XML in {}: {} at byte offset {}", part,
                                 parsed.description(), parsed.offset),
                     where);
  }
  return {};
}

Result<std::map<std::string, Relationship>> Workbook::ReadRelationships(const std::string& part) {
  const std::string rels_part = part.empty() ? "_rels/.rels" : RelsPathOf(part);
  std::map<std::string, Relationship> relationships;
  pugi::xml_document document;
  bool found = false;
  if (Status status = ReadXml(rels_part, path_, document, found); !status) return status.error();
  if (!found) return relationships;
  const std::string folder = FolderOf(part);
  ForEachChild(document.document_element(), "Relationship", [&](pugi::xml_node node) {
    const char* id = Attribute(node, "Id");
    const char* target = Attribute(node, "Target");
    const char* mode = Attribute(node, "TargetMode");
    if (id == nullptr || target == nullptr) return;
    if (mode != nullptr && std::string_view(mode) == "External") return;
    const char* type = Attribute(node, "Type");
    relationships[id] = Relationship{type ? type : "", ResolveTarget(folder, target)};
  });
  return relationships;
}

std::optional<size_t> Workbook::FindSheet(std::string_view name) const {
  for (size_t i = 0; i < sheets_.size(); ++i) {
    if (sheets_[i].name == name) return i;
  }
  const auto lower = [](std::string_view text) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  };
  for (size_t i = 0; i < sheets_.size(); ++i) {
    if (lower(sheets_[i].name) == lower(name)) return i;
  }
  return std::nullopt;
}

Error Workbook::SheetNotFound(std::string_view name) const {
  std::string available;
  for (const Sheet& sheet : sheets_) {
    if (!available.empty()) available += ", ";
    available += "\"" + sheet.name + "\"";
  }
  return MakeError(ErrorCode::kNotFound,
                   fmt::format("no sheet named \"{}\" in the workbook; available sheets: {}", name,
                               available.empty() ? "none" : available),
                   path_);
}

bool Workbook::IsWorksheet(size_t index) const {
  auto it = relationships_.find(sheets_[index].relationship_id);
  // An untyped relationship is given the benefit of the doubt.
  return it == relationships_.end() || it->second.type.empty() ||
         EndsWith(it->second.type, "/worksheet");
}

Status Workbook::LoadSharedStrings() {
  if (shared_strings_) return {};
  shared_strings_.emplace();
  std::string part;
  for (const auto& [id, relationship] : relationships_) {
    if (EndsWith(relationship.type, "/sharedStrings")) part = relationship.target;
  }
  if (part.empty()) part = FolderOf(workbook_part_) + "sharedStrings.xml";
  pugi::xml_document document;
  bool found = false;
  if (Status status = ReadXml(part, path_, document, found); !status) return status;
  // A workbook with only numbers needs no shared strings part.
  if (!found) return {};
  ForEachChild(document.document_element(), "si",
               [&](pugi::xml_node item) { shared_strings_->push_back(StringItemText(item)); });
  return {};
}

Result<std::string> Workbook::CellText(pugi::xml_node cell, const Table& table, uint32_t row,
                                       int column) {
  const char* type_attribute = Attribute(cell, "t");
  const std::string_view type = type_attribute ? type_attribute : "n";
  if (type == "inlineStr") return StringItemText(Child(cell, "is"));
  const std::string value = TextOf(Child(cell, "v"));
  if (type == "s") {
    if (value.empty()) return std::string();
    if (Status status = LoadSharedStrings(); !status) return status.error();
    const std::optional<uint32_t> index = ParseIndex(value, UINT32_MAX);
    if (!index || *index >= shared_strings_->size()) {
      const size_t count = shared_strings_->size();
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("shared string index \"{}\" is out of range; {}", value,
                                   count == 0 ? std::string("the workbook has no shared strings")
                                              : fmt::format("expected 0 to {} (the workbook has {} "
                                                            "shared strings)",
                                                            count - 1, count)),
                       table.Where(row, column));
    }
    return (*shared_strings_)[*index];
  }
  // Spelled as Excel shows them and as a CSV export writes them.
  if (type == "b") {
    if (value == "1") return std::string("TRUE");
    if (value == "0") return std::string("FALSE");
  }
  if (type == "str") return DecodeXstring(value);
  return value;  // "n", "e" (#DIV/0! ...), "d" (ISO date): the stored text as is
}

Result<Table> Workbook::ReadSheet(size_t index) {
  const Sheet& sheet = sheets_[index];
  Table table;
  table.source = path_;
  table.sheet = sheet.name;
  const std::string where = path_ + ", sheet " + sheet.name;
  auto relationship = relationships_.find(sheet.relationship_id);
  if (relationship == relationships_.end()) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("{} refers to relationship \"{}\", which {} does not define",
                                 workbook_part_, sheet.relationship_id, RelsPathOf(workbook_part_)),
                     where);
  }
  if (!IsWorksheet(index)) {
    return MakeError(ErrorCode::kInvalidInput,
                     "this is a chart or dialog sheet, not a worksheet: it holds no cells", where);
  }
  const std::string& part = relationship->second.target;
  pugi::xml_document document;
  bool found = false;
  if (Status status = ReadXml(part, where, document, found); !status) return status.error();
  if (!found) {
    return MakeError(ErrorCode::kInvalidInput,
                     "damaged xlsx workbook: the sheet's part " + part + " is missing", where);
  }

  uint32_t next_row = 1;
  const pugi::xml_node sheet_data = Child(document.document_element(), "sheetData");
  for (pugi::xml_node row_node : sheet_data.children()) {
    if (row_node.type() != pugi::node_element || LocalName(row_node.name()) != "row") continue;
    TableRow row;
    row.number = next_row;
    if (const char* r = Attribute(row_node, "r")) {
      const std::optional<uint32_t> number = ParseIndex(r, kMaxRows);
      if (!number || *number == 0) {
        return MakeError(ErrorCode::kInvalidInput,
                         fmt::format("invalid row number \"{}\"; expected 1 to {}", r, kMaxRows),
                         where);
      }
      row.number = *number;
    }
    next_row = row.number + 1;

    int next_column = 0;
    for (pugi::xml_node cell : row_node.children()) {
      if (cell.type() != pugi::node_element || LocalName(cell.name()) != "c") continue;
      int column = next_column;
      if (const char* r = Attribute(cell, "r")) {
        const std::optional<CellRef> ref = ParseCellRef(r);
        if (!ref) {
          return MakeError(ErrorCode::kInvalidInput,
                           fmt::format("invalid cell reference \"{}\"; expected column letters "
                                       "(A to XFD) and a row number, like B7",
                                       r),
                           table.Where(row.number));
        }
        column = ref->column;
      }
      if (column >= kMaxColumns) {
        return MakeError(ErrorCode::kInvalidInput, "too many cells in the row; Excel stops at XFD",
                         table.Where(row.number));
      }
      next_column = column + 1;
      Result<std::string> text = CellText(cell, table, row.number, column);
      if (!text.ok()) return text.error();
      if (text->empty()) continue;
      if (row.cells.size() <= static_cast<size_t>(column)) row.cells.resize(column + 1);
      row.cells[column] = std::move(*text);
    }
    if (!row.cells.empty()) table.rows.push_back(std::move(row));
  }
  return table;
}

// The workbook in the file at `path`, read whole (it is bounded like every input file).
Result<std::unique_ptr<Workbook>> OpenFile(const std::string& path) {
  Result<std::string> bytes = ReadTextFile(path);
  if (!bytes.ok()) return bytes.error();
  return Workbook::Open(std::move(*bytes), path);
}

Result<std::vector<Table>> AllSheets(Workbook& workbook) {
  std::vector<Table> tables;
  for (size_t i = 0; i < workbook.sheets().size(); ++i) {
    if (!workbook.IsWorksheet(i)) continue;
    Result<Table> table = workbook.ReadSheet(i);
    if (!table.ok()) return table.error();
    tables.push_back(std::move(*table));
  }
  return tables;
}

}  // namespace

Result<std::vector<std::string>> ListSheets(const std::string& path) {
  Result<std::unique_ptr<Workbook>> workbook = OpenFile(path);
  if (!workbook.ok()) return workbook.error();
  std::vector<std::string> names;
  for (const Workbook::Sheet& sheet : (*workbook)->sheets()) names.push_back(sheet.name);
  return names;
}

Result<Table> ReadSheet(const std::string& path, std::string_view sheet) {
  Result<std::unique_ptr<Workbook>> workbook = OpenFile(path);
  if (!workbook.ok()) return workbook.error();
  const std::optional<size_t> index = (*workbook)->FindSheet(sheet);
  if (!index) return (*workbook)->SheetNotFound(sheet);
  return (*workbook)->ReadSheet(*index);
}

Result<std::vector<Table>> ReadAllSheets(const std::string& path) {
  Result<std::unique_ptr<Workbook>> workbook = OpenFile(path);
  if (!workbook.ok()) return workbook.error();
  return AllSheets(**workbook);
}

Result<std::vector<Table>> ParseAllSheets(std::string bytes, std::string source) {
  Result<std::unique_ptr<Workbook>> workbook = Workbook::Open(std::move(bytes), std::move(source));
  if (!workbook.ok()) return workbook.error();
  return AllSheets(**workbook);
}

}  // namespace ocindex::adapters::io
