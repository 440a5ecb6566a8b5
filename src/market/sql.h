#pragma once
// SQL fragments shared by the marketplace's stores (and only by them: no
// other code writes SQL). Macros because they are spliced into string
// literals at compile time, so every statement stays one constant text that
// PostgreSQL can prepare, with every value passed as a parameter.

// A timestamp leaves the database in one shape, formatted by PostgreSQL so that
// no time-zone arithmetic happens here: RFC 3339 in UTC with milliseconds.
#define MARKET_SQL_RFC3339(column) \
  "to_char(" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

// The columns user_from_row() decodes. NUMERIC comes back in its text form
// ("45.00"): exact, never a float.
#define MARKET_SQL_USER_COLUMNS \
  "id, msf_id, username, display_name, account_type::text AS account_type, avatar_url, " \
  "profile_completion, " MARKET_SQL_RFC3339("created_at") " AS created_at, headline, bio, " \
                                                          "skills, hourly_rate::text AS hourly_rate, country"
