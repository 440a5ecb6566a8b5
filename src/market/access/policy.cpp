#include "market/access/policy.h"

#include "common/error.h"

namespace myspace::market {

Decision decide(const std::optional<Viewer>& viewer, Action action, std::string_view owner) {
  if (action == Action::kViewPublicProfile) return Decision::kAllow;
  if (!viewer || viewer->user_id.empty()) return Decision::kUnauthenticated;
  const auto& type = viewer->account_type;
  switch (action) {
    case Action::kViewPublicProfile:
      return Decision::kAllow;
    case Action::kViewPrivateProfile:
    case Action::kUpdateProfile:
      // An object without an owner belongs to no one: never "own" it.
      return !owner.empty() && owner == viewer->user_id ? Decision::kAllow : Decision::kForbidden;
    case Action::kPostJob:
      return type == "CLIENT" || type == "COMPANY" || type == "AGENCY" ? Decision::kAllow
                                                                       : Decision::kForbidden;
    case Action::kProposeOnJob:
      // Nobody proposes on their own job.
      if (!owner.empty() && owner == viewer->user_id) return Decision::kForbidden;
      return type == "FREELANCER" || type == "AGENCY" ? Decision::kAllow : Decision::kForbidden;
  }
  return Decision::kForbidden;
}

void authorize(const std::optional<Viewer>& viewer, Action action, std::string_view owner) {
  switch (decide(viewer, action, owner)) {
    case Decision::kAllow:
      return;
    case Decision::kUnauthenticated:
      throw Error(ErrorCode::kUnauthenticated, "you must be signed in to do this");
    case Decision::kForbidden:
      throw Error(ErrorCode::kForbidden, "you are not allowed to do this");
  }
}

}  // namespace myspace::market
