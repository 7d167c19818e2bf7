// What the text of a framework may hold. Edition ids become file names, URL segments,
// sheet names and database keys, and every name is shown in tables, charts and the
// explorer: an id such as "../../etc" or a name of 20 MB must stop at import, before it
// is stored. One rule per field, shared by the framework reader (which names the file
// and line) and the stores (which check whatever reaches them: imports, the API, rounds).
#pragma once

#include <cstddef>
#include <string_view>

#include "core/error.h"
#include "core/model/framework.h"

namespace ocindex::core {

inline constexpr size_t kMaxEditionIdLength = 32;   // characters
inline constexpr size_t kMaxIdLength = 64;          // framework, node and indicator ids
inline constexpr size_t kMaxNameLength = 200;       // names, publishers, column headers
inline constexpr size_t kMaxDefinitionLength = 4000;

// kInvalidInput unless `id` is a plain edition id: 1 to 32 ASCII letters, digits, '.',
// '_' or '-', starting with a letter or digit, without "..": "2025", "2023-draft".
Status CheckEditionId(std::string_view id);

// The rule for framework field `key` (the framework file's key: "edition", "previous",
// "since", "name", "publisher", "headers", "definition", ids otherwise) applied to
// `value`: edition ids as CheckEditionId (empty allowed except for "edition"), other
// text within its length and free of control characters (definitions may hold line
// breaks and tabs). The message names the key and what was expected.
Status CheckFrameworkField(std::string_view key, std::string_view value);

// Every field of `framework` by CheckFrameworkField; the error's `where` names the
// field ("node criminality, name").
Status CheckFrameworkValues(const Framework& framework);

}  // namespace ocindex::core
