// vt::profile: the file format (parse, merge, format), the names taken from
// function_name(), and the counting protocol (first inspection, threads,
// flush deltas).
#include <vt/detail/profile_format.hpp>
#include <vt/profile.hpp>
#include <vt/vt.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>

namespace {

using vt::detail::ProfileEntry;
using vt::detail::ProfiledKind;

ProfileEntry entry(std::string function, std::uint64_t calls, std::uint64_t sync,
                   ProfiledKind kind = ProfiledKind::value_task) {
  ProfileEntry e;
  e.function = function;
  e.signature = "vt::ValueTask<int> " + function + "(int)";
  e.file = "src/shop.cpp";
  e.line = 10;
  e.kind = kind;
  e.calls = calls;
  e.sync = sync;
  return e;
}

TEST(ProfileNames, QualifiedNameFromClangAndGccSignatures) {
  using vt::detail::qualified_name_of;
  EXPECT_EQ(qualified_name_of("vt::ValueTask<int> shop::Catalog::get(int) const"), "shop::Catalog::get");
  EXPECT_EQ(qualified_name_of("vt::Task<std::basic_string<char> > cfg::get(const std::string &)"), "cfg::get");
  EXPECT_EQ(qualified_name_of("R ns::C::tmpl(T) [T = double]"), "ns::C::tmpl");
  EXPECT_EQ(qualified_name_of("R ns::C::tmpl(T) [with T = double]"), "ns::C::tmpl");
  EXPECT_EQ(qualified_name_of("vt::Task<int> ns::Box<int>::get()"), "ns::Box::get");
  EXPECT_EQ(qualified_name_of("vt::Task<> {anonymous}::helper()"), "(anonymous namespace)::helper");
  EXPECT_EQ(qualified_name_of("vt::Task<> (anonymous namespace)::helper()"), "(anonymous namespace)::helper");
  EXPECT_EQ(qualified_name_of("vt::Task<void (*)(int)> f(void (*)(int))"), "f");
  EXPECT_EQ(qualified_name_of("no_parameters"), "no_parameters");
}

TEST(ProfileFormat, RoundTrips) {
  std::vector<ProfileEntry> entries{entry("a", 10, 3), entry("b", 5, 5, ProfiledKind::task)};
  entries[0].file = "dir/\"quoted\"\\file.cpp";
  std::vector<ProfileEntry> read;
  std::string error;
  ASSERT_TRUE(vt::detail::parse_profile(vt::detail::format_profile(entries), read, error)) << error;
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].file, "dir/\"quoted\"\\file.cpp");
  EXPECT_EQ(read[0].calls, 10u);
  EXPECT_EQ(read[0].sync, 3u);
  EXPECT_EQ(read[1].kind, ProfiledKind::task);
}

TEST(ProfileFormat, MergeAddsEqualKeysAndKeepsTheSmallestLine) {
  std::vector<ProfileEntry> into{entry("a", 10, 3)};
  ProfileEntry more = entry("a", 5, 5);
  more.line = 7;
  vt::detail::merge_profile(into, {more, entry("b", 1, 0)});
  ASSERT_EQ(into.size(), 2u);
  EXPECT_EQ(into[0].calls, 15u);
  EXPECT_EQ(into[0].sync, 8u);
  EXPECT_EQ(into[0].line, 7u);
}

TEST(ProfileFormat, MergeKeepsLambdasOfOneFunctionApartByLine) {
  // Every lambda of main() has the same signature: only the line tells them
  // apart, while a named function's places still merge whatever their line.
  auto lambda = [](std::uint32_t line, std::uint64_t calls) {
    ProfileEntry e = entry("main()::(anonymous class)::operator()", calls, 0, ProfiledKind::task);
    e.signature = "auto main()::(anonymous class)::operator()(int) const";
    e.line = line;
    return e;
  };
  std::vector<ProfileEntry> into{lambda(9, 10), lambda(12, 20)};
  vt::detail::merge_profile(into, {lambda(12, 1), lambda(30, 2)});
  ASSERT_EQ(into.size(), 3u);
  EXPECT_EQ(into[0].calls, 10u);
  EXPECT_EQ(into[1].calls, 21u);
  EXPECT_EQ(into[2].line, 30u);
  EXPECT_TRUE(vt::detail::is_lambda_signature("main()::<lambda(int)>"));
  EXPECT_FALSE(vt::detail::is_lambda_signature("vt::Task<int> shop::get(int)"));
  EXPECT_EQ(vt::detail::lambda_depth("auto f()::(anonymous class)::operator()(int)::(anonymous class)::operator()() const"), 2u);
  EXPECT_EQ(vt::detail::lambda_depth("f()::<lambda(int)>::<lambda()>"), 2u);
}

