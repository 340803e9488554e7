// The cancellation API's edges: moves, moved-from sources, token identity,
// registration ownership, and what a destroyed source leaves behind.
#include <vt/cancellation.hpp>
#include <vt/errors.hpp>

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;

TEST(CancellationToken, NoneIsNeverCanceled) {
  const vt::CancellationToken none = vt::CancellationToken::none();
  EXPECT_FALSE(none.is_cancellation_requested());
  EXPECT_FALSE(none.can_be_canceled());
  EXPECT_NO_THROW(none.throw_if_cancellation_requested());
  EXPECT_EQ(none, vt::CancellationToken());
  bool ran = false;
  auto registration = none.register_callback([&] { ran = true; });
  EXPECT_FALSE(registration.unregister());
  EXPECT_FALSE(ran);
}

TEST(CancellationToken, CopiesObserveTheSameSource) {
  vt::CancellationTokenSource source;
  const vt::CancellationToken token = source.token();
  const vt::CancellationToken copy = token;
  vt::CancellationTokenSource other;
  EXPECT_EQ(copy, source.token());
  EXPECT_NE(copy, other.token());
  EXPECT_NE(copy, vt::CancellationToken::none());
  source.cancel();
  EXPECT_TRUE(copy.is_cancellation_requested());
  EXPECT_FALSE(other.token().is_cancellation_requested());
}

TEST(CancellationToken, ThrowCarriesTheToken) {
  vt::CancellationTokenSource source;
  source.cancel();
  try {
    source.token().throw_if_cancellation_requested();
    FAIL() << "did not throw";
  } catch (const std::runtime_error& error) {
    const auto* canceled = dynamic_cast<const vt::OperationCanceledError*>(&error);
    ASSERT_NE(canceled, nullptr);
    EXPECT_EQ(canceled->token(), source.token());
    EXPECT_EQ(std::string(error.what()), "the operation was canceled");
  }
}

TEST(OperationCanceledError, DefaultsAndCustomMessage) {
  const vt::OperationCanceledError plain;
  EXPECT_EQ(plain.token(), vt::CancellationToken::none());
  vt::CancellationTokenSource source;
  const vt::OperationCanceledError custom(source.token(), "stopped by user");
  EXPECT_EQ(std::string(custom.what()), "stopped by user");
  EXPECT_EQ(custom.token(), source.token());
  const vt::OperationCanceledError message_only("stopped by timeout");
  EXPECT_EQ(std::string(message_only.what()), "stopped by timeout");
  EXPECT_EQ(message_only.token(), vt::CancellationToken::none());
  const vt::OperationCanceledError message_first("stopped", source.token());
  EXPECT_EQ(message_first.token(), source.token());
}

TEST(CancellationTokenSource, MovedSourceKeepsItsTokensAndCallbacks) {
  vt::CancellationTokenSource original;
  const vt::CancellationToken token = original.token();
  int runs = 0;
  auto registration = token.register_callback([&] { ++runs; });
  vt::CancellationTokenSource moved = std::move(original);
  EXPECT_EQ(moved.token(), token);
  moved.cancel();
  EXPECT_EQ(runs, 1);
  EXPECT_TRUE(token.is_cancellation_requested());
}

TEST(CancellationTokenSource, MovedFromSourceRejectsUse) {
  vt::CancellationTokenSource original;
  vt::CancellationTokenSource moved = std::move(original);
  EXPECT_FALSE(original.is_cancellation_requested());  // NOLINT(bugprone-use-after-move)
  EXPECT_THROW(original.token(), vt::InvalidOperationError);
  EXPECT_THROW(original.cancel(), vt::InvalidOperationError);
  EXPECT_THROW(original.cancel_after(1ms), vt::InvalidOperationError);
  original = vt::CancellationTokenSource();
  EXPECT_NO_THROW(original.cancel());
}

TEST(CancellationTokenSource, MoveAssignmentClosesTheOverwrittenSource) {
  vt::CancellationTokenSource target(200ms);
  const vt::CancellationToken old_token = target.token();
  target = vt::CancellationTokenSource();
  std::this_thread::sleep_for(400ms);
  EXPECT_FALSE(old_token.is_cancellation_requested()) << "the overwritten source's timer still fired";
  EXPECT_FALSE(old_token.can_be_canceled());
}

TEST(CancellationTokenSource, DestroyedWithoutCancelLeavesATokenThatCannotBeCanceled) {
  vt::CancellationToken token;
  {
    vt::CancellationTokenSource source;
    token = source.token();
    EXPECT_TRUE(token.can_be_canceled());
  }
  EXPECT_FALSE(token.can_be_canceled());
  EXPECT_FALSE(token.is_cancellation_requested());
  bool ran = false;
  auto registration = token.register_callback([&] { ran = true; });
  EXPECT_FALSE(ran);
}

