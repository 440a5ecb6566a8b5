#pragma once
// The text of one of the API's SDL files (a path under src/api/, e.g.
// "jobs/jobs.graphql"), compiled into the binary (see CMakeLists.txt).
// Throws std::out_of_range for a file that is not listed there.

#include <string_view>

namespace myspace::api {

std::string_view sdl_file(std::string_view path);

}  // namespace myspace::api
