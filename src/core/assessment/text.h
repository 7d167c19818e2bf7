// Free text written in a round (justifications, reasons, comments, narratives) is
// stored trimmed, and where it is required it must say something.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace ocindex::core::assessment {

// Without leading and trailing ASCII white space.
std::string Trim(std::string_view text);

// The trimmed text, or kInvalidInput naming `what` when nothing is left.
Result<std::string> RequiredText(std::string_view text, std::string_view what);

}  // namespace ocindex::core::assessment
