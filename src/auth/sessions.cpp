#include "auth/sessions.h"

#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "cache/client.h"
#include "common/random_id.h"

namespace myspace::auth {
namespace asio = boost::asio;
namespace {

constexpr std::string_view kSessionPrefix = "session:";
constexpr std::string_view kUserSessionsPrefix = "user_sessions:";
constexpr std::size_t kSessionIdLength = 22;  // ~131 bits after "ses_"
constexpr std::size_t kRefreshSecretBytes = 32;

// KEYS: session, user_sessions. ARGV: session json, sliding ttl ms, set ttl ms,
// session prefix, max sessions per user. Stores the session, indexes it, drops
// index entries whose session has expired and, beyond the cap, ends the
// sessions used least recently (every refresh renews the sliding TTL, so the
// shortest time left marks them). The cap bounds the set, so this scan stays
// cheap: Redis runs one script at a time, and an unbounded one would stall
// every other client. Returns how many sessions were ended.
const cache::Script kCreate(R"lua(
local live = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if redis.call('EXISTS', ARGV[4] .. id) == 0 then
    redis.call('SREM', KEYS[2], id)
  else
    live[#live + 1] = id
  end
end
local ended = 0
local excess = #live + 1 - tonumber(ARGV[5])
if excess > 0 then
  local by_use = {}
  for _, id in ipairs(live) do
    by_use[#by_use + 1] = {id = id, left = redis.call('PTTL', ARGV[4] .. id)}
  end
  table.sort(by_use, function(a, b) return a.left < b.left end)
  for i = 1, excess do
    ended = ended + redis.call('DEL', ARGV[4] .. by_use[i].id)
    redis.call('SREM', KEYS[2], by_use[i].id)
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[2], string.sub(KEYS[1], string.len(ARGV[4]) + 1))
local ttl = redis.call('PTTL', KEYS[2])
if ttl < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
return ended
)lua");

// KEYS: session. ARGV: presented hash, new hash, now (s), sliding ttl ms,
// hashes to remember, user_sessions prefix, session id.
const cache::Script kRefresh(R"lua(
local raw = redis.call('GET', KEYS[1])
if not raw then return {'unknown'} end
local s = cjson.decode(raw)
local now = tonumber(ARGV[3])
local function drop()
  redis.call('DEL', KEYS[1])
  redis.call('SREM', ARGV[6] .. s.uid, ARGV[7])
end
if now >= tonumber(s.abs) then
  drop()
  return {'expired', raw}
end
if s.hash == ARGV[1] then
  local kept = {ARGV[1]}
  for h in string.gmatch(s.prev, '[^,]+') do
    if #kept < tonumber(ARGV[5]) then kept[#kept + 1] = h end
  end
  s.prev = table.concat(kept, ',')
  s.hash = ARGV[2]
  local ttl = math.floor(math.min(tonumber(ARGV[4]), (tonumber(s.abs) - now) * 1000))
  local encoded = cjson.encode(s)
  redis.call('SET', KEYS[1], encoded, 'PX', ttl)
  return {'rotated', encoded}
end
for h in string.gmatch(s.prev, '[^,]+') do
  if h == ARGV[1] then
    drop()
    return {'reused', raw}
  end
end
return {'unknown'}
)lua");

// KEYS: session. ARGV: user_sessions prefix, session id.
const cache::Script kRevoke(R"lua(
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local s = cjson.decode(raw)
redis.call('DEL', KEYS[1])
redis.call('SREM', ARGV[1] .. s.uid, ARGV[2])
return 1
)lua");

// KEYS: session. ARGV: presented hash, user_sessions prefix, session id.
// Ends the session only for its current hash or a remembered one; returns
// the record it ended, or false.
const cache::Script kRevokeHolding(R"lua(
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local s = cjson.decode(raw)
local held = s.hash == ARGV[1]
if not held then
  for h in string.gmatch(s.prev, '[^,]+') do
    if h == ARGV[1] then held = true end
  end
end
if not held then return false end
redis.call('DEL', KEYS[1])
redis.call('SREM', ARGV[2] .. s.uid, ARGV[3])
return raw
)lua");

// KEYS: user_sessions. ARGV: session prefix, session id to keep ('' for none).
const cache::Script kRevokeAll(R"lua(
local n = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if id ~= ARGV[2] then
    n = n + redis.call('DEL', ARGV[1] .. id)
    redis.call('SREM', KEYS[1], id)
  end
end
return n
)lua");

std::int64_t epoch_seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::int64_t as_int(const boost::json::value& value) {
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64()) return static_cast<std::int64_t>(value.get_uint64());
  if (value.is_double()) return static_cast<std::int64_t>(value.get_double());
  throw Error(ErrorCode::kInternal, "internal error", "session record has a non-numeric time");
}

Session parse_session(std::string_view id, std::string_view json) {
  boost::system::error_code ec;
  const auto value = boost::json::parse(json, ec);
  if (ec || !value.is_object()) {
    throw Error(ErrorCode::kInternal, "internal error", "session record is not a JSON object");
  }
  const auto& o = value.as_object();
  Session session;
  session.id = std::string(id);
  session.user_id = std::string(o.at("uid").as_string());
  session.account_type = std::string(o.at("acct").as_string());
  session.created_at = std::chrono::sys_seconds(std::chrono::seconds(as_int(o.at("created"))));
  session.absolute_expiry = std::chrono::sys_seconds(std::chrono::seconds(as_int(o.at("abs"))));
  return session;
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_base64url_char(char c) {
  return is_id_char(c) || c == '-';
}

}  // namespace

std::string session_key(std::string_view session_id) {
  return std::string(kSessionPrefix) + std::string(session_id);
}

std::string user_sessions_key(std::string_view user_id) {
  return std::string(kUserSessionsPrefix) + std::string(user_id);
}

std::string new_refresh_token(std::string_view session_id) {
  return std::string(session_id) + "." + random_token(kRefreshSecretBytes);
}

std::string hash_refresh_token(std::string_view token) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest.data());
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (const unsigned char byte : digest) {
    out.push_back(kHex[byte >> 4U]);
    out.push_back(kHex[byte & 0x0FU]);
  }
  return out;
}

