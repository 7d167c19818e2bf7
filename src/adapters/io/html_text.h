// The readable text of an HTML page: tags removed, the contents of script, style,
// head, template and noscript elements and comments left out, character references
// decoded, and block elements (p, div, li, headings, table cells, br...) ending a
// paragraph. Not a full HTML parser: enough for articles and reports as served, in
// one linear pass.
#pragma once

#include <string>
#include <string_view>

namespace ocindex::adapters::io {

// Paragraphs separated by a blank line; runs of white space inside one become a space.
std::string HtmlText(std::string_view html);

// Whether `bytes` look like HTML: a doctype or an <html>, <head> or <body> tag near
// the start.
bool LooksLikeHtml(std::string_view bytes);

}  // namespace ocindex::adapters::io
