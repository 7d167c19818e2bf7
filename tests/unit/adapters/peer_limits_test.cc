// Per-address connection and request-rate limits of the HTTP server (issue 18).
#include "adapters/http/peer_limits.h"

#include <gtest/gtest.h>

namespace ocindex::adapters::http {
namespace {

using std::chrono::milliseconds;

TEST(PeerLimits, ConnectionsPerAddressAreCappedAndFreedOnClose) {
  PeerLimits limits({.connections = 2, .rate = 0, .burst = 0, .loopback_exempt = true});
  EXPECT_TRUE(limits.Open("203.0.113.5"));
  EXPECT_TRUE(limits.Open("203.0.113.5"));
  EXPECT_FALSE(limits.Open("203.0.113.5"));
  EXPECT_TRUE(limits.Open("203.0.113.6"));  // another address has its own count
  limits.Close("203.0.113.5");
  EXPECT_TRUE(limits.Open("203.0.113.5"));
}

TEST(PeerLimits, RequestRateIsATokenBucketPerAddress) {
  PeerLimits limits({.connections = 0, .rate = 10, .burst = 3, .loopback_exempt = true});
  const auto t0 = PeerLimits::Clock::time_point{};
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limits.Allow("2001:db8::1", t0)) << i;
  EXPECT_FALSE(limits.Allow("2001:db8::1", t0));     // the burst is spent
  EXPECT_TRUE(limits.Allow("2001:db8::2", t0));      // another address is not
  EXPECT_FALSE(limits.Allow("2001:db8::1", t0 + milliseconds(50)));  // half a token back
  EXPECT_TRUE(limits.Allow("2001:db8::1", t0 + milliseconds(110)));  // one token back
  EXPECT_FALSE(limits.Allow("2001:db8::1", t0 + milliseconds(110)));
}

TEST(PeerLimits, LoopbackIsExemptUnlessAsked) {
  PeerLimits exempt({.connections = 1, .rate = 1, .burst = 1, .loopback_exempt = true});
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(exempt.Open("127.0.0.1"));
    EXPECT_TRUE(exempt.Allow("::1"));
  }
  PeerLimits strict({.connections = 1, .rate = 1, .burst = 1, .loopback_exempt = false});
  EXPECT_TRUE(strict.Open("127.0.0.1"));
  EXPECT_FALSE(strict.Open("127.0.0.1"));
  const auto t0 = PeerLimits::Clock::time_point{};
  EXPECT_TRUE(strict.Allow("::1", t0));
  EXPECT_FALSE(strict.Allow("::1", t0));
}

}  // namespace
}  // namespace ocindex::adapters::http
