#include "app/error_disposition.h"

namespace ocindex::app {

// No default: -Wswitch (an error in CI) names a new ErrorCode left out here.
ErrorDisposition DispositionOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return {kExitInvalidInput, 422, "invalid_input"};
    case ErrorCode::kNotFound: return {kExitNotFound, 404, "not_found"};
    case ErrorCode::kConflict: return {kExitConflict, 409, "conflict"};
    case ErrorCode::kForbidden: return {kExitForbidden, 403, "forbidden"};
    case ErrorCode::kUnauthenticated: return {kExitUnauthenticated, 401, "unauthenticated"};
    case ErrorCode::kStale: return {kExitConflict, 412, "stale"};
    case ErrorCode::kRateLimited: return {kExitForbidden, 429, "rate_limited"};
    case ErrorCode::kCorrupt: return {kExitStorage, 500, "corrupt"};
    case ErrorCode::kIo: return {kExitStorage, 503, "storage_unavailable"};
    case ErrorCode::kUnsupported: return {kExitStorage, 501, "unsupported"};
    case ErrorCode::kInternal: return {kExitInternal, 500, "internal"};
  }
  return {kExitInternal, 500, "internal"};  // not reached: every code is listed above
}

}  // namespace ocindex::app
