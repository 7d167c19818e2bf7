#include "adapters/http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <iterator>
#include <random>
#include <stdexcept>
#include <thread>

#include "support/http_client.h"

namespace ocindex::adapters::http {
namespace {

ServerOptions Loopback() {
  ServerOptions options;
  options.port = 0;
  options.access_log = false;
  return options;
}

TEST(HttpServer, HandlerExceptionsBecome500Json) {
  Server server(Loopback(), [](const Request& request) -> Response {
    if (request.path == "/throw") throw std::runtime_error("boom");
    if (request.path == "/throw-int") throw 42;
    Response response;
    response.SetBody(request.Param("q"));
    return response;
  });
  ASSERT_TRUE(server.Start());
  auto reply = test::HttpGet(server.port(), "/throw");
  EXPECT_EQ(reply.status, 500);
  EXPECT_NE(reply.body.find("\"internal\""), std::string::npos);
  EXPECT_EQ(test::HttpGet(server.port(), "/throw-int").status, 500);
  // Still serving, and the query arrives decoded.
  reply = test::HttpGet(server.port(), "/echo?q=a%20b");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "a b");
}

TEST(HttpServer, EveryThreadServesTheConnectionsDealtToIt) {
  ServerOptions options = Loopback();
  options.threads = 3;
  Server server(options, [](const Request&) {
    Response response;
    response.SetBody("ok");
    return response;
  });
  ASSERT_TRUE(server.Start());
  // Connections go to the threads in turn: six of them reach each thread twice (a
  // thread with nothing to run once exited at start, and its connections hung).
  for (int i = 0; i < 6; ++i) {
    const std::string reply = test::RawExchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(reply.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << "connection " << i << ": " << reply;
    EXPECT_TRUE(reply.ends_with("ok"));
  }
}

TEST(HttpServer, OversizedBodyIs413) {
  ServerOptions options = Loopback();
  options.body_limit = 16;
  Server server(options, [](const Request&) { return Response(); });
  ASSERT_TRUE(server.Start());
  std::string reply = test::RawExchange(
      server.port(), "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + std::string(100, 'a'));
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
}

TEST(HttpServer, SlowClientsAreDisconnected) {
  ServerOptions options = Loopback();
  options.read_timeout = std::chrono::milliseconds(100);
  Server server(options, [](const Request&) { return Response(); });
  ASSERT_TRUE(server.Start());
  // An incomplete request: the server closes the connection instead of waiting forever.
  std::string reply = test::RawExchange(server.port(), "GET / HTTP/1.1\r\nHost:");
  EXPECT_EQ(reply, "");
}

TEST(HttpServer, BlockingRequestsDoNotStallTheNetworkThreads) {
  // One network thread. "/wait" blocks until "/release" has been answered: were "/wait"
  // run on the network thread, "/release" could never be read, and "/wait" would end
  // only at its own time limit.
  ServerOptions options = Loopback();
  options.threads = 1;
  options.blocking = [](const Request& request) { return request.path == "/wait"; };
  std::promise<void> entered;
  std::promise<void> released;
  std::shared_future<void> release = released.get_future().share();
  Server server(options, [&](const Request& request) {
    Response response;
    if (request.path == "/release") {
      released.set_value();
      response.SetBody("released");
    } else {
      entered.set_value();
      response.SetBody(release.wait_for(std::chrono::seconds(10)) == std::future_status::ready ? "ready" : "stalled");
    }
    return response;
  });
  ASSERT_TRUE(server.Start());
  const uint16_t port = server.port();
  auto waiting = std::async(std::launch::async, [port] { return test::HttpGet(port, "/wait"); });
  entered.get_future().wait();
  EXPECT_EQ(test::HttpGet(port, "/release").body, "released");
  EXPECT_EQ(waiting.get().body, "ready");
}

TEST(HttpServer, StopFinishesInFlightRequests) {
  std::promise<void> entered;
  std::atomic<bool> entered_once{false};
  Server server(Loopback(), [&](const Request&) {
    if (!entered_once.exchange(true)) entered.set_value();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    Response response;
    response.SetBody("done");
    return response;
  });
  ASSERT_TRUE(server.Start());
  const uint16_t port = server.port();
  auto reply = std::async(std::launch::async, [port] { return test::HttpGet(port, "/slow"); });
  entered.get_future().wait();
  server.Stop();  // while the handler sleeps
  auto result = reply.get();
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.body, "done");
  EXPECT_EQ(result.Header("connection"), "close");
}

TEST(HttpServer, GarbageNeverTakesItDown) {
  ServerOptions options = Loopback();
  options.read_timeout = std::chrono::milliseconds(200);
  Server server(options, [](const Request& request) {
    Response response;
    response.SetBody(request.path);
    return response;
  });
  ASSERT_TRUE(server.Start());
  std::mt19937 random(42);  // fixed seed: the same inputs every run
  const std::string prefixes[] = {"", "GET ", "GET /", "GET /a HTTP/1.1\r\n", "GET /a HTTP/1.1\r\nHost: x\r\n"};
  for (int i = 0; i < 40; ++i) {
    std::string bytes = prefixes[static_cast<size_t>(i) % std::size(prefixes)];
    const int length = static_cast<int>(random() % 64);
    for (int j = 0; j < length; ++j) bytes.push_back(static_cast<char>(random() % 256));
    bytes += "\r\n\r\n";
    std::string reply = test::RawExchange(server.port(), bytes);
    if (!reply.empty()) {
      EXPECT_EQ(reply.rfind("HTTP/1.1 ", 0), 0u) << i;
    }
  }
  EXPECT_EQ(test::HttpGet(server.port(), "/still-here").body, "/still-here");
}

TEST(HttpServer, BusyPortFailsToStart) {
  Server first(Loopback(), [](const Request&) { return Response(); });
  ASSERT_TRUE(first.Start());
  ServerOptions options = Loopback();
  options.port = first.port();
  Server second(options, [](const Request&) { return Response(); });
  Status started = second.Start();
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace ocindex::adapters::http
