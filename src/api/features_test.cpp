// The feature list joins into a valid schema whose every field has what it
// needs, and schema/schema.graphql is exactly what the gateway serves.

#include "api/features.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace myspace::api {
namespace {

TEST(Features, BuildTheSchemaWithEveryFeatureBound) {
  const auto schema = build_schema();
  ASSERT_NE(schema->query_type(), nullptr);
  ASSERT_NE(schema->mutation_type(), nullptr);
  // The seed's fields, each with a resolver (none falls back to reading JSON members).
  for (const auto* field : {"me", "user", "userByUsername", "jobs"}) {
    const auto* def = schema->query_type()->field(field);
    ASSERT_NE(def, nullptr) << field;
    EXPECT_TRUE(def->resolver || def->sync_resolver) << field;
  }
  for (const auto* field : {"register", "login", "updateProfile"}) {
    const auto* def = schema->mutation_type()->field(field);
    ASSERT_NE(def, nullptr) << field;
    EXPECT_TRUE(def->resolver) << field;
  }
  // Typed parents: every field of the API's object types reads its parent
  // through a resolver.
  for (const auto* type_name : {"User", "Job", "AuthPayload"}) {
    const auto* type = schema->type(type_name);
    ASSERT_NE(type, nullptr) << type_name;
    for (const auto& field : type->fields) {
      EXPECT_TRUE(field.resolver || field.sync_resolver) << type_name << "." << field.name;
    }
  }
}

TEST(Features, EachFeatureHasItsOwnFolderAndSdl) {
  for (const auto& feature : features()) {
    EXPECT_EQ(std::string(feature.sdl_path).rfind(std::string(feature.name) + "/", 0), 0U)
        << feature.name;
    EXPECT_NE(schema_sdl().find("# --- src/api/" + std::string(feature.sdl_path)),
              std::string::npos);
  }
}

// Reviewers and the front end read schema/schema.graphql: regenerate it with
// `build/release/src/services/myspace schema > schema/schema.graphql`.
TEST(Features, TheCheckedInSnapshotIsWhatTheGatewayServes) {
  std::ifstream file(std::string(MYSPACE_SOURCE_DIR) + "/schema/schema.graphql");
  ASSERT_TRUE(file) << "schema/schema.graphql is missing";
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_EQ(text.str(), schema_sdl())
      << "schema/schema.graphql is stale: run `myspace schema > schema/schema.graphql`";
}

}  // namespace
}  // namespace myspace::api
