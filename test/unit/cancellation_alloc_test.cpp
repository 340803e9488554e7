// Cancellation allocates nothing on its hot paths: a registration holds its
// callback inline (vt/cancellation_registration.hpp). Counted with a
// replaced global operator new, so this binary has nothing else in it.
#include <vt/cancellation.hpp>

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <new>

#include "counting_new.hpp"

namespace {

#define SKIP_UNLESS_COUNTING()                                                       \
  if (!VT_TEST_COUNTS_ALLOCATIONS)                                                  \
  GTEST_SKIP() << "operator new is not ours to count under ThreadSanitizer"

using counting_new::allocations_during;

TEST(CancellationAllocations, RegisterAndDisposeAllocateNothing) {
  SKIP_UNLESS_COUNTING();
  vt::CancellationTokenSource source;
  const vt::CancellationToken token = source.token();
  int runs = 0;
  auto shared = std::make_shared<int>(0);
  EXPECT_EQ(allocations_during([&] {
              for (int i = 0; i < 100; ++i) {
                auto by_reference = token.register_callback([&runs] { ++runs; });
                auto owning = token.register_callback([shared, &runs] { runs += *shared; });
              }
            }),
            0);
  EXPECT_EQ(runs, 0);
}

TEST(CancellationAllocations, CancelWithManyCallbacksAllocatesNothing) {
  SKIP_UNLESS_COUNTING();
  vt::CancellationTokenSource source;
  int runs = 0;
  std::vector<vt::CancellationRegistration> registrations;
  registrations.reserve(1000);
  for (int i = 0; i < 1000; ++i)
    registrations.push_back(source.token().register_callback([&runs] { ++runs; }));
  EXPECT_EQ(allocations_during([&] { source.cancel(); }), 0);
  EXPECT_EQ(runs, 1000);
}

TEST(CancellationAllocations, LinkedSourceAllocatesOnlyItsState) {
  SKIP_UNLESS_COUNTING();
  vt::CancellationTokenSource parent;
  EXPECT_EQ(allocations_during([&] {
              auto linked = vt::CancellationTokenSource::create_linked({parent.token()});
            }),
            1);
}

TEST(CancellationAllocations, OnlyABigCallableIsBoxed) {
  SKIP_UNLESS_COUNTING();
  vt::CancellationTokenSource source;
  std::array<long, 16> big{};
  long seen = 0;
  EXPECT_EQ(allocations_during([&] { auto boxed = source.token().register_callback([big, &seen] { seen = big[0]; }); }),
            1);
}

} // namespace
