// The application's clock: milliseconds since the Unix epoch. Services take it as a
// value so tests can set the time (lockouts expire, sessions end) without sleeping.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace ocindex::app {

using Clock = std::function<int64_t()>;

// The system's clock.
int64_t SystemMillis();
// "2026-12-06T17:04:05.123Z".
std::string FormatMillis(int64_t millis);

}  // namespace ocindex::app
