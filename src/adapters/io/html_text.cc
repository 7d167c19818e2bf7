#include "adapters/io/html_text.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

namespace ocindex::adapters::io {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Elements whose content is not text a reader sees.
constexpr std::array<std::string_view, 7> kHidden = {"script", "style", "head", "template", "noscript", "svg",
                                                     "iframe"};
// Elements that start or end a paragraph.
constexpr std::array<std::string_view, 30> kBlocks = {
    "p",     "div",  "br",      "li",     "ul",     "ol",         "h1",      "h2",     "h3",    "h4",
    "h5",    "h6",   "tr",      "td",     "th",     "table",      "section", "article", "header", "footer",
    "aside", "nav",  "blockquote", "pre", "figure", "figcaption", "dd",      "dt",     "hr",    "title"};

template <size_t N>
bool OneOf(const std::string& name, const std::array<std::string_view, N>& names) {
  for (std::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

void AppendUtf8(std::string& out, uint32_t code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

struct Entity {
  std::string_view name;
  uint32_t code;
};
// The named references prose uses; others are kept as written.
constexpr std::array<Entity, 22> kEntities = {{{"amp", '&'},       {"lt", '<'},         {"gt", '>'},
                                               {"quot", '"'},      {"apos", '\''},      {"nbsp", ' '},
                                               {"ndash", 0x2013},  {"mdash", 0x2014},   {"lsquo", 0x2018},
                                               {"rsquo", 0x2019},  {"ldquo", 0x201C},   {"rdquo", 0x201D},
                                               {"hellip", 0x2026}, {"shy", 0xAD},       {"eacute", 0xE9},
                                               {"egrave", 0xE8},   {"aacute", 0xE1},    {"oacute", 0xF3},
                                               {"iacute", 0xED},   {"uacute", 0xFA},    {"ntilde", 0xF1},
                                               {"ccedil", 0xE7}}};

// Decodes the reference at html[at] ('&'); returns the bytes consumed, 0 if none.
size_t DecodeReference(std::string_view html, size_t at, std::string& out) {
  const size_t semicolon = html.find(';', at);
  if (semicolon == std::string_view::npos || semicolon - at > 10) return 0;
  const std::string_view body = html.substr(at + 1, semicolon - at - 1);
  if (body.size() > 1 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    uint32_t code = 0;
    for (size_t i = hex ? 2 : 1; i < body.size(); ++i) {
      const int digit = std::isdigit(static_cast<unsigned char>(body[i])) != 0 ? body[i] - '0'
                        : hex && std::isxdigit(static_cast<unsigned char>(body[i])) != 0
                            ? std::tolower(static_cast<unsigned char>(body[i])) - 'a' + 10
                            : -1;
      if (digit < 0 || code > 0x10FFFF) return 0;
      code = code * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
    }
    AppendUtf8(out, code == 0xA0 ? ' ' : code);
    return semicolon - at + 1;
  }
  for (const Entity& entity : kEntities) {
    if (body == entity.name) {
      if (entity.code != 0xAD) AppendUtf8(out, entity.code);  // a soft hyphen is invisible
      return semicolon - at + 1;
    }
  }
  return 0;
}

class Extractor {
 public:
  explicit Extractor(std::string_view html) : html_(html) {}

  std::string Run() {
    size_t i = 0;
    while (i < html_.size()) {
      const char c = html_[i];
      if (c == '<') {
        i = Tag(i);
      } else if (c == '&') {
        const size_t used = hidden_.empty() ? DecodeReference(html_, i, text_) : 0;
        if (used == 0 && hidden_.empty()) Char(c);
        if (used != 0) space_ = false;
        i += used == 0 ? 1 : used;
      } else {
        if (hidden_.empty()) Char(c);
        ++i;
      }
    }
    Break();
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return out_;
  }

 private:
  void Char(char c) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!text_.empty() && !space_) text_ += ' ';
      space_ = true;
      return;
    }
    text_ += c;
    space_ = false;
  }

  // Ends the paragraph being collected.
  void Break() {
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    if (text_.empty()) return;
    out_ += text_;
    out_ += "\n\n";
    text_.clear();
    space_ = true;
  }

  // Reads the tag (or comment, doctype) at html_[at]; returns the index after it.
  size_t Tag(size_t at) {
    if (html_.compare(at, 4, "<!--") == 0) {
      const size_t end = html_.find("-->", at + 4);
      return end == std::string_view::npos ? html_.size() : end + 3;
    }
    const size_t end = html_.find('>', at);
    if (end == std::string_view::npos) return html_.size();
    size_t name_begin = at + 1;
    const bool closing = name_begin < end && html_[name_begin] == '/';
    if (closing) ++name_begin;
    size_t name_end = name_begin;
    while (name_end < end && std::isalnum(static_cast<unsigned char>(html_[name_end])) != 0) ++name_end;
    if (name_end == name_begin) {  // "<" in text, or "<!doctype>"
      if (html_[at + 1] != '!' && html_[at + 1] != '?') {
        if (hidden_.empty()) Char('<');
        return at + 1;
      }
      return end + 1;
    }
    const std::string name = Lower(html_.substr(name_begin, name_end - name_begin));
    const bool self_closing = html_[end - 1] == '/';
    if (OneOf(name, kHidden)) {
      if (closing) {
        if (!hidden_.empty() && hidden_.back() == name) hidden_.pop_back();
      } else if (!self_closing) {
        hidden_.push_back(name);
        // Script and style hold no tags: skip straight to their end tag.
        if (name == "script" || name == "style") return FindEndTag(end + 1, name);
      }
      return end + 1;
    }
    if (name == "body") hidden_.clear();  // a head left open ends here
    if (hidden_.empty() && OneOf(name, kBlocks)) Break();
    return end + 1;
  }

  // The index of "</name" (any case) at or after `from`, or the end of the input.
  size_t FindEndTag(size_t from, const std::string& name) const {
    for (size_t i = html_.find("</", from); i != std::string_view::npos; i = html_.find("</", i + 2)) {
      if (Lower(html_.substr(i + 2, name.size())) == name) return i;
    }
    return html_.size();
  }

  std::string_view html_;
  std::string out_;
  std::string text_;
  bool space_ = true;
  std::vector<std::string> hidden_;  // open hidden elements
};

}  // namespace

std::string HtmlText(std::string_view html) { return Extractor(html).Run(); }

bool LooksLikeHtml(std::string_view bytes) {
  const std::string start = Lower(bytes.substr(0, 1024));
  for (std::string_view mark : {"<!doctype html", "<html", "<head", "<body"}) {
    if (start.find(mark) != std::string::npos) return true;
  }
  return false;
}

}  // namespace ocindex::adapters::io
