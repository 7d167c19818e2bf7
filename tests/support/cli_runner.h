// Runs the real ocindex binary (OCINDEX_CLI, set by tests/CMakeLists.txt) against a
// scratch database, as a user would.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "support/fixtures.h"

namespace ocindex::test {

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr (logs, notes, errors)
};

class CliTest : public ::testing::Test {
 protected:
  // `args` go to the shell as written; `env` is prefixed (e.g. "OCINDEX_AUTHOR=ana");
  // `db` is the store (default: ocindex.db in the scratch directory).
  CliRun Ocindex(const std::string& args, const std::string& env = {}, const std::string& db = {}) {
    const std::string command = env + (env.empty() ? "" : " ") + std::string(OCINDEX_CLI) + " --db '" +
                                (db.empty() ? dir_.File("ocindex.db") : db) + "' " + args + " 2>'" +
                                dir_.File("stderr.txt") + "'";
    CliRun run;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return run;
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
    int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(dir_.File("stderr.txt"), std::ios::binary);
    run.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
    return run;
  }
  TempDir dir_;
};

}  // namespace ocindex::test
