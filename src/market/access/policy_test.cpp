// The permission matrix of docs/permissions.md, cell by cell.

#include "market/access/policy.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace myspace::market {
namespace {

const std::optional<Viewer> kAnonymous;
Viewer as(std::string type, std::string id = "usr_self") {
  return Viewer{std::move(id), std::move(type)};
}

TEST(Policy, PublicProfilesAreForEveryone) {
  EXPECT_EQ(decide(kAnonymous, Action::kViewPublicProfile, "usr_other"), Decision::kAllow);
  EXPECT_EQ(decide(as("CLIENT"), Action::kViewPublicProfile, "usr_other"), Decision::kAllow);
}

TEST(Policy, PrivateDataAndProfileChangesAreTheOwnersOnly) {
  for (const auto action : {Action::kViewPrivateProfile, Action::kUpdateProfile}) {
    EXPECT_EQ(decide(kAnonymous, action, "usr_self"), Decision::kUnauthenticated);
    EXPECT_EQ(decide(as("FREELANCER"), action, "usr_self"), Decision::kAllow);
    EXPECT_EQ(decide(as("FREELANCER"), action, "usr_other"), Decision::kForbidden);
    EXPECT_EQ(decide(as("AGENCY"), action, ""), Decision::kForbidden);
    // A token with no subject is nobody.
    EXPECT_EQ(decide(as("CLIENT", ""), action, ""), Decision::kUnauthenticated);
  }
}

TEST(Policy, ClientsCompaniesAndAgenciesPostJobs) {
  EXPECT_EQ(decide(kAnonymous, Action::kPostJob), Decision::kUnauthenticated);
  EXPECT_EQ(decide(as("CLIENT"), Action::kPostJob), Decision::kAllow);
  EXPECT_EQ(decide(as("COMPANY"), Action::kPostJob), Decision::kAllow);
  EXPECT_EQ(decide(as("AGENCY"), Action::kPostJob), Decision::kAllow);
  EXPECT_EQ(decide(as("FREELANCER"), Action::kPostJob), Decision::kForbidden);
  EXPECT_EQ(decide(as("ADMIN"), Action::kPostJob), Decision::kForbidden);
}

TEST(Policy, FreelancersAndAgenciesProposeButNotOnTheirOwnJobs) {
  EXPECT_EQ(decide(kAnonymous, Action::kProposeOnJob, "usr_client"), Decision::kUnauthenticated);
  EXPECT_EQ(decide(as("FREELANCER"), Action::kProposeOnJob, "usr_client"), Decision::kAllow);
  EXPECT_EQ(decide(as("AGENCY"), Action::kProposeOnJob, "usr_client"), Decision::kAllow);
  EXPECT_EQ(decide(as("AGENCY"), Action::kProposeOnJob, "usr_self"), Decision::kForbidden);
  EXPECT_EQ(decide(as("CLIENT"), Action::kProposeOnJob, "usr_client"), Decision::kForbidden);
  EXPECT_EQ(decide(as("COMPANY"), Action::kProposeOnJob, "usr_client"), Decision::kForbidden);
}

TEST(Policy, AuthorizeThrowsTheMatchingCodes) {
  EXPECT_NO_THROW(authorize(as("CLIENT"), Action::kUpdateProfile, "usr_self"));
  try {
    authorize(kAnonymous, Action::kUpdateProfile, "usr_self");
    FAIL() << "anonymous update allowed";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnauthenticated);
  }
  try {
    authorize(as("CLIENT"), Action::kUpdateProfile, "usr_other");
    FAIL() << "update of another's profile allowed";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kForbidden);
  }
}

}  // namespace
}  // namespace myspace::market
