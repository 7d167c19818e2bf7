// A GoogleTest fixture with one API server for every test of a suite: started before
// the first test, stopped after the last, its requests recorded like every other
// (http_client.h). A suite derives from it: class MyTest : public SharedApiServer<MyTest> {},
// or SharedApiServer<MyTest, CliTest> to run the command line beside it.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "support/api_server.h"
#include "support/http_client.h"

namespace ocindex::test {

template <typename Suite, typename Base = ::testing::Test>
class SharedApiServer : public Base {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(server_->ok()); }

  static HttpReply Get(const std::string& target, const std::map<std::string, std::string>& headers = {}) {
    return HttpGet(server_->port(), target, headers);
  }

  static inline ApiServer* server_ = nullptr;
};

}  // namespace ocindex::test
