// TLS for tests: a self-signed certificate made with OpenSSL's API (no openssl binary
// needed) and a small synchronous HTTPS client (Boost.Beast over Asio's SSL stream).
#pragma once

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "support/http_client.h"

namespace ocindex::test {

struct TlsFiles {
  std::string cert;  // PEM certificate
  std::string key;   // PEM private key, unencrypted
};

// A P-256 key and a certificate for CN=127.0.0.1, valid for a day, signed by itself,
// written as PEM files `stem`.crt and `stem`.key.
inline TlsFiles WriteSelfSignedCertificate(const std::string& stem) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
  if (!key || !cert) throw std::runtime_error("OpenSSL cannot make a key or certificate");
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1,
                             0);
  X509_set_issuer_name(cert.get(), name);
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) throw std::runtime_error("cannot sign the certificate");
  TlsFiles files{stem + ".crt", stem + ".key"};
  const auto write = [](const std::string& path, auto&& pem) {
    std::unique_ptr<FILE, decltype(&std::fclose)> out(std::fopen(path.c_str(), "w"), &std::fclose);
    if (!out || pem(out.get()) != 1) throw std::runtime_error("cannot write " + path);
  };
  write(files.cert, [&](FILE* out) { return PEM_write_X509(out, cert.get()); });
  write(files.key, [&](FILE* out) {
    return PEM_write_PrivateKey(out, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  return files;
}

// One HTTPS request to 127.0.0.1:`port`, trusting only `cert` (the server's
// self-signed certificate); throws boost::system::system_error when TLS fails.
inline HttpReply HttpsGet(uint16_t port, const std::string& cert, const std::string& target) {
  namespace asio = boost::asio;
  namespace beast = boost::beast;
  namespace http = beast::http;
  asio::io_context ioc;
  asio::ssl::context context(asio::ssl::context::tls_client);
  context.load_verify_file(cert);
  beast::ssl_stream<beast::tcp_stream> stream(ioc, context);
  stream.set_verify_mode(asio::ssl::verify_peer);
  beast::get_lowest_layer(stream).connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  stream.handshake(asio::ssl::stream_base::client);
  http::request<http::empty_body> request{http::verb::get, target, 11};
  request.set(http::field::host, "127.0.0.1");
  request.keep_alive(false);
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  HttpReply reply;
  reply.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value());
  }
  reply.body = response.body();
  beast::error_code ignored;
  stream.shutdown(ignored);  // close_notify; the server may close first
  return reply;
}

}  // namespace ocindex::test
