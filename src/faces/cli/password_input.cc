#include "faces/cli/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace ocindex::cli {
namespace {

// Longer than any password, short enough that an endless stream (/dev/zero) stops at once.
constexpr size_t kMaxPasswordBytes = 4096;

// One line of standard input without its line end; kInvalidInput for a line longer than
// kMaxPasswordBytes (read no further) and, naming `what`, for no line at all.
Result<std::string> ReadLine(const std::string& what) {
  std::string line;
  for (int c; (c = std::cin.get()) != std::char_traits<char>::eof() && c != '\n';) {
    if (line.size() == kMaxPasswordBytes) {
      return MakeError(ErrorCode::kInvalidInput, "the password is longer than 4,096 bytes");
    }
    line.push_back(static_cast<char>(c));
  }
  if (line.empty() && std::cin.eof()) return MakeError(ErrorCode::kInvalidInput, what);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Prompts on stderr and reads one line from the terminal with echo off.
Result<std::string> Prompt(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios saved{};
  const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  Result<std::string> line = ReadLine("no password was typed");
  if (terminal) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::cerr << '\n';
  return line;
}

}  // namespace

Result<std::string> ReadNewPassword(bool from_stdin, const std::string& user) {
  if (from_stdin) return ReadLine("--password-stdin: standard input is empty; expected the password");
  if (isatty(STDIN_FILENO) == 0) {
    return MakeError(ErrorCode::kInvalidInput,
                     "no terminal to type a password on: pass --password-stdin and pipe it in");
  }
  std::string first, second;
  OCINDEX_ASSIGN_OR_RETURN(first, Prompt("New password for " + user + ": "));
  OCINDEX_ASSIGN_OR_RETURN(second, Prompt("Again: "));
  if (first != second) return MakeError(ErrorCode::kInvalidInput, "the passwords differ; nothing was changed");
  return first;
}

}  // namespace ocindex::cli