TEST(ProfileFormat, RejectsMalformedFilesWithOneLine) {
  const char *bad[] = {
      "",
      "[]",
      "{\"format\": \"vt-profile\", \"version\": 2, \"functions\": []}",
      "{\"format\": \"other\", \"version\": 1, \"functions\": []}",
      "{\"format\": \"vt-profile\", \"version\": 1}",
      "{\"format\": \"vt-profile\", \"version\": 1, \"functions\": [{}]}",
      "{\"format\": \"vt-profile\", \"version\": 1, \"functions\": [{\"function\": \"f\", \"signature\": \"\", "
      "\"file\": \"f.cpp\", \"line\": 1, \"returns\": \"Task\", \"calls\": 1, \"sync\": 2}]}",
      "{\"format\": \"vt-profile\", \"version\": 1, \"functions\": [{\"function\": \"f\", \"signature\": \"\", "
      "\"file\": \"f.cpp\", \"line\": 1, \"returns\": \"Task\", \"calls\": -1, \"sync\": 0}]}",
      "{\"format\": \"vt-profile\" \"version\": 1}",
      "{\"format\": \"vt-profile\", \"version\": 1, \"functions\": []} trailing",
      "{\"a\": \"\\ud800\"}",
      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
  };
  for (const char *text : bad) {
    std::vector<ProfileEntry> entries;
    std::string error;
    EXPECT_FALSE(vt::detail::parse_profile(text, entries, error)) << text;
    EXPECT_FALSE(error.empty()) << text;
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  }
}

std::string read_all(const std::string &path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<ProfileEntry> read_profile(const std::string &path) {
  std::vector<ProfileEntry> entries;
  std::string error;
  EXPECT_TRUE(vt::detail::parse_profile(read_all(path), entries, error)) << error;
  return entries;
}

const ProfileEntry *find(const std::vector<ProfileEntry> &entries, std::string_view function) {
  for (const ProfileEntry &e : entries)
    if (e.function == function)
      return &e;
  return nullptr;
}

std::string temp_profile(const char *name) {
  std::string path = ::testing::TempDir() + "vt-profile-" + name + "-" + std::to_string(::getpid()) + ".json";
  std::remove(path.c_str());
  return path;
}

vt::Task<int> waits_for(vt::Task<int> gate) { co_return co_await gate; }

vt::ValueTask<int> counted_lookup(bool hit, vt::Task<int> gate) {
  if (hit)
    return 1;
  return waits_for(std::move(gate));
}

vt::ValueTask<int> counted_in_flushes() { return 2; }
vt::ValueTask<int> counted_coroutine(vt::Task<int> gate) { co_return co_await gate; }
vt::Task<int> counted_on_threads() { co_return 3; }

} // namespace

TEST(ProfileCounting, FirstInspectionDecidesSynchronous) {
  std::string path = temp_profile("inspection");
  vt::profile::start(path);
  vt::TaskCompletionSource<int> gate;
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(counted_lookup(true, gate.task()).result(), 1);
  vt::ValueTask<int> pending = counted_lookup(false, gate.task());
  EXPECT_FALSE(pending.is_completed()); // first inspection: pending
  gate.set_result(5);
  EXPECT_EQ(pending.as_task().get(), 5);
  vt::profile::stop();

  std::vector<ProfileEntry> entries = read_profile(path);
  const ProfileEntry *lookup = find(entries, "(anonymous namespace)::counted_lookup");
  ASSERT_NE(lookup, nullptr) << read_all(path);
  EXPECT_EQ(lookup->kind, ProfiledKind::value_task);
  EXPECT_EQ(lookup->calls, 4u);
  EXPECT_EQ(lookup->sync, 3u);
  const ProfileEntry *waits = find(entries, "(anonymous namespace)::waits_for");
  ASSERT_NE(waits, nullptr);
  EXPECT_EQ(waits->kind, ProfiledKind::task);
  EXPECT_EQ(waits->calls, 1u);
  EXPECT_EQ(waits->sync, 0u);
}

