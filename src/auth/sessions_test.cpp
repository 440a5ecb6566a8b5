#include "auth/sessions.h"

#include <gtest/gtest.h>

#include <set>

namespace myspace::auth {
namespace {

TEST(RefreshTokens, AreHashedWithSha256Hex) {
  EXPECT_EQ(hash_refresh_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_NE(hash_refresh_token("abc"), hash_refresh_token("abd"));
}

TEST(RefreshTokens, NameTheirSessionAndAreUnguessable) {
  const std::string id = "ses_0123456789abcdefABCDEF";
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const auto token = new_refresh_token(id);
    EXPECT_EQ(token.size(), id.size() + 1 + 43);
    EXPECT_EQ(session_id_of(token), id);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 50U);
}

TEST(RefreshTokens, MalformedTokensNameNoSession) {
  const std::string secret(43, 'A');
  for (const std::string& bad :
       {std::string(), std::string("nodot"), "ses_0123456789abcdefABCDEF." + secret + "x",
        "ses_0123456789abcdefABCDE." + secret, "xyz_0123456789abcdefABCDEF." + secret,
        "ses_0123456789abcdef:BCDEF." + secret,
        "ses_0123456789abcdefABCDEF." + secret.substr(1) + "=",
        "ses_0123456789abcdefABCDEF*" + secret}) {
    EXPECT_FALSE(session_id_of(bad).has_value()) << bad;
  }
}

TEST(Sessions, LogsNameThemByAFingerprintNotTheirId) {
  const std::string id = "ses_0123456789abcdefABCDEF";
  const std::string print = session_fingerprint(id);
  EXPECT_EQ(print.size(), 12U);
  EXPECT_EQ(print.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(print, session_fingerprint(id));
  EXPECT_NE(print, session_fingerprint("ses_0123456789abcdefABCDEG"));
  EXPECT_EQ(id.find(print), std::string::npos);
}

TEST(Sessions, ClaimsMatchOnlyTheirSessionsUserAndAccountType) {
  const Session session{"ses_0123456789abcdefABCDEF", "usr_a", "FREELANCER", {}, {}};
  AccessClaims claims;
  claims.subject = "usr_a";
  claims.session_id = session.id;
  claims.account_type = "FREELANCER";
  EXPECT_TRUE(claims_match(session, claims));
  claims.account_type = "CLIENT";
  EXPECT_FALSE(claims_match(session, claims));
  claims.account_type = "FREELANCER";
  claims.subject = "usr_b";
  EXPECT_FALSE(claims_match(session, claims));
}

TEST(RefreshTokens, KeysFollowTheSeed) {
  EXPECT_EQ(session_key("ses_x"), "session:ses_x");
  EXPECT_EQ(user_sessions_key("usr_y"), "user_sessions:usr_y");
}

}  // namespace
}  // namespace myspace::auth