TEST(CancellationTokenSource, DestroyedAfterCancelStaysCanceled) {
  vt::CancellationToken token;
  {
    vt::CancellationTokenSource source;
    token = source.token();
    source.cancel();
  }
  EXPECT_TRUE(token.is_cancellation_requested());
  EXPECT_TRUE(token.can_be_canceled());
  bool ran = false;
  auto registration = token.register_callback([&] { ran = true; });
  EXPECT_TRUE(ran);
}

TEST(CancellationTokenSource, CancelAfterIsIgnoredOnceCanceled) {
  vt::CancellationTokenSource source;
  source.cancel();
  EXPECT_NO_THROW(source.cancel_after(1ms));
  EXPECT_TRUE(source.is_cancellation_requested());
}

TEST(CancellationTokenSource, LinkedToNothingCancelsOnlyItself) {
  auto linked = vt::CancellationTokenSource::create_linked({});
  EXPECT_TRUE(linked.token().can_be_canceled());
  EXPECT_FALSE(linked.is_cancellation_requested());
  linked.cancel();
  EXPECT_TRUE(linked.is_cancellation_requested());
}

TEST(CancellationTokenSource, LinkedSourceMayBeMovedBeforeItsParentCancels) {
  vt::CancellationTokenSource parent;
  std::vector<vt::CancellationTokenSource> sources;
  sources.push_back(vt::CancellationTokenSource::create_linked({parent.token()}));
  sources.push_back(vt::CancellationTokenSource::create_linked({parent.token()}));  // may reallocate
  parent.cancel();
  EXPECT_TRUE(sources[0].is_cancellation_requested());
  EXPECT_TRUE(sources[1].is_cancellation_requested());
}

/// A linked source with everything that references its state: when the
/// last callback destroys it, nothing but the forwarding callback's parked
/// reference keeps the state alive while the child's cancel() goes on.
struct LinkedWithCallbacks {
  vt::CancellationTokenSource linked;
  vt::CancellationRegistration later;
  vt::CancellationRegistration destroyer;
};

TEST(CancellationTokenSource, ACallbackMayDestroyItsLinkedSourceWhileTheParentForwards) {
  // cancellation_token_source.cpp, "forwarding" steps 1-3. Under ASan this
  // fails (heap-use-after-free) if the state goes with the source.
  for (const bool two_parents : {false, true}) {
    vt::CancellationTokenSource parent, other_parent;
    auto holder = std::make_unique<LinkedWithCallbacks>();
    holder->linked = two_parents
                         ? vt::CancellationTokenSource::create_linked({other_parent.token(), parent.token()})
                         : vt::CancellationTokenSource::create_linked({parent.token()});
    int later_runs = 0;
    { // No token outlives this block: only the holder references the state.
      const vt::CancellationToken child = holder->linked.token();
      holder->later = child.register_callback([&] { ++later_runs; });
      // Newest first: this runs first and destroys the source and both
      // registrations (one from inside its own callback).
      holder->destroyer = child.register_callback([&] { holder.reset(); });
    }
    parent.cancel();
    EXPECT_EQ(holder, nullptr);
    EXPECT_EQ(later_runs, 0); // Disposed (from a callback) before its turn.
    EXPECT_TRUE(parent.is_cancellation_requested());
    EXPECT_FALSE(other_parent.is_cancellation_requested());
  }
}

TEST(CancellationRegistration, MoveTransfersOwnership) {
  vt::CancellationTokenSource source;
  int runs = 0;
  vt::CancellationRegistration first = source.token().register_callback([&] { ++runs; });
  vt::CancellationRegistration second = std::move(first);
  EXPECT_FALSE(first.unregister());  // NOLINT(bugprone-use-after-move)
  first.dispose();
  source.cancel();
  EXPECT_EQ(runs, 1);
}

TEST(CancellationRegistration, MoveAssignmentDisposesTheOverwrittenCallback) {
  vt::CancellationTokenSource source;
  int first_runs = 0;
  int second_runs = 0;
  vt::CancellationRegistration registration = source.token().register_callback([&] { ++first_runs; });
  registration = source.token().register_callback([&] { ++second_runs; });
  source.cancel();
  EXPECT_EQ(first_runs, 0);
  EXPECT_EQ(second_runs, 1);
}

TEST(CancellationRegistration, DisposeIsIdempotentAndEmptyIsHarmless) {
  vt::CancellationRegistration empty;
  EXPECT_FALSE(empty.unregister());
  empty.dispose();
  vt::CancellationTokenSource source;
  int runs = 0;
  auto registration = source.token().register_callback([&] { ++runs; });
  registration.dispose();
  registration.dispose();
  EXPECT_FALSE(registration.unregister());
  source.cancel();
  EXPECT_EQ(runs, 0);
}

