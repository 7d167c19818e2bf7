// A new password from the person at the command line: one line of standard input
// (--password-stdin, for scripts), or typed twice at the terminal without echo.
#pragma once

#include <string>

#include "core/error.h"

namespace ocindex::cli {

// kInvalidInput when the two typed passwords differ, standard input is empty, or there
// is no terminal to prompt on and --password-stdin was not given.
Result<std::string> ReadNewPassword(bool from_stdin, const std::string& user);

}  // namespace ocindex::cli
