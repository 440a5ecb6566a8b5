#pragma once
// A per-request batching loader (the DataLoader pattern): every load() made
// while the request's fields are being scheduled joins one batch, and the
// batch function runs once for all of their keys. Results are cached per key
// for the loader's lifetime — create one loader per request, never share one
// between requests. Must be used from one strand (execute() provides it).

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace myspace::graphql {

template <typename Key, typename Result>
class DataLoader {
 public:
  // Returns one result per key, in the order of the keys.
  using BatchFunction =
      std::function<boost::asio::awaitable<std::vector<Result>>(std::vector<Key>)>;

  explicit DataLoader(BatchFunction batch, std::size_t max_batch_size = 1000)
      : batch_(std::move(batch)), max_batch_size_(max_batch_size) {}
  DataLoader(const DataLoader&) = delete;
  DataLoader& operator=(const DataLoader&) = delete;

  boost::asio::awaitable<Result> load(Key key) {
    Slot slot = co_await enqueue(std::move(key));
    co_return co_await result_of(std::move(slot));
  }

  // Loads several keys in the same batch; results in the order of the keys.
  boost::asio::awaitable<std::vector<Result>> load_many(std::vector<Key> keys) {
    std::vector<Slot> slots;
    slots.reserve(keys.size());
    for (auto& key : keys) slots.push_back(co_await enqueue(std::move(key)));
    std::vector<Result> out;
    out.reserve(slots.size());
    for (auto& slot : slots) out.push_back(co_await result_of(std::move(slot)));
    co_return out;
  }

  // How many times the batch function ran (for tests and metrics).
  std::size_t batch_count() const { return batch_count_; }

 private:
  struct Batch {
    explicit Batch(boost::asio::any_io_executor ex) {
      done.emplace(ex, boost::asio::steady_timer::time_point::max());
    }
    std::vector<Key> keys;
    std::vector<Result> results;
    std::exception_ptr error;
    // Wakes the waiters; dropped once the batch finishes, so cached results
    // hold no I/O object that could outlive its io_context.
    std::optional<boost::asio::steady_timer> done;
    bool finished = false;
  };
  using Slot = std::pair<std::shared_ptr<Batch>, std::size_t>;

  static boost::asio::awaitable<Result> result_of(Slot slot) {
    const auto& [batch, index] = slot;
    if (!batch->finished) {
      boost::system::error_code ec;
      co_await batch->done->async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
    }
    if (batch->error) std::rethrow_exception(batch->error);
    co_return batch->results.at(index);
  }

  boost::asio::awaitable<Slot> enqueue(Key key) {
    if (auto it = cache_.find(key); it != cache_.end()) co_return it->second;
    if (!pending_) {
      auto ex = co_await boost::asio::this_coro::executor;
      pending_ = std::make_shared<Batch>(ex);
      boost::asio::co_spawn(ex, dispatch(pending_), boost::asio::detached);
    }
    Slot slot{pending_, pending_->keys.size()};
    pending_->keys.push_back(key);
    cache_.emplace(std::move(key), slot);
    if (pending_->keys.size() >= max_batch_size_) pending_.reset();
    co_return slot;
  }

  // Waits while the batch keeps growing — sibling fields and list items are
  // still being scheduled — then runs the batch function once.
  boost::asio::awaitable<void> dispatch(std::shared_ptr<Batch> batch) {
    auto ex = co_await boost::asio::this_coro::executor;
    std::size_t seen = 0;
    do {
      seen = batch->keys.size();
      co_await boost::asio::post(ex, boost::asio::use_awaitable);
    } while (batch->keys.size() != seen);
    if (pending_ == batch) pending_.reset();
    ++batch_count_;
    try {
      batch->results = co_await batch_(batch->keys);
      if (batch->results.size() != batch->keys.size()) {
        throw std::logic_error("DataLoader batch function returned " +
                               std::to_string(batch->results.size()) + " results for " +
                               std::to_string(batch->keys.size()) + " keys");
      }
    } catch (...) {
      batch->error = std::current_exception();
    }
    batch->finished = true;
    batch->done->cancel();
    batch->done.reset();
  }

  BatchFunction batch_;
  std::size_t max_batch_size_;
  std::shared_ptr<Batch> pending_;
  std::map<Key, Slot, std::less<>> cache_;
  std::size_t batch_count_ = 0;
};

}  // namespace myspace::graphql
