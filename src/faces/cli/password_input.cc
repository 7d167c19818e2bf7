#include "faces/cli/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace ocindex::cli {
namespace {

std::string WithoutLineEnd(std::string line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Prompts on stderr and reads one line from the terminal with echo off.
std::string Prompt(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios saved{};
  const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::cerr << '\n';
  return WithoutLineEnd(line);
}

}  // namespace

Result<std::string> ReadNewPassword(bool from_stdin, const std::string& user) {
  if (from_stdin) {
    std::string line;
    if (!std::getline(std::cin, line)) {
      return MakeError(ErrorCode::kInvalidInput, "--password-stdin: standard input is empty; expected the password");
    }
    return WithoutLineEnd(line);
  }
  if (isatty(STDIN_FILENO) == 0) {
    return MakeError(ErrorCode::kInvalidInput,
                     "no terminal to type a password on: pass --password-stdin and pipe it in");
  }
  const std::string first = Prompt("New password for " + user + ": ");
  const std::string second = Prompt("Again: ");
  if (first != second) return MakeError(ErrorCode::kInvalidInput, "the passwords differ; nothing was changed");
  return first;
}

}  // namespace ocindex::cli
