#pragma once
// The permission matrix of docs/permissions.md, in one place: a marketplace
// rule, so it lives in the domain. Every API resolver asks authorize() before
// it reads or changes anything that belongs to someone, and nothing else
// decides who may do what. Pure: no I/O, no GraphQL, so the whole matrix is
// unit-tested cell by cell (policy_test.cpp).

#include <optional>
#include <string>
#include <string_view>

namespace myspace::market {

// Who is asking: the subject and account type of a verified access token.
struct Viewer {
  std::string user_id;       // msf_id
  std::string account_type;  // FREELANCER | CLIENT | COMPANY | AGENCY
};

enum class Action {
  kViewPublicProfile,   // anyone, signed in or not
  kViewPrivateProfile,  // email and other private data: the owner only
  kUpdateProfile,       // the owner only
  kPostJob,             // CLIENT, COMPANY, AGENCY
  kProposeOnJob,        // FREELANCER, AGENCY
};

enum class Decision {
  kAllow,
  kUnauthenticated,  // signing in could help
  kForbidden,        // signed in, and still not allowed
};

// `owner` is the msf_id of the object's owner, for actions on an object.
Decision decide(const std::optional<Viewer>& viewer, Action action, std::string_view owner = {});

// decide(), throwing myspace::Error(kUnauthenticated / kForbidden) unless allowed.
void authorize(const std::optional<Viewer>& viewer, Action action, std::string_view owner = {});

inline bool permits(const std::optional<Viewer>& viewer, Action action,
                    std::string_view owner = {}) {
  return decide(viewer, action, owner) == Decision::kAllow;
}

}  // namespace myspace::market