TEST(ProfileCounting, FlushWritesOnlyWhatIsNewAndRunsAddUp) {
  std::string path = temp_profile("flush");
  vt::profile::start(path);
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(counted_in_flushes().result(), 2);
  vt::profile::flush();
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(counted_in_flushes().result(), 2);
  vt::profile::flush();
  vt::profile::flush(); // nothing new: no change
  vt::profile::stop();
  EXPECT_FALSE(vt::profile::active());
  EXPECT_EQ(counted_in_flushes().result(), 2); // not recorded: stopped
  vt::profile::flush();
  std::vector<ProfileEntry> entries = read_profile(path);
  const ProfileEntry *counted = find(entries, "(anonymous namespace)::counted_in_flushes");
  ASSERT_NE(counted, nullptr);
  EXPECT_EQ(counted->calls, 5u);
  EXPECT_EQ(counted->sync, 5u);
}

TEST(ProfileCounting, EveryThreadCountsIncludingExitedOnes) {
  std::string path = temp_profile("threads");
  vt::profile::start(path);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([] {
      for (int i = 0; i < 1000; ++i)
        (void)counted_on_threads().get();
    });
  for (std::thread &thread : threads)
    thread.join();
  vt::profile::stop();
  std::vector<ProfileEntry> entries = read_profile(path);
  const ProfileEntry *counted = find(entries, "(anonymous namespace)::counted_on_threads");
  ASSERT_NE(counted, nullptr);
  EXPECT_EQ(counted->calls, 4000u);
  EXPECT_EQ(counted->sync, 4000u);
}

TEST(ProfileCounting, AMalformedExistingFileIsLeftAlone) {
  std::string path = temp_profile("malformed");
  { std::ofstream(path) << "not json"; }
  vt::profile::start(path);
  EXPECT_EQ(counted_in_flushes().result(), 2);
  vt::profile::stop();
  EXPECT_EQ(read_all(path), "not json");
}

namespace {
int not_a_value_task_function() {
  vt::ValueTask<int> local(5); // built here, but main-like functions are not profiled
  return local.result();
}
int takes_a_value_task(vt::ValueTask<int> value) { return value.result(); }
} // namespace

TEST(ProfileCounting, ValueTasksBuiltInOtherFunctionsAreNotTheirCalls) {
  std::string path = temp_profile("other-functions");
  vt::profile::start(path);
  EXPECT_EQ(not_a_value_task_function(), 5);
  EXPECT_EQ(takes_a_value_task(vt::ValueTask<int>(6)), 6);
  vt::profile::stop();
  std::vector<ProfileEntry> entries = read_profile(path);
  EXPECT_EQ(find(entries, "(anonymous namespace)::not_a_value_task_function"), nullptr) << read_all(path);
  EXPECT_EQ(find(entries, "(anonymous namespace)::takes_a_value_task"), nullptr);
}

TEST(ProfileCounting, ValueTaskCoroutineInspectedOnAnotherThread) {
  std::string path = temp_profile("coroutine-threads");
  vt::profile::start(path);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(counted_coroutine(vt::from_result(i)).result(), i);
  vt::TaskCompletionSource<int> gate;
  vt::ValueTask<int> pending = counted_coroutine(gate.task());
  // The first look happens on a thread that has never counted this function.
  std::thread([&] { EXPECT_FALSE(pending.is_completed()); }).join();
  gate.set_result(7);
  EXPECT_EQ(pending.as_task().get(), 7);
  vt::profile::stop();
  std::vector<ProfileEntry> entries = read_profile(path);
  const ProfileEntry *counted = find(entries, "(anonymous namespace)::counted_coroutine");
  ASSERT_NE(counted, nullptr) << read_all(path);
  EXPECT_EQ(counted->kind, ProfiledKind::value_task);
  EXPECT_EQ(counted->calls, 4u);
  EXPECT_EQ(counted->sync, 3u);
}
