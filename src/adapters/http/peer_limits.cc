#include "adapters/http/peer_limits.h"

#include <algorithm>

namespace ocindex::adapters::http {

bool PeerLimits::Exempt(const std::string& address) const {
  return options_.loopback_exempt && (address.rfind("127.", 0) == 0 || address == "::1" || address.empty());
}

bool PeerLimits::Open(const std::string& address) {
  if (options_.connections == 0 || Exempt(address)) return true;
  std::lock_guard lock(mutex_);
  Peer& peer = peers_[address];
  if (peer.connections >= options_.connections) return false;
  ++peer.connections;
  return true;
}

void PeerLimits::Close(const std::string& address) {
  if (options_.connections == 0 || Exempt(address)) return;
  std::lock_guard lock(mutex_);
  auto it = peers_.find(address);
  if (it == peers_.end()) return;
  if (it->second.connections > 0) --it->second.connections;
  if (it->second.connections == 0 && !it->second.seen) peers_.erase(it);  // no bucket to keep
}

bool PeerLimits::Allow(const std::string& address, Clock::time_point now) {
  if (options_.rate <= 0 || Exempt(address)) return true;
  std::lock_guard lock(mutex_);
  Prune(now);
  Peer& peer = peers_[address];
  if (!peer.seen) {
    peer.seen = true;
    peer.tokens = options_.burst;
  } else {
    const double seconds = std::chrono::duration<double>(now - peer.refilled).count();
    peer.tokens = std::min(options_.burst, peer.tokens + seconds * options_.rate);
  }
  peer.refilled = now;
  if (peer.tokens < 1) return false;
  peer.tokens -= 1;
  return true;
}

void PeerLimits::Prune(Clock::time_point now) {
  constexpr size_t kPruneAbove = 10'000;
  if (peers_.size() < kPruneAbove) return;
  const double refill_seconds = options_.burst / options_.rate;
  std::erase_if(peers_, [&](const auto& entry) {
    const Peer& peer = entry.second;
    return peer.connections == 0 && std::chrono::duration<double>(now - peer.refilled).count() >= refill_seconds;
  });
}

}  // namespace ocindex::adapters::http
