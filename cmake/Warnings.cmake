# Strict warnings for every target of ours; third-party headers are SYSTEM includes.
add_library(myspace_warnings INTERFACE)
target_compile_options(myspace_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2
  $<$<BOOL:${MYSPACE_WERROR}>:-Werror>)
