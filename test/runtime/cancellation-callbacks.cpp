// Semantic 9: callbacks run once, synchronously on the canceling thread,
// last registered first; cancel() is idempotent.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s

#include <vt/vt.hpp>

#include <cstdio>
#include <thread>
#include <vector>

int main() {
  vt::CancellationTokenSource source;
  const vt::CancellationToken token = source.token();
  std::printf("before: requested=%d can_be_canceled=%d\n", token.is_cancellation_requested(),
              token.can_be_canceled());
  // CHECK: before: requested=0 can_be_canceled=1

  std::vector<int> order;
  std::vector<std::thread::id> ran_on;
  std::vector<vt::CancellationRegistration> registrations;
  for (int i = 1; i <= 3; ++i)
    registrations.push_back(token.register_callback([i, &order, &ran_on] {
      order.push_back(i);
      ran_on.push_back(std::this_thread::get_id());
    }));

  std::thread::id canceler;
  bool returned_after_callbacks = false;
  std::thread thread([&] {
    canceler = std::this_thread::get_id();
    source.cancel();
    // Synchronous: every callback has run by the time cancel() returns.
    returned_after_callbacks = order.size() == 3;
    source.cancel();
    source.cancel();
  });
  thread.join();

  for (int i : order)
    std::printf("callback %d\n", i);
  // CHECK-NEXT: callback 3
  // CHECK-NEXT: callback 2
  // CHECK-NEXT: callback 1
  bool all_on_canceler = true;
  for (auto id : ran_on)
    all_on_canceler = all_on_canceler && id == canceler;
  std::printf("runs=%zu on canceling thread=%d synchronous=%d\n", order.size(), all_on_canceler,
              returned_after_callbacks);
  // CHECK-NEXT: runs=3 on canceling thread=1 synchronous=1
  std::printf("after: requested=%d source=%d can_be_canceled=%d\n", token.is_cancellation_requested(),
              source.is_cancellation_requested(), token.can_be_canceled());
  // CHECK-NEXT: after: requested=1 source=1 can_be_canceled=1

  try {
    token.throw_if_cancellation_requested();
    std::printf("no throw\n");
  } catch (const vt::OperationCanceledError& error) {
    std::printf("threw: %s, same token=%d\n", error.what(), error.token() == token);
  }
  // CHECK-NEXT: threw: the operation was canceled, same token=1

  const vt::CancellationToken none = vt::CancellationToken::none();
  none.throw_if_cancellation_requested();
  std::printf("none: requested=%d can_be_canceled=%d equals default=%d\n", none.is_cancellation_requested(),
              none.can_be_canceled(), none == vt::CancellationToken());
  // CHECK-NEXT: none: requested=0 can_be_canceled=0 equals default=1
}
