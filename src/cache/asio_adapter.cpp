#include "cache/asio_adapter.h"

#include <boost/asio/posix/stream_descriptor.hpp>
#include <memory>

namespace myspace::cache::detail {
namespace {

namespace asio = boost::asio;
using Wait = asio::posix::stream_descriptor::wait_type;

// One per context. Pending waits hold a shared_ptr, so the object outlives
// hiredis' cleanup until the last wait has completed; `context_` is null from
// cleanup on, and a completed wait then does nothing.
class AsioEvents : public std::enable_shared_from_this<AsioEvents> {
 public:
  AsioEvents(redisAsyncContext* context, asio::posix::stream_descriptor socket,
             CleanupFn on_cleanup)
      : context_(context), socket_(std::move(socket)), on_cleanup_(std::move(on_cleanup)) {}

  ~AsioEvents() {
    // Only reachable without cleanup if the context leaked; still never close hiredis' fd.
    if (socket_.is_open()) socket_.release();
  }

  void want_read(bool on) {
    reading_ = on;
    if (on) arm(Wait::wait_read, read_armed_);
  }
  void want_write(bool on) {
    writing_ = on;
    if (on) arm(Wait::wait_write, write_armed_);
  }

  void cleanup() {
    std::string error = context_->errstr != nullptr ? context_->errstr : "";
    context_ = nullptr;
    reading_ = writing_ = false;
    // release() cancels our waits and hands the fd back; hiredis closes it.
    socket_.release();
    CleanupFn on_cleanup = std::move(on_cleanup_);
    if (on_cleanup) on_cleanup(error);
  }

 private:
  // At most one wait per direction; a wait that completes after its interest
  // was withdrawn simply is not re-armed.
  void arm(Wait direction, bool& armed) {
    if (armed || context_ == nullptr) return;
    armed = true;
    socket_.async_wait(direction,
                       [self = shared_from_this(), direction](const boost::system::error_code& ec) {
                         self->on_ready(direction, ec);
                       });
  }

  void on_ready(Wait direction, const boost::system::error_code& ec) {
    const bool read = direction == Wait::wait_read;
    (read ? read_armed_ : write_armed_) = false;
    if (ec || context_ == nullptr) return;
    // Holding a strong reference: the handle call may free the context, and
    // with it run cleanup(), which drops hiredis' reference to us.
    auto keep_alive = shared_from_this();
    if (read && reading_) {
      redisAsyncHandleRead(context_);
    } else if (!read && writing_) {
      redisAsyncHandleWrite(context_);
    }
    if (read && reading_) arm(Wait::wait_read, read_armed_);
    if (!read && writing_) arm(Wait::wait_write, write_armed_);
  }

  redisAsyncContext* context_;
  asio::posix::stream_descriptor socket_;
  CleanupFn on_cleanup_;
  bool reading_ = false;
  bool writing_ = false;
  bool read_armed_ = false;
  bool write_armed_ = false;
};

// hiredis keeps `ev.data` as a raw pointer; it owns one strong reference,
// dropped in the cleanup hook.
using Handle = std::shared_ptr<AsioEvents>;

AsioEvents& events(void* privdata) {
  return **static_cast<Handle*>(privdata);
}

void add_read(void* privdata) {
  events(privdata).want_read(true);
}
void del_read(void* privdata) {
  events(privdata).want_read(false);
}
void add_write(void* privdata) {
  events(privdata).want_write(true);
}
void del_write(void* privdata) {
  events(privdata).want_write(false);
}
void cleanup(void* privdata) {
  std::unique_ptr<Handle> handle(static_cast<Handle*>(privdata));
  (*handle)->cleanup();
}

}  // namespace

bool attach(redisAsyncContext* context, const asio::any_io_executor& executor,
            CleanupFn on_cleanup) {
  if (context->ev.data != nullptr) return false;
  boost::system::error_code ec;
  asio::posix::stream_descriptor socket(executor);
  socket.assign(context->c.fd, ec);
  if (ec) return false;

  auto* handle =
      new Handle(std::make_shared<AsioEvents>(context, std::move(socket), std::move(on_cleanup)));
  context->ev.data = handle;
  context->ev.addRead = add_read;
  context->ev.delRead = del_read;
  context->ev.addWrite = add_write;
  context->ev.delWrite = del_write;
  context->ev.cleanup = cleanup;
  return true;
}

}  // namespace myspace::cache::detail
