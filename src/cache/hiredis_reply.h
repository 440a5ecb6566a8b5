#pragma once
// Internal: hiredis' reply tree to our `Reply`, deep-copied so the value
// outlives hiredis freeing its reply after the callback.

#include <hiredis/hiredis.h>

#include "cache/reply.h"

namespace myspace::cache::detail {

// Throws Error(kInternal) for a reply type hiredis 0.14 does not produce.
Reply from_hiredis(const redisReply& reply);

}  // namespace myspace::cache::detail
