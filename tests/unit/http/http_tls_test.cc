// The server over TLS (issue 18): HTTPS on the one request-handling path, HSTS only
// under TLS, and a plain-HTTP client on the TLS port turned away without harm.
#include <gtest/gtest.h>

#include <boost/system/system_error.hpp>
#include <string>

#include "adapters/http/server.h"
#include "support/fixtures.h"
#include "support/http_client.h"
#include "support/tls.h"

namespace ocindex::adapters::http {
namespace {

class HttpTlsTest : public ::testing::Test {
 protected:
  void SetUp() override { files_ = test::WriteSelfSignedCertificate(dir_.File("server")); }

  ServerOptions Tls() const {
    ServerOptions options;
    options.port = 0;
    options.access_log = false;
    options.read_timeout = std::chrono::milliseconds(2000);
    options.headers = {{"X-Content-Type-Options", "nosniff"}};
    options.tls_cert = files_.cert;
    options.tls_key = files_.key;
    return options;
  }

  static Response Echo(const Request& request) {
    Response response;
    response.SetBody(std::string(request.tls ? "tls " : "plain ") + request.path);
    return response;
  }

  test::TempDir dir_;
  test::TlsFiles files_;
};

TEST_F(HttpTlsTest, AnswersHttpsWithTheSameHeadersAndHsts) {
  Server server(Tls(), Echo);
  ASSERT_TRUE(server.Start().ok());
  test::HttpReply reply = test::HttpsGet(server.port(), files_.cert, "/hello");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "tls /hello");
  EXPECT_EQ(reply.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(reply.Header("strict-transport-security"), "max-age=31536000");
}

TEST_F(HttpTlsTest, PlainHttpOnTheTlsPortFailsCleanlyAndServingGoesOn) {
  Server server(Tls(), Echo);
  ASSERT_TRUE(server.Start().ok());
  const std::string reply = test::RawExchange(server.port(), "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(reply.find("tls /hello"), std::string::npos) << reply;  // nothing served in the clear
  EXPECT_EQ(reply.rfind("HTTP/1.1 200", 0), std::string::npos) << reply;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(test::HttpsGet(server.port(), files_.cert, "/again").body, "tls /again");
}

TEST_F(HttpTlsTest, AClientTrustingAnotherCertificateIsRefused) {
  Server server(Tls(), Echo);
  ASSERT_TRUE(server.Start().ok());
  const test::TlsFiles other = test::WriteSelfSignedCertificate(dir_.File("other"));
  EXPECT_THROW(test::HttpsGet(server.port(), other.cert, "/"), boost::system::system_error);
  EXPECT_EQ(test::HttpsGet(server.port(), files_.cert, "/").status, 200);
}

TEST_F(HttpTlsTest, PlainHttpHasNoHsts) {
  ServerOptions options = Tls();
  options.tls_cert.clear();
  options.tls_key.clear();
  Server server(options, Echo);
  ASSERT_TRUE(server.Start().ok());
  test::HttpReply reply = test::HttpGet(server.port(), "/x");
  EXPECT_EQ(reply.body, "plain /x");
  EXPECT_EQ(reply.Header("strict-transport-security"), "");
}

TEST_F(HttpTlsTest, UnloadableFilesStopTheStartNamingTheFile) {
  ServerOptions options = Tls();
  options.tls_key = files_.cert;  // a certificate is no key
  Status started = Server(options, Echo).Start();
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(started.error().where, files_.cert);
  EXPECT_NE(started.error().message.find("TLS private key"), std::string::npos) << started.error().message;
  options = Tls();
  options.tls_cert = dir_.File("missing.crt");
  started = Server(options, Echo).Start();
  ASSERT_FALSE(started.ok());
  EXPECT_NE(started.error().message.find("TLS certificate"), std::string::npos) << started.error().message;
  options = Tls();
  options.tls_key.clear();
  EXPECT_FALSE(Server(options, Echo).Start().ok());
}

}  // namespace
}  // namespace ocindex::adapters::http
