#pragma once
// The scalars feature: the API's custom GraphQL scalars (scalars.graphql). Both travel as strings
// in both directions and are validated both ways, so a malformed value can neither enter through a
// variable or literal nor leave through a resolver bug.
//   Money     a decimal string, ^-?\d{1,8}(\.\d{1,2})?$ (NUMERIC(10,2)), never a float
//   DateTime  an RFC 3339 date-time with an offset, e.g. "2026-11-24T07:00:00.000Z"

#include <string_view>

#include "graphql/type/definition.h"
#include "graphql/type/schema.h"

namespace myspace::api {

bool is_valid_money(std::string_view text) noexcept;
bool is_valid_date_time(std::string_view text) noexcept;

graphql::ScalarFunctions money_scalar();
graphql::ScalarFunctions date_time_scalar();

// Binds both to the schema's Money and DateTime.
void bind_scalars(graphql::Schema& schema);

}  // namespace myspace::api
