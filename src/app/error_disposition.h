// How every face reports an error: one table from ErrorCode to the CLI's exit code and
// the API's HTTP status and error code, so the faces cannot disagree (README.md and
// docs/API.md list the same values).
#pragma once

#include "core/error.h"

namespace ocindex::app {

// Exit codes of the `ocindex` command, documented in README.md.
enum ExitCode : int {
  kExitOk = 0,
  kExitInvalidInput = 1,  // bad data or arguments (validation failed, unknown value...)
  kExitUsage = 2,         // the command line itself is wrong
  kExitNotFound = 3,
  kExitConflict = 4,      // would overwrite stored data without --replace
  kExitStorage = 5,       // the database or a file could not be read or written, or this build cannot serve it
  kExitForbidden = 6,     // the user may not do this (or has tried too often)
  kExitUnauthenticated = 7,  // no such user, or a wrong password or token
  kExitInternal = 70,
};

struct ErrorDisposition {
  ExitCode exit_code;
  int http_status;
  const char* api_code;  // the "code" of the API's error body
};

ErrorDisposition DispositionOf(ErrorCode code);

}  // namespace ocindex::app
