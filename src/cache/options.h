#pragma once
// Settings shared by `Client` and `Subscriber`.

#include <chrono>
#include <cstddef>
#include <string>

#include "common/backoff.h"

namespace myspace::cache {

struct ConnectionOptions {
  std::string url = "redis://127.0.0.1:6379";
  // Bound on TCP connect plus the AUTH/SELECT/PING handshake.
  std::chrono::milliseconds connect_timeout{1000};
  // Default deadline of every command; a reply later than this is kTimeout.
  std::chrono::milliseconds command_timeout{1000};
  BackoffPolicy reconnect{};
  // Commands sent but not yet answered; past this a command fails at once with
  // kUnavailable, so a stalled server cannot make us buffer without bound.
  std::size_t max_in_flight = 10000;
  // The `client` label of this connection's metrics, e.g. "sessions".
  std::string name = "default";
};

}  // namespace myspace::cache
