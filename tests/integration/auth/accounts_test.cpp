// Registration and login input: duplicates (409, never 500), the password
// policy, validation naming the field, oversized input, literal storage of
// HTML and SQL metacharacters, no user enumeration through login, and
// rehashing at a raised bcrypt cost.
#include <boost/json/serialize.hpp>

#include "common/metrics.h"
#include "support.h"

namespace myspace::auth_service::testing {
namespace {

using boost::json::object;
using boost::json::serialize;

std::string registration(std::string_view email, std::string_view username,
                         std::string_view password = "a-Long-passphrase-9",
                         std::string_view display_name = "Someone",
                         std::string_view account_type = "CLIENT") {
  return serialize(object{{"email", email},
                          {"password", password},
                          {"accountType", account_type},
                          {"username", username},
                          {"displayName", display_name}});
}

TEST_F(AuthTest, DuplicateEmailOrUsernameIsAConflictNamingTheField) {
  register_user("dup@example.com", "dup_user");
  const Reply email =
      post("/register", registration("DUP@example.com", "other_user"), "198.51.100.7");
  EXPECT_EQ(email.status, http::Status::conflict);
  EXPECT_EQ(email.error_code(), "CONFLICT");
  EXPECT_EQ(email.error_message(), "email is already registered");
  const Reply username =
      post("/register", registration("fresh@example.com", "DUP_USER"), "198.51.100.7");
  EXPECT_EQ(username.status, http::Status::conflict);
  EXPECT_EQ(username.error_message(), "username is already taken");
}

TEST_F(AuthTest, WeakAndCommonPasswordsAreRefused) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"password123", "too common"},
      {"Qwerty123!", "too common"},
      {"short", "at least 8 characters"},
      {std::string(129, 'x'), "at most 128 characters"},
      {"weak_user1", "must not be your email address or username"},
  };
  for (const auto& [password, expected] : cases) {
    const Reply reply =
        post("/register", registration("weak@example.com", "weak_user1", password), "198.51.100.8");
    EXPECT_EQ(reply.status, http::Status::bad_request) << password;
    EXPECT_EQ(reply.error_code(), "BAD_USER_INPUT");
    EXPECT_NE(reply.error_message().find(expected), std::string::npos) << reply.error_message();
  }
  // No composition rules: a long lower-case passphrase is fine.
  EXPECT_EQ(
      post("/register", registration("weak@example.com", "weak_user1", "purple monkey dishwasher"),
           "198.51.100.9")
          .status,
      http::Status::created);
}

TEST_F(AuthTest, ValidationErrorsNameTheField) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"password":"a-Long-passphrase-9","accountType":"CLIENT","username":"abc","displayName":"x"})",
       "email is required"},
      {registration("not-an-email", "val_user"), "email must be a valid email address"},
      {registration("v@example.com", "val user"), "username may contain only"},
      {registration("v@example.com", "val_user", "a-Long-passphrase-9", "Someone", "ADMIN"),
       "accountType must be one of"},
      {registration("v@example.com", "val_user", "a-Long-passphrase-9", "   "),
       "displayName is required"},
      {R"({"email":42,"password":"a-Long-passphrase-9","accountType":"CLIENT","username":"abc","displayName":"x"})",
       "email must be a string"},
      {"[1,2,3]", "the body must be a JSON object"},
  };
  for (const auto& [body, expected] : cases) {
    const Reply reply = post("/register", body, "198.51.100.10");
    EXPECT_EQ(reply.status, http::Status::bad_request) << body;
    EXPECT_NE(reply.error_message().find(expected), std::string::npos)
        << body << " → " << reply.error_message();
  }
}

