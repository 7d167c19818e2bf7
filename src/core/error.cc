#include "core/error.h"

namespace ocindex {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return "InvalidInput";
    case ErrorCode::kNotFound: return "NotFound";
    case ErrorCode::kConflict: return "Conflict";
    case ErrorCode::kForbidden: return "Forbidden";
    case ErrorCode::kUnauthenticated: return "Unauthenticated";
    case ErrorCode::kStale: return "Stale";
    case ErrorCode::kRateLimited: return "RateLimited";
    case ErrorCode::kCorrupt: return "Corrupt";
    case ErrorCode::kIo: return "Io";
    case ErrorCode::kUnsupported: return "Unsupported";
    case ErrorCode::kInternal: return "Internal";
  }
  return "Internal";
}

std::string Error::ToString() const {
  return where.empty() ? message : where + ": " + message;
}

}  // namespace ocindex
