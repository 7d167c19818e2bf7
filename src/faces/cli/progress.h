// A progress bar on stderr, drawn only when stderr is a terminal (logs stay clean).
#pragma once

#include <cstdint>
#include <functional>

namespace ocindex::cli {

// A callback (done, total) that redraws the bar; a no-op when stderr is not a terminal.
std::function<void(std::int64_t, std::int64_t)> TerminalProgress();
// Ends the bar's line if one was drawn.
void EndProgress();

}  // namespace ocindex::cli
