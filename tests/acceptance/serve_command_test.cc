// `ocindex serve` as a process: it prints its URL, answers, logs one JSON line per
// request, and on SIGTERM finishes and exits 0.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/fixtures.h"
#include "support/http_client.h"
#include "support/tls.h"

namespace ocindex {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Starts `ocindex` with `args`, its stderr into `log`.
pid_t Spawn(std::vector<std::string> args, const std::string& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  args.insert(args.begin(), OCINDEX_CLI);
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, OCINDEX_CLI, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// The port of the URL line "listening on <scheme>://127.0.0.1:<port>"; a bounded wait
// (the first start seeds the database). 0 if it never came.
uint16_t WaitForUrl(const std::string& log, const std::string& scheme) {
  const std::string marker = "listening on " + scheme + "://127.0.0.1:";
  for (int i = 0; i < 600; ++i) {
    const std::string text = ReadAll(log);
    if (auto at = text.find(marker); at != std::string::npos) {
      return static_cast<uint16_t>(std::stoi(text.substr(at + marker.size())));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return 0;
}

TEST(ServeCommand, ServesLogsAndStopsOnSigterm) {
  test::TempDir dir;
  const std::string db = dir.File("ocindex.db"), log = dir.File("serve.log");
  const pid_t pid = Spawn({"--db", db, "serve", "--port", "0", "--web", dir.File("none")}, log);
  const uint16_t port = WaitForUrl(log, "http");
  ASSERT_NE(port, 0) << ReadAll(log);
  EXPECT_EQ(test::HttpGet(port, "/healthz").status, 200);
  EXPECT_EQ(test::HttpGet(port, "/api/v1/editions/2021/countries/KAZ").status, 200);
  // Lines are written in batches, but a quiet server still writes its last ones soon
  // (100 ms after the first of a batch; waited for up to 10 s here).
  bool logged = false;
  for (int i = 0; i < 200 && !logged; ++i) {
    logged = ReadAll(log).find("\"path\":\"/api/v1/editions/2021/countries/KAZ\"") != std::string::npos;
    if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(logged) << ReadAll(log);

  ASSERT_EQ(kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  const std::string text = ReadAll(log);
  EXPECT_NE(text.find("{\"method\":\"GET\",\"path\":\"/healthz\",\"status\":200,\"bytes\":15,\"duration_us\":"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("explorer is not built"), std::string::npos);
}

TEST(ServeCommand, BusyPortExitsWithStorageError) {
  test::TempDir dir;
  // Hold a port, then ask ocindex to listen on it.
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor holder(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
  const std::string command = std::string(OCINDEX_CLI) + " --db '" + dir.File("ocindex.db") + "' serve --port " +
                              std::to_string(holder.local_endpoint().port()) + " 2>/dev/null";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 5);
}

TEST(ServeCommand, PlainHttpBeyondLoopbackNeedsAllowRemote) {
  test::TempDir dir;
  const std::string log = dir.File("serve.log");
  // Refused before anything is opened or bound: no server is started on 0.0.0.0.
  const std::string command = std::string(OCINDEX_CLI) + " --db '" + dir.File("ocindex.db") +
                              "' serve --host 0.0.0.0 --port 0 2>'" + log + "'";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);  // invalid input
  EXPECT_NE(ReadAll(log).find("refusing to serve plain HTTP on 0.0.0.0"), std::string::npos) << ReadAll(log);
  EXPECT_FALSE(std::ifstream(dir.File("ocindex.db")).good());
}

// Issue 18: HTTPS from the command line, with the face's security headers and HSTS.
TEST(ServeCommand, ServesHttpsWithTlsCertAndKey) {
  test::TempDir dir;
  const test::TlsFiles files = test::WriteSelfSignedCertificate(dir.File("server"));
  const std::string log = dir.File("serve.log");
  const pid_t pid = Spawn({"--db", dir.File("ocindex.db"), "serve", "--port", "0", "--web", dir.File("none"),
                           "--tls-cert", files.cert, "--tls-key", files.key},
                          log);
  const uint16_t port = WaitForUrl(log, "https");
  ASSERT_NE(port, 0) << ReadAll(log);
  const test::HttpReply reply = test::HttpsGet(port, files.cert, "/healthz");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.Header("strict-transport-security"), "max-age=31536000");
  EXPECT_NE(reply.Header("content-security-policy"), "");
  ASSERT_EQ(kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

TEST(ServeCommand, TlsNeedsBothCertificateAndKey) {
  test::TempDir dir;
  const test::TlsFiles files = test::WriteSelfSignedCertificate(dir.File("server"));
  const std::string log = dir.File("serve.log");
  const std::string command = std::string(OCINDEX_CLI) + " --db '" + dir.File("ocindex.db") +
                              "' serve --host 0.0.0.0 --port 0 --tls-cert '" + files.cert + "' 2>'" + log + "'";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_NE(ReadAll(log).find("--tls-cert and --tls-key go together"), std::string::npos) << ReadAll(log);
}

}  // namespace
}  // namespace ocindex
