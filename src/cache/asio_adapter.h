#pragma once
// Internal: drives a hiredis async context from an Asio executor.
//
// hiredis tells us through its `ev` hooks when it wants to read or write; we
// answer with `stream_descriptor::async_wait` on its socket and call
// redisAsyncHandleRead/Write when the socket is ready. The socket belongs to
// hiredis: Asio only watches it and `release()`s it on cleanup, never closes it.
// Everything runs on the one executor the context was attached to.

#include <hiredis/async.h>

#include <boost/asio/any_io_executor.hpp>
#include <functional>
#include <string>

namespace myspace::cache::detail {

// Called once, from inside hiredis, when it frees the context (after
// failing pending callbacks with a NULL reply). `error` is hiredis' reason
// (empty for a requested close). Must not call back into the context.
using CleanupFn = std::function<void(const std::string& error)>;

// Hooks `context` to `executor`. Returns false (context untouched) when the
// socket cannot be registered with the executor's reactor.
bool attach(redisAsyncContext* context, const boost::asio::any_io_executor& executor,
            CleanupFn on_cleanup);

}  // namespace myspace::cache::detail
