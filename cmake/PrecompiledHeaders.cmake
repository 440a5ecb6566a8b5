# One precompiled header of Asio and Beast for the whole tree.
#
# Every target that does I/O would otherwise build its own copy of the same
# ~250 MB header image (one per library, test and tool: minutes of compiler
# time and gigabytes of disk on a 2-core machine). myspace_asio builds it once;
# myspace_share_asio_pch() points every target that links myspace_asio, directly
# or through another library, at that copy. All targets share the global
# compile flags, so GCC accepts the reused header (-Winvalid-pch is an error
# here, so a mismatch fails the build instead of silently slowing it).

# Whether `target` hands myspace_asio's usage requirements on to whatever links it.
function(_myspace_propagates_asio target out)
  get_property(known GLOBAL PROPERTY _myspace_asio_${target} SET)
  if(known)
    get_property(result GLOBAL PROPERTY _myspace_asio_${target})
    set(${out} ${result} PARENT_SCOPE)
    return()
  endif()
  get_target_property(interface ${target} INTERFACE_LINK_LIBRARIES)
  _myspace_any_links_asio("${interface}" result)
  set_property(GLOBAL PROPERTY _myspace_asio_${target} ${result})
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# Whether any of `deps` is myspace_asio or passes it on. $<LINK_ONLY:...>
# entries carry no usage requirements, so they never match.
function(_myspace_any_links_asio deps out)
  foreach(dep IN LISTS deps)
    if(dep STREQUAL "myspace_asio")
      set(${out} TRUE PARENT_SCOPE)
      return()
    endif()
    if(dep MATCHES "^myspace_" AND TARGET ${dep})
      _myspace_propagates_asio(${dep} propagates)
      if(propagates)
        set(${out} TRUE PARENT_SCOPE)
        return()
      endif()
    endif()
  endforeach()
  set(${out} FALSE PARENT_SCOPE)
endfunction()

function(_myspace_targets_in dir out)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    _myspace_targets_in(${sub} sub_targets)
    list(APPEND targets ${sub_targets})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()

# Call once, at the end of the top-level CMakeLists.txt, after every target exists.
function(myspace_share_asio_pch)
  _myspace_targets_in(${PROJECT_SOURCE_DIR} targets)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(target STREQUAL "myspace_asio" OR NOT type MATCHES "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY|OBJECT_LIBRARY)$")
      continue()
    endif()
    get_target_property(deps ${target} LINK_LIBRARIES)
    _myspace_any_links_asio("${deps}" links)
    if(links)
      target_precompile_headers(${target} REUSE_FROM myspace_asio)
    endif()
  endforeach()
endfunction()
