// vt::profile: per-function call counts and synchronous completions.
//
// Layout:
//   Registry (one, never destroyed so that threads exiting late can still
//   hand in their counts): the interned sites, the live threads' counters,
//   the output path. Guarded by Registry::mutex, which the hot path never
//   takes.
//   ThreadCounters (one per recording thread, thread_local): a slot per
//   site this thread has recorded, found by the site's index (a
//   ValueTask's ProfileSiteId is that index + 1).
//   Recent / seen (thread_local): from a creation place (a
//   std::source_location) to its site and this thread's slot, so a hot
//   place costs one compare and no string is read after its first call.
//
// Counting protocol (see also vt/detail/profile_site.hpp):
//  1. The owner thread bumps its slot's two counters with a relaxed load
//     and a relaxed store: it is the only writer, so no read-modify-write
//     is needed, and the atomics only make the flusher's concurrent reads
//     well defined (a flush sees a slightly older count, never a torn one).
//  2. Adding a slot (first call of a site on this thread) takes the
//     thread's own mutex, which only a flusher also takes: slots live in a
//     deque, so existing slots never move.
//  3. A thread that exits adds its counts to its sites' retired totals
//     under Registry::mutex and unregisters.
//  4. flush() sums retired totals and every live thread's slots, writes the
//     part not yet written (total - flushed) merged into the file, and
//     advances `flushed`: flushing twice never counts a call twice.
//  5. The file is written under an exclusive flock on "<path>.lock" (two
//     processes exiting at once merge one after the other), to a temporary
//     file renamed over the old one (a reader never sees half a file).
#include <vt/detail/profile_format.hpp>
#include <vt/detail/profile_site.hpp>
#include <vt/profile.hpp>

#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace vt::detail {

std::atomic<bool> profiling_enabled{false};

struct ProfileSite {
  std::size_t index = 0;
  ProfileEntry entry; // calls/sync unused here: the counts live below
  // Guarded by Registry::mutex.
  std::uint64_t retired_calls = 0, retired_sync = 0; // from exited threads
  std::uint64_t flushed_calls = 0, flushed_sync = 0; // already in the file
};

namespace {

struct ThreadCounters;

struct Registry {
  std::mutex mutex;
  std::string path; // empty: never started
  /// By (signature, file, kind, lambda line): a named function's places
  /// (several `return ValueTask(...)`s, every instantiation of a template)
  /// are one entry; lambdas share their spelled name with every other lambda
  /// of the enclosing function, so each is told apart by its line.
  std::map<std::tuple<std::string, std::string, ProfiledKind, std::uint32_t>, std::unique_ptr<ProfileSite>> sites;
  std::vector<ProfileSite *> sites_by_index; // a ProfileSiteId is an index + 1
  std::vector<ThreadCounters *> threads;
};

Registry &registry() {
  static Registry *const instance = new Registry; // never destroyed: see the layout above
  return *instance;
}

struct Slot {
  ProfileSite *site;
  std::atomic<std::uint64_t> calls{0};
  std::atomic<std::uint64_t> sync{0};
  explicit Slot(ProfileSite *s) : site(s) {}
};

struct ThreadCounters {
  std::mutex mutex; // the owner adding a slot, or a flusher reading them
  std::deque<Slot> slots;
  std::vector<Slot *> by_site; // owner only: site index -> slot

  ThreadCounters() {
    std::lock_guard lock(registry().mutex);
    registry().threads.push_back(this);
  }
  ~ThreadCounters() {
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    for (Slot &slot : slots) {
      slot.site->retired_calls += slot.calls.load(std::memory_order_relaxed);
      slot.site->retired_sync += slot.sync.load(std::memory_order_relaxed);
    }
    std::erase(r.threads, this);
  }

  Slot &slot_for(ProfileSite *site) {
    if (Slot *known = slot_at(site->index))
      return *known;
    std::lock_guard lock(mutex);
    Slot &slot = slots.emplace_back(site);
    if (by_site.size() <= site->index)
      by_site.resize(site->index + 1, nullptr);
    by_site[site->index] = &slot;
    return slot;
  }

