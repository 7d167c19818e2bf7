#include "adapters/io/csv_reader.h"

#include "adapters/io/text_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>
#include <utility>
#include <vector>

namespace ocindex::adapters::io {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Length of the valid UTF-8 sequence starting at text[pos], or 0 if the bytes there
// are not well-formed UTF-8 (RFC 3629: no overlongs, surrogates or code points
// above U+10FFFF).
size_t Utf8SequenceLength(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  size_t length = 0;
  unsigned char low = 0x80;  // allowed range of the second byte
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

class CsvRecords::Parser {
 public:
  Parser(std::string_view text, std::string source) : text_(text) { shape_.source = std::move(source); }

  Result<bool> Next(TableRow& row) {
    if (!started_) {
      started_ = true;
      if (text_.starts_with("\xFF\xFE") || text_.starts_with("\xFE\xFF")) {
        const char* mark = text_[0] == '\xFF' ? "FF FE" : "FE FF";
        return MakeError(ErrorCode::kInvalidInput,
                         fmt::format("the file is UTF-16 (it starts with the byte order mark {}), "
                                     "but it must be UTF-8: save it again as \"CSV UTF-8\"",
                                     mark),
                         shape_.Where(1));
      }
      if (text_.starts_with(kUtf8Bom)) pos_ = line_start_ = kUtf8Bom.size();
    }
    while (pos_ < text_.size() && SkipBlankLine()) {
    }
    if (pos_ >= text_.size()) {
      if (records_ == 0) {
        return MakeError(ErrorCode::kInvalidInput, "the file is empty: expected a header row", shape_.source);
      }
      return false;
    }
    row.number = line_;
    row.cells.clear();
    OCINDEX_RETURN_IF_ERROR(ParseRecord(row.cells));
    ++records_;
    return true;
  }

  const Table& shape() const { return shape_; }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  bool AtLineEnd() const { return !AtEnd() && (text_[pos_] == '\n' || text_[pos_] == '\r'); }

  // Consumes one line end (CRLF, LF, or a lone CR as old Mac exports write it).
  void ConsumeLineEnd() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }

  // A line holding nothing but spaces or tabs carries no record.
  bool SkipBlankLine() {
    size_t end = pos_;
    while (end < text_.size() && (text_[end] == ' ' || text_[end] == '\t')) ++end;
    if (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') return false;
    pos_ = end;
    if (!AtEnd()) ConsumeLineEnd();
    return true;
  }

  Status ParseRecord(std::vector<std::string>& cells) {
    while (true) {
      const int column = static_cast<int>(cells.size());
      std::string cell;
      Status status =
          !AtEnd() && text_[pos_] == '"' ? ParseQuoted(column, cell) : ParseUnquoted(column, cell);
      if (!status) return status;
      cells.push_back(std::move(cell));
      if (!AtEnd() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (AtLineEnd()) ConsumeLineEnd();
      return {};
    }
  }

  Status ParseUnquoted(int column, std::string& cell) {
    while (!AtEnd() && text_[pos_] != ',' && !AtLineEnd()) {
      if (text_[pos_] == '"') {
        return MakeError(
            ErrorCode::kInvalidInput,
            fmt::format("stray double quote at byte {} of the line inside an unquoted field; "
                        "expected the whole field in quotes with each inner quote doubled, "
                        "like \"say \"\"hi\"\"\"",
                        ByteColumn()),
            shape_.Where(line_, column));
      }
      if (Status status = ConsumeChar(column, cell); !status) return status;
    }
    return {};
  }

  Status ParseQuoted(int column, std::string& cell) {
    const uint32_t open_line = line_;
    const size_t open_byte = ByteColumn();
    ++pos_;  // opening quote
    while (true) {
      if (AtEnd()) {
        return MakeError(
            ErrorCode::kInvalidInput,
            fmt::format("unterminated quoted field: the quote opened at byte {} of this line is "
                        "never closed; expected a closing \" before the end of the file",
                        open_byte),
            shape_.Where(open_line, column));
      }
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          cell.push_back('"');
          pos_ += 2;
          continue;
        }
        ++pos_;  // closing quote
        break;
      }
      if (c == '\n' || c == '\r') {
        // Line breaks inside a cell become "\n" whatever the file's line ends, as
        // in an xlsx cell, so the same sheet reads the same from either format.
        cell.push_back('\n');
        ConsumeLineEnd();
        continue;
      }
      if (Status status = ConsumeChar(column, cell); !status) return status;
    }
    if (!AtEnd() && text_[pos_] != ',' && !AtLineEnd()) {
      return MakeError(
          ErrorCode::kInvalidInput,
          fmt::format("unexpected text at byte {} of the line, after the closing quote "
                      "of a quoted field; expected a comma or the end of the line "
                      "(inside quotes, write a quote as \"\")",
                      ByteColumn()),
          shape_.Where(line_, column));
    }
    return {};
  }

  // Appends one character (1 to 4 bytes) to `cell`, refusing NUL and bad UTF-8.
  Status ConsumeChar(int column, std::string& cell) {
    const unsigned char byte = static_cast<unsigned char>(text_[pos_]);
    if (byte == 0) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("NUL byte at byte {} of the line: this is a binary file (or "
                                   "UTF-16 text), not a UTF-8 CSV file",
                                   ByteColumn()),
                       shape_.Where(line_, column));
    }
    const size_t length = Utf8SequenceLength(text_, pos_);
    if (length == 0) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("invalid UTF-8 (byte 0x{:02X} at byte {} of the line): the file "
                                   "must be UTF-8; it looks like Latin-1 or Windows-1252, so save "
                                   "it again as \"CSV UTF-8\"",
                                   byte, ByteColumn()),
                       shape_.Where(line_, column));
    }
    cell.append(text_.substr(pos_, length));
    pos_ += length;
    return {};
  }

  // 1-based byte offset of pos_ within its physical line.
  size_t ByteColumn() const { return pos_ - line_start_ + 1; }

  std::string_view text_;
  Table shape_;  // the source, for messages; no rows
  size_t pos_ = 0;
  size_t line_start_ = 0;
  uint32_t line_ = 1;
  size_t records_ = 0;
  bool started_ = false;
};

CsvRecords::CsvRecords(std::string_view text, std::string source)
    : parser_(std::make_unique<Parser>(text, std::move(source))) {}
CsvRecords::~CsvRecords() = default;

Result<bool> CsvRecords::Next(TableRow& row) { return parser_->Next(row); }
const Table& CsvRecords::shape() const { return parser_->shape(); }

Result<Table> ParseCsv(std::string_view text, std::string source) {
  CsvRecords records(text, std::move(source));
  Table table = records.shape();
  for (TableRow row;;) {
    bool more = false;
    OCINDEX_ASSIGN_OR_RETURN(more, records.Next(row));
    if (!more) return table;
    table.rows.push_back(std::move(row));
  }
}

Result<Table> ReadCsvFile(const std::string& path) {
  auto text = ReadTextFile(path);
  if (!text) return text.error();
  return ParseCsv(*text, path);
}

}  // namespace ocindex::adapters::io