TEST_F(AuthTest, OversizedInputIsRefused) {
  const Reply long_name = post(
      "/register",
      registration("big@example.com", "big_user", "a-Long-passphrase-9", std::string(101, 'n')),
      "198.51.100.11");
  EXPECT_EQ(long_name.status, http::Status::bad_request);
  EXPECT_NE(long_name.error_message().find("displayName must be at most 100"), std::string::npos);
  const Reply long_email =
      post("/register", registration(std::string(300, 'e') + "@example.com", "big_user"),
           "198.51.100.11");
  EXPECT_EQ(long_email.status, http::Status::bad_request);
  EXPECT_EQ(long_email.error_message(), "email must be at most 254 characters");
  const Reply huge_body = post(
      "/register",
      registration("big@example.com", "big_user", "a-Long-passphrase-9", std::string(20'000, 'n')),
      "198.51.100.11");
  EXPECT_EQ(huge_body.status, http::Status::payload_too_large);
}

TEST_F(AuthTest, HtmlAndSqlMetacharactersRoundTripLiterally) {
  const std::string name = R"(<script>alert('x')</script> "Bobby"; DROP TABLE users;-- & é)";
  const std::string email = "o'brien+x@example.com";
  const Reply reg =
      register_user(email, "o.brien-x", "a-Long-passphrase-9", "198.51.100.12", "AGENCY", name);
  EXPECT_EQ(std::string(reg.json.at("user").at("displayName").as_string()), name);
  EXPECT_EQ(std::string(reg.json.at("user").at("email").as_string()), email);
  // Read back from the database through login.
  const Reply again = login(email, "a-Long-passphrase-9");
  ASSERT_EQ(again.status, http::Status::ok) << again.raw.body();
  EXPECT_EQ(std::string(again.json.at("user").at("displayName").as_string()), name);
  EXPECT_EQ(std::string(again.json.at("user").at("email").as_string()), email);
  EXPECT_EQ(again.json.at("user").at("accountType"), "AGENCY");
  // The users table is intact.
  EXPECT_EQ(login(email, "a-Long-passphrase-9").status, http::Status::ok);
}

// A NUL byte in any text field is refused, naming the field, before it can
// reach a check, a hash, a rate-limit key or the database (libpq would cut
// the text at it).
TEST_F(AuthTest, TextHoldingANulByteIsRefusedNamingTheField) {
  register_user("nul@example.com", "nul_user");
  const std::string nul(1, '\0');
  const Reply password = post("/login",
                              serialize(object{{"email", "nul@example.com"},
                                               {"password", "a-Long-passphrase-9" + nul + "junk"}}),
                              "198.51.100.8");
  EXPECT_EQ(password.status, http::Status::bad_request) << password.raw.body();
  EXPECT_EQ(password.error_code(), "BAD_USER_INPUT");
  EXPECT_NE(password.error_message().find("password"), std::string::npos);
  const Reply email = post("/login",
                           serialize(object{{"email", "nul@example.com" + nul + "x"},
                                            {"password", "a-Long-passphrase-9"}}),
                           "198.51.100.8");
  EXPECT_EQ(email.status, http::Status::bad_request) << email.raw.body();
  EXPECT_EQ(email.error_code(), "BAD_USER_INPUT");
  const Reply registered =
      post("/register",
           registration("nul2@example.com", "nul_user2", "another-Long-passphrase" + nul + "9"),
           "198.51.100.8");
  EXPECT_EQ(registered.status, http::Status::bad_request) << registered.raw.body();
  EXPECT_NE(registered.error_message().find("password"), std::string::npos);
}

TEST_F(AuthTest, UnknownEmailAndWrongPasswordAreIndistinguishable) {
  register_user("known@example.com", "known_user");
  auto& bcrypt = metrics::Registry::global().histogram(
      "auth_bcrypt_seconds", "Time of one bcrypt hash or verification on the hashing pool");

  const auto before_unknown = bcrypt.count();
  const Reply unknown = login("nobody@example.com", "a-Long-passphrase-9", "198.51.100.13");
  EXPECT_EQ(bcrypt.count(), before_unknown + 1);  // the same bcrypt work was done
  const auto before_wrong = bcrypt.count();
  const Reply wrong = login("known@example.com", "not-the-passphrase", "198.51.100.13");
  EXPECT_EQ(bcrypt.count(), before_wrong + 1);

  EXPECT_EQ(unknown.status, http::Status::unauthorized);
  EXPECT_EQ(wrong.status, http::Status::unauthorized);
  EXPECT_EQ(unknown.error_code(), "UNAUTHENTICATED");
  EXPECT_EQ(unknown.error_code(), wrong.error_code());
  EXPECT_EQ(unknown.error_message(), "invalid email or password");
  EXPECT_EQ(unknown.error_message(), wrong.error_message());
  EXPECT_EQ(unknown.header("Set-Cookie"), "");
  EXPECT_EQ(login("KNOWN@example.com", "a-Long-passphrase-9", "198.51.100.13").status,
            http::Status::ok);
}

// Fails the test unless `username`'s stored hash has bcrypt cost `cost`.
void expect_hash_cost(myspace::testing::TempPostgres& postgres, std::string_view username,
                      int cost) {
  const std::string prefix = "$2b$" + std::to_string(cost) + "$";
  EXPECT_NO_THROW(
      postgres.execute("DO $check$ BEGIN IF NOT EXISTS (SELECT 1 FROM users WHERE username = '" +
                       std::string(username) + "' AND starts_with(password_hash, '" + prefix +
                       "')) THEN RAISE EXCEPTION 'hash cost is not " + std::to_string(cost) +
                       "'; END IF; END $check$"))
      << username << " should have a cost-" << cost << " hash";
}

TEST_F(AuthTest, ALoginRehashesAPasswordStoredAtALowerCostThanConfigured) {
  register_user("rehash@example.com", "rehash_user");  // cost 10, the tests' default
  expect_hash_cost(postgres_, "rehash_user", 10);

  auto raised = config();
  raised.bcrypt_cost = 11;
  AuthServer stronger(raised);
  const auto call = [](std::uint16_t port, std::string_view password) {
    return send(
        port,
        Call{"/login", serialize(object{{"email", "rehash@example.com"}, {"password", password}}),
             "198.51.100.20"});
  };
  EXPECT_EQ(call(stronger.port(), "not-the-passphrase").status, http::Status::unauthorized);
  expect_hash_cost(postgres_, "rehash_user", 10);  // a wrong password changes nothing

  EXPECT_EQ(call(stronger.port(), "a-Long-passphrase-9").status, http::Status::ok);
  expect_hash_cost(postgres_, "rehash_user", 11);
  // The new hash is of the same password, and a server at the lower cost never downgrades it.
  EXPECT_EQ(call(server().port(), "a-Long-passphrase-9").status, http::Status::ok);
  EXPECT_EQ(call(stronger.port(), "a-Long-passphrase-9").status, http::Status::ok);
  expect_hash_cost(postgres_, "rehash_user", 11);
}

}  // namespace
}  // namespace myspace::auth_service::testing
