// Ordered parallel work for the serial tail of a run (analytics, export): items made by several
// threads, used in item order by the calling thread.
//
//   OrderedParallel<std::string>(blocks, threads, /*window=*/4,
//       [&](size_t b) { return SerializeBlock(b); },                 // any thread
//       [&](size_t b, std::string&& s) { return Write(s); });       // the caller, b = 0, 1, ...
//
// The result depends on the items only, never on the thread count: `use` sees every item in
// index order, so a floating-point sum over items is the same bits for any `threads`. The items
// must be cut independently of the thread count (fixed block sizes) for that to hold.
//
// At most `window` items are made ahead of the one being used, so memory holds a few items,
// not all of them. The caller's thread makes items too (threads - 1 helpers are started), and
// uses each as soon as it is its turn.
//
// THREAD SAFETY: `make` is called concurrently from several threads for distinct indices;
// `use` is called from the calling thread only, one item at a time. When `use` returns false
// no further item is used (the ones being made are finished and dropped) and the call returns
// false; otherwise it returns true.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kg {

template <typename T, typename Make, typename Use>
bool OrderedParallel(size_t count, int threads, size_t window, Make make, Use use) {
  const size_t helpers =
      std::min(static_cast<size_t>(std::max(threads, 1)) - 1, count > 0 ? count - 1 : 0);
  if (helpers == 0) {
    for (size_t i = 0; i < count; ++i) {
      if (!use(i, make(i))) return false;
    }
    return true;
  }
  window = std::max<size_t>(window, 1);
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::optional<T>> ready(window);  // item i in ready[i % window]
  size_t next = 0;                              // the next item to make
  size_t used = 0;                              // items used so far
  bool stop = false;
  // Takes the next item within the window, makes it (unlocked) and stores it; false when none
  // may be taken now.
  auto make_one = [&](std::unique_lock<std::mutex>& lock) {
    if (stop || next >= count || next >= used + window) return false;
    const size_t i = next++;
    lock.unlock();
    T item = make(i);
    lock.lock();
    ready[i % window].emplace(std::move(item));
    cv.notify_all();
    return true;
  };
  auto helper = [&] {
    std::unique_lock<std::mutex> lock(mu);
    while (!stop && next < count) {
      if (!make_one(lock)) cv.wait(lock);
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(helpers);
  for (size_t h = 0; h < helpers; ++h) pool.emplace_back(helper);
  bool ok = true;
  {
    std::unique_lock<std::mutex> lock(mu);
    while (used < count) {
      std::optional<T>& slot = ready[used % window];
      if (slot) {
        T item = std::move(*slot);
        slot.reset();
        lock.unlock();
        ok = use(used, std::move(item));
        lock.lock();
        ++used;
        cv.notify_all();  // the window moved on
        if (!ok) break;
      } else if (!make_one(lock)) {
        cv.wait(lock);
      }
    }
    stop = true;
  }
  cv.notify_all();
  for (std::thread& t : pool) t.join();
  return ok;
}

}  // namespace kg
