#pragma once
// The accounts feature (accounts.graphql): Mutation.register and
// Mutation.login, answered by the sign-in service (sign_in.h, the auth
// service behind the gateway) with an AuthPayload whose user is the member's
// full profile; the request is signed in as that member from then on.
//
// Each is counted against a per-address limit of its own
// (Services::sensitive) before the sign-in service is called; a refusal, ours
// or the service's, marks the request context so that the HTTP response
// becomes 429.

#include "graphql/type/schema.h"

namespace myspace::api {

void bind_accounts(graphql::Schema& schema);

}  // namespace myspace::api
