// Text cells of exported files (CSV and xlsx) made safe to open in a spreadsheet.
// Excel, LibreOffice and Google Sheets read a cell beginning with '=', '+', '-' or '@'
// (or a tab or carriage return before one) as a formula: a name or justification such
// as =HYPERLINK("http://evil.example", "click") in an export would run when opened
// (CSV injection). OWASP's rule: such a cell gains a leading apostrophe, which the
// spreadsheet shows as text. Both writers use this one function.
#pragma once

#include <string>
#include <string_view>

namespace ocindex::adapters::io {

// `text` with a leading apostrophe when it begins with '=', '+', '-', '@', a tab or a
// carriage return and is not a plain decimal number: "-1.5", "+2" and "1e-3" mean
// numbers, not formulas, and stay as they are. Import keeps the apostrophe (a reader
// keeps cells byte for byte; it cannot tell a guarded cell from one written so).
std::string SpreadsheetText(std::string_view text);

// [+-] digits [. digits] [e [+-] digits], or [+-] . digits [e...]: a decimal number.
bool IsPlainNumber(std::string_view text);

}  // namespace ocindex::adapters::io
