#pragma once
// Suggestions in messages, as graphql-js words them: candidates within a
// lexical distance of what was written, rendered as
// ` Did you mean "a", "b", or "c"?` (at most five).

#include <string>
#include <string_view>
#include <vector>

namespace myspace::graphql {

// The options close to `input` (Damerau-Levenshtein, case-insensitive ties
// first), nearest first.
std::vector<std::string> suggestion_list(std::string_view input,
                                         const std::vector<std::string>& options);
// graphql-js's naturalCompare: runs of digits compare as numbers ("a2" < "a10").
int natural_compare(std::string_view a, std::string_view b);
// "" when there are no suggestions.
std::string did_you_mean(const std::vector<std::string>& suggestions,
                         std::string_view sub_message = {});

}  // namespace myspace::graphql
