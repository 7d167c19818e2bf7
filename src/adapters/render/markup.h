// Escaping for the text formats profiles are rendered to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ocindex::adapters::render {

// &, <, >, " and ' as entities: safe in XML/HTML text and attribute values.
std::string EscapeXml(std::string_view text);

// Markdown text with the characters that would start markup (\ ` * _ [ ] < > # |)
// backslash-escaped, so narrative text prints as written.
std::string EscapeMarkdown(std::string_view text);

// The paragraphs of re-flowed narrative text (separated by "\n\n"), empty ones skipped.
std::vector<std::string_view> Paragraphs(std::string_view text);

}  // namespace ocindex::adapters::render