std::optional<std::string> session_id_of(std::string_view refresh_token) {
  // "ses_" + 22 id characters, '.', 43 base64url characters (32 bytes).
  const auto dot = refresh_token.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const auto id = refresh_token.substr(0, dot);
  const auto secret = refresh_token.substr(dot + 1);
  if (id.size() != 4 + kSessionIdLength || id.substr(0, 4) != "ses_") return std::nullopt;
  if (secret.size() != 43) return std::nullopt;
  for (const char c : id) {
    if (!is_id_char(c)) return std::nullopt;
  }
  for (const char c : secret) {
    if (!is_base64url_char(c)) return std::nullopt;
  }
  return std::string(id);
}

std::string session_fingerprint(std::string_view session_id) {
  return hash_refresh_token(session_id).substr(0, 12);
}

bool claims_match(const Session& session, const AccessClaims& claims) noexcept {
  return session.user_id == claims.subject && session.account_type == claims.account_type;
}

SessionStore::SessionStore(cache::Client& redis, SessionOptions options)
    : redis_(redis), options_(options) {}

asio::awaitable<IssuedSession> SessionStore::create(std::string user_id, std::string account_type,
                                                    std::chrono::system_clock::time_point now) {
  IssuedSession issued;
  issued.session.id = random_public_id("ses_", kSessionIdLength);
  issued.session.user_id = std::move(user_id);
  issued.session.account_type = std::move(account_type);
  issued.session.created_at = std::chrono::time_point_cast<std::chrono::seconds>(now);
  issued.session.absolute_expiry = issued.session.created_at + options_.absolute_lifetime;
  issued.refresh_token = new_refresh_token(issued.session.id);

  const boost::json::object record{
      {"uid", issued.session.user_id},
      {"acct", issued.session.account_type},
      {"hash", hash_refresh_token(issued.refresh_token)},
      {"prev", ""},
      {"created", epoch_seconds(issued.session.created_at)},
      {"abs", epoch_seconds(issued.session.absolute_expiry)},
  };
  const auto sliding_ms = std::chrono::milliseconds(options_.sliding_ttl).count();
  const auto absolute_ms = std::chrono::milliseconds(options_.absolute_lifetime).count();
  // GCC 12 rejects braced vectors inside co_await: build the arguments first.
  std::vector<std::string> keys{session_key(issued.session.id),
                                user_sessions_key(issued.session.user_id)};
  std::vector<std::string> args{boost::json::serialize(record), std::to_string(sliding_ms),
                                std::to_string(absolute_ms), std::string(kSessionPrefix),
                                std::to_string(std::max(options_.max_per_user, 1))};
  co_await redis_.eval(kCreate, std::move(keys), std::move(args));
  co_return issued;
}