  /// This thread's slot for the site with this index, if it has one.
  Slot *slot_at(std::size_t index) const noexcept { return index < by_site.size() ? by_site[index] : nullptr; }
};

/// The runtime's own coroutines (as_task's adapter, the combinators) are
/// not the user's functions: their sites are in vt's headers.
bool is_runtime_file(std::string_view file) {
  if (!file.ends_with(".hpp"))
    return false;
  std::string_view directory = file.substr(0, file.rfind('/') == std::string_view::npos ? 0 : file.rfind('/'));
  return directory == "vt" || directory.ends_with("/vt") || directory == "vt/detail" ||
         directory.ends_with("/vt/detail");
}

/// A plain function's value task counts only where the function returns
/// one: clang and GCC both print the return type in function_name(), before
/// the first '(' (the parameters, which may mention ValueTask too, follow).
bool returns_value_task(std::string_view signature) {
  return signature.substr(0, signature.find('(')).find("ValueTask") != std::string_view::npos;
}

/// Interns a function (under Registry::mutex): null for the runtime's own
/// functions and for value tasks built in functions that do not return one.
ProfileSite *intern(const std::source_location &where, ProfiledKind kind, bool trusted) {
  if (is_runtime_file(where.file_name()) || !(trusted || returns_value_task(where.function_name())))
    return nullptr;
  std::string signature(signature_without_template_arguments(where.function_name()));
  Registry &r = registry();
  std::lock_guard lock(r.mutex);
  auto &site = r.sites[{signature, where.file_name(), kind, key_line(signature, where.line())}];
  if (!site) {
    site = std::make_unique<ProfileSite>();
    site->index = r.sites_by_index.size();
    site->entry.function = qualified_name_of(signature);
    site->entry.signature = std::move(signature);
    site->entry.file = where.file_name();
    site->entry.kind = kind;
    r.sites_by_index.push_back(site.get());
  }
  if (site->entry.line == 0 || (where.line() != 0 && where.line() < site->entry.line))
    site->entry.line = where.line();
  return site.get();
}

ThreadCounters &local_counters();

/// One place in the code that creates profiled handles. A
/// std::source_location is, in libstdc++ and libc++ alike, one pointer to a
/// constant the compiler emits per place (file, function, line, column):
/// that pointer identifies the place without reading its strings.
struct Place {
  const void *location = nullptr;
  ProfiledKind kind = ProfiledKind::task;
  bool trusted = false;
  bool operator==(const Place &) const = default;
};
static_assert(sizeof(std::source_location) == sizeof(const void *) &&
                  std::is_trivially_copyable_v<std::source_location>,
              "vt::profile identifies a place by its std::source_location's one pointer");

struct PlaceHash {
  std::size_t operator()(const Place &place) const noexcept {
    auto bits = reinterpret_cast<std::uintptr_t>(place.location);
    return static_cast<std::size_t>((bits >> 3) ^ (bits >> 11) ^ (static_cast<unsigned>(place.kind) << 1) ^
                                    static_cast<unsigned>(place.trusted));
  }
};

/// What a thread knows about a place: its site (null: not profiled) and
/// this thread's counter slot for it.
struct PlaceInfo {
  ProfileSite *site = nullptr;
  Slot *slot = nullptr;
};

/// Per thread, so no lock: a direct-mapped cache answers a hot place with
/// one compare (lookup, inlined into the hooks); behind it, a map of every
/// place this thread has seen; only a place's first call on a thread takes
/// Registry::mutex (intern) and the thread's own mutex (its new slot).
struct Recent {
  Place place;
  PlaceInfo info;
};
constexpr std::size_t recent_slots = 256;
thread_local Recent recent[recent_slots]; // constant-initialised: no guard

[[gnu::noinline]] PlaceInfo lookup_slow(Recent &entry, const Place &place, std::source_location where) {
  thread_local std::unordered_map<Place, PlaceInfo, PlaceHash> seen;
  auto [found, is_new] = seen.try_emplace(place);
  if (is_new) {
    found->second.site = intern(where, place.kind, place.trusted);
    if (found->second.site != nullptr)
      found->second.slot = &local_counters().slot_for(found->second.site);
  }
  entry = {place, found->second};
  return found->second;
}

inline PlaceInfo lookup(std::source_location where, ProfiledKind kind, bool trusted) {
  Place place{std::bit_cast<const void *>(where), kind, trusted};
  Recent &entry = recent[PlaceHash()(place) % recent_slots];
  if (entry.place == place) [[likely]]
    return entry.info;
  return lookup_slow(entry, place, where);
}

/// Step 1: single writer, relaxed load + store.
void count(Slot &slot, bool completed) noexcept {
  slot.calls.store(slot.calls.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  if (completed)
    slot.sync.store(slot.sync.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

ThreadCounters &local_counters() {
  thread_local ThreadCounters counters;
  return counters;
}

bool read_file(const std::string &path, std::string &text) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return true;
}

/// Holds an exclusive flock on "<path>.lock" for its lifetime.
class FileLock {
public:
  explicit FileLock(const std::string &path) : fd_(::open((path + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ >= 0)
      while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
      }
  }
  ~FileLock() {
    if (fd_ >= 0)
      ::close(fd_); // releases the lock
  }
  FileLock(const FileLock &) = delete;
  FileLock &operator=(const FileLock &) = delete;

private:
  int fd_;
};

void complain(const std::string &path, const std::string &why) {
  std::fprintf(stderr, "vt::profile: cannot write '%s': %s\n", path.c_str(), why.c_str());
}

/// Step 4 of the protocol. Caller holds Registry::mutex.
void flush_locked(Registry &r) {
  if (r.path.empty())
    return;
  struct Total {
    ProfileSite *site;
    std::uint64_t calls, sync;
  };
  std::vector<Total> totals(r.sites.size()); // by site index
  for (auto &[key, site] : r.sites)
    totals[site->index] = {site.get(), site->retired_calls, site->retired_sync};
  for (ThreadCounters *thread : r.threads) {
    std::lock_guard lock(thread->mutex);
    for (Slot &slot : thread->slots) {
      totals[slot.site->index].calls += slot.calls.load(std::memory_order_relaxed);
      totals[slot.site->index].sync += slot.sync.load(std::memory_order_relaxed);
    }
  }
  std::vector<ProfileEntry> fresh;
  for (const Total &total : totals) {
    ProfileSite &site = *total.site;
    if (total.calls == site.flushed_calls)
      continue;
    ProfileEntry entry = site.entry;
    entry.calls = total.calls - site.flushed_calls;
    entry.sync = total.sync - site.flushed_sync;
    fresh.push_back(std::move(entry));
  }

  FileLock lock(r.path);
  std::vector<ProfileEntry> merged;
  std::string existing;
  bool exists = read_file(r.path, existing);
  if (fresh.empty() && exists)
    return;
  if (exists && !existing.empty()) {
    std::string error;
    if (!parse_profile(existing, merged, error)) {
      complain(r.path, "the existing file is not a vt profile (" + error + "); left unchanged");
      return;
    }
  }
  merge_profile(merged, fresh);
  std::string temporary = r.path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << format_profile(std::move(merged));
    out.flush();
    if (!out) {
      complain(r.path, "cannot write the temporary file '" + temporary + "'");
      std::remove(temporary.c_str());
      return;
    }
  }
  if (std::rename(temporary.c_str(), r.path.c_str()) != 0) {
    complain(r.path, "cannot rename the temporary file over it");
    std::remove(temporary.c_str());
    return;
  }
  for (const Total &total : totals) {
    total.site->flushed_calls = total.calls;
    total.site->flushed_sync = total.sync;
  }
}

/// VT_PROFILE starts profiling before main; the profile is written when
/// the program exits normally (this object's destructor).
struct StartFromEnvironment {
  StartFromEnvironment() {
    if (const char *path = std::getenv("VT_PROFILE"); path != nullptr && *path != '\0')
      vt::profile::start(path);
  }
  ~StartFromEnvironment() { vt::profile::flush(); }
} start_from_environment;

} // namespace

ProfileSite *task_profile_site(std::source_location where) noexcept {
  try {
    return lookup(where, ProfiledKind::task, /*trusted=*/true).site;
  } catch (...) {
    return nullptr; // out of memory: this call goes unrecorded
  }
}

ProfileSiteId value_task_profile_site(std::source_location where, bool from_coroutine) noexcept {
  try {
    ProfileSite *site = lookup(where, ProfiledKind::value_task, from_coroutine).site;
    return site == nullptr ? 0 : static_cast<ProfileSiteId>(site->index + 1);
  } catch (...) {
    return 0;
  }
}

void record_ready_value_task_call(std::source_location where) noexcept {
  try {
    if (Slot *slot = lookup(where, ProfiledKind::value_task, /*trusted=*/false).slot)
      count(*slot, /*completed=*/true);
  } catch (...) {
    // Out of memory for a new place or slot: this call goes unrecorded.
  }
}

void record_call(ProfileSite *site, bool completed) noexcept {
  try {
    count(local_counters().slot_for(site), completed);
  } catch (...) {
  }
}

void record_call(ProfileSiteId id, bool completed) noexcept {
  try {
    std::size_t index = id - 1;
    ThreadCounters &counters = local_counters();
    if (Slot *slot = counters.slot_at(index)) [[likely]] {
      count(*slot, completed);
      return;
    }
    ProfileSite *site;
    {
      Registry &r = registry();
      std::lock_guard lock(r.mutex);
      site = r.sites_by_index.at(index);
    }
    count(counters.slot_for(site), completed);
  } catch (...) {
  }
}

} // namespace vt::detail

namespace vt::profile {

void start(std::string path) {
  detail::Registry &r = detail::registry();
  std::lock_guard lock(r.mutex);
  if (!r.path.empty() && r.path != path)
    detail::flush_locked(r);
  r.path = std::move(path);
  detail::profiling_enabled.store(true, std::memory_order_relaxed);
}

void stop() {
  detail::Registry &r = detail::registry();
  std::lock_guard lock(r.mutex);
  detail::profiling_enabled.store(false, std::memory_order_relaxed);
  detail::flush_locked(r);
}

void flush() {
  detail::Registry &r = detail::registry();
  std::lock_guard lock(r.mutex);
  detail::flush_locked(r);
}

bool active() noexcept { return detail::profiling_enabled.load(std::memory_order_relaxed); }

} // namespace vt::profile