TEST(CancellationRegistration, MoveOnlyCallablesAreAccepted) {
  vt::CancellationTokenSource source;
  auto payload = std::make_unique<int>(7);
  int seen = 0;
  auto registration = source.token().register_callback([payload = std::move(payload), &seen] { seen = *payload; });
  source.cancel();
  EXPECT_EQ(seen, 7);
}

TEST(CancellationRegistration, CallbackStateIsReleasedOnDispose) {
  // The node (and what the callable captured) is freed when the registration
  // goes, not kept until the source is canceled or destroyed.
  vt::CancellationTokenSource source;
  auto captured = std::make_shared<int>(1);
  {
    auto registration = source.token().register_callback([captured] {});
    EXPECT_EQ(captured.use_count(), 2);
  }
  EXPECT_EQ(captured.use_count(), 1);
}

TEST(CancellationRegistration, MovingAListedRegistrationKeepsItsPlaceInTheOrder) {
  // The node lives in the registration: a move relinks it in place, so the
  // callback stays registered and the newest-first order is unchanged.
  vt::CancellationTokenSource source;
  std::string order;
  auto oldest = source.token().register_callback([&] { order += 'a'; });
  auto middle = source.token().register_callback([&] { order += 'b'; });
  auto newest = source.token().register_callback([&] { order += 'c'; });
  std::vector<vt::CancellationRegistration> moved;
  moved.push_back(std::move(middle));
  moved.push_back(std::move(oldest)); // Reallocates: moves `middle` again.
  EXPECT_EQ(vt::detail::registered_callback_count(source.token()), 3u);
  source.cancel();
  EXPECT_EQ(order, "cba");
}

TEST(CancellationRegistration, MovingARegistrationThatRanLeavesBothEmpty) {
  vt::CancellationTokenSource source;
  int runs = 0;
  auto registration = source.token().register_callback([&] { ++runs; });
  source.cancel();
  vt::CancellationRegistration moved = std::move(registration);
  EXPECT_FALSE(moved.unregister());
  EXPECT_FALSE(registration.unregister()); // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(runs, 1);
}

TEST(CancellationRegistration, CallablesTooBigToStoreInlineStillWork) {
  vt::CancellationTokenSource source;
  std::array<long, 16> big{};
  big[15] = 42;
  long seen = 0;
  auto dropped = source.token().register_callback([big, &seen] { seen = -big[15]; });
  auto kept = source.token().register_callback([big, &seen] { seen += big[15]; });
  auto moved = std::move(kept);
  dropped.dispose();
  source.cancel();
  EXPECT_EQ(seen, 42);
}

TEST(CancellationRegistration, DisposedFromInsideKeepsTheCallableUntilDestroyed) {
  // dispose() from inside the running callback does not wait and does not
  // destroy the callable under its own feet; the registration's destructor
  // does, after the callback returned.
  vt::CancellationTokenSource source;
  auto captured = std::make_shared<int>(1);
  vt::CancellationRegistration registration;
  long uses_inside = 0;
  registration = source.token().register_callback([&registration, &uses_inside, captured] {
    registration.dispose();
    uses_inside = captured.use_count();
  });
  source.cancel();
  EXPECT_EQ(uses_inside, 2);
  EXPECT_EQ(captured.use_count(), 2);
  registration = vt::CancellationRegistration();
  EXPECT_EQ(captured.use_count(), 1);
}

TEST(CancellationRegistration, RegisteredCallbackCountFollowsTheList) {
  EXPECT_EQ(vt::detail::registered_callback_count(vt::CancellationToken::none()), 0u);
  vt::CancellationTokenSource source;
  const vt::CancellationToken token = source.token();
  auto first = token.register_callback([] {});
  auto second = token.register_callback([] {});
  EXPECT_EQ(vt::detail::registered_callback_count(token), 2u);
  EXPECT_TRUE(first.unregister());
  EXPECT_EQ(vt::detail::registered_callback_count(token), 1u);
  source.cancel();
  EXPECT_EQ(vt::detail::registered_callback_count(token), 0u);
}

TEST(CancellationRegistration, CallbacksRegisteredDuringCancelRunInline) {
  vt::CancellationTokenSource source;
  std::vector<std::string> events;
  vt::CancellationRegistration late;
  auto registration = source.token().register_callback([&] {
    events.push_back("outer begins");
    late = source.token().register_callback([&] { events.push_back("registered during cancel"); });
    events.push_back("outer ends");
  });
  source.cancel();
  EXPECT_EQ(events, (std::vector<std::string>{"outer begins", "registered during cancel", "outer ends"}));
}

TEST(CancellationRegistration, CallbackCancelingItsOwnSourceDoesNotRecurse) {
  vt::CancellationTokenSource source;
  int runs = 0;
  auto registration = source.token().register_callback([&] {
    ++runs;
    source.cancel();
  });
  source.cancel();
  EXPECT_EQ(runs, 1);
}

} // namespace