asio::awaitable<RefreshResult> SessionStore::refresh(std::string refresh_token,
                                                     std::chrono::system_clock::time_point now) {
  RefreshResult result;
  const auto id = session_id_of(refresh_token);
  if (!id) co_return result;
  std::string next = new_refresh_token(*id);
  const auto sliding_ms = std::chrono::milliseconds(options_.sliding_ttl).count();
  std::vector<std::string> keys{session_key(*id)};
  std::vector<std::string> args{hash_refresh_token(refresh_token),
                                hash_refresh_token(next),
                                std::to_string(epoch_seconds(now)),
                                std::to_string(sliding_ms),
                                std::to_string(options_.remembered_hashes),
                                std::string(kUserSessionsPrefix),
                                *id};
  const cache::Reply reply = co_await redis_.eval(kRefresh, std::move(keys), std::move(args));
  const auto& parts = reply.as_array();
  const std::string& outcome = parts.at(0).as_string();
  if (outcome == "rotated") {
    result.outcome = RefreshOutcome::kRotated;
    result.session = parse_session(*id, parts.at(1).as_string());
    result.refresh_token = std::move(next);
  } else if (outcome == "reused") {
    result.outcome = RefreshOutcome::kReused;
    result.session = parse_session(*id, parts.at(1).as_string());
  } else if (outcome == "expired") {
    result.outcome = RefreshOutcome::kExpired;
    result.session = parse_session(*id, parts.at(1).as_string());
  }
  co_return result;
}

asio::awaitable<std::optional<Session>> SessionStore::find(std::string session_id) {
  auto raw = co_await redis_.get(session_key(session_id));
  if (!raw) co_return std::nullopt;
  co_return parse_session(session_id, *raw);
}

asio::awaitable<bool> SessionStore::revoke(std::string session_id) {
  std::vector<std::string> keys{session_key(session_id)};
  std::vector<std::string> args{std::string(kUserSessionsPrefix), session_id};
  const cache::Reply reply = co_await redis_.eval(kRevoke, std::move(keys), std::move(args));
  co_return reply.as_integer() == 1;
}

asio::awaitable<std::optional<Session>> SessionStore::revoke_holding(std::string refresh_token) {
  const auto id = session_id_of(refresh_token);
  if (!id) co_return std::nullopt;
  std::vector<std::string> keys{session_key(*id)};
  std::vector<std::string> args{hash_refresh_token(refresh_token), std::string(kUserSessionsPrefix),
                                *id};
  const cache::Reply reply = co_await redis_.eval(kRevokeHolding, std::move(keys), std::move(args));
  if (reply.is_nil()) co_return std::nullopt;  // Lua false: nothing ended
  co_return parse_session(*id, reply.as_string());
}

asio::awaitable<std::int64_t> SessionStore::revoke_all(std::string user_id, std::string keep) {
  std::vector<std::string> keys{user_sessions_key(user_id)};
  std::vector<std::string> args{std::string(kSessionPrefix), std::move(keep)};
  const cache::Reply reply = co_await redis_.eval(kRevokeAll, std::move(keys), std::move(args));
  co_return reply.as_integer();
}

}  // namespace myspace::auth
