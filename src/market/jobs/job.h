#pragma once
// A job a client, company or agency has posted. The internal ids (`id`,
// `client_id`) exist so that callers can batch and join; they must never reach
// a client — every API speaks `public_id` (the msf_id). Money is a decimal
// string exactly as PostgreSQL's NUMERIC prints it ("2500.00"), never a float;
// times are RFC 3339 UTC strings with milliseconds.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace myspace::market {

struct Job {
  std::int64_t id = 0;         // internal; never leaves the server
  std::string public_id;       // msf_id, e.g. "job_demo00000001"
  std::int64_t client_id = 0;  // internal id of the user who posted it
  std::string title;
  std::string description;
  std::string category;
  std::optional<std::string> budget_min;  // decimal string, e.g. "2500.00"
  std::optional<std::string> budget_max;
  std::string status;  // OPEN | IN_PROGRESS | COMPLETED | CANCELLED
  std::vector<std::string> skills_required;
  std::string created_at;  // RFC 3339, UTC

  friend bool operator==(const Job&, const Job&) = default;
};

}  // namespace myspace::market
