// Semantic 9: a linked source cancels when any parent does, and a destroyed
// linked source unregisters from its parents.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s

#include <vt/vt.hpp>

#include <cstdio>
#include <memory>

int main() {
  {
    vt::CancellationTokenSource first;
    vt::CancellationTokenSource second;
    auto linked = vt::CancellationTokenSource::create_linked({first.token(), second.token()});
    auto registration = linked.token().register_callback([] { std::printf("linked callback\n"); });
    std::printf("linked before: %d\n", linked.is_cancellation_requested());
    // CHECK: linked before: 0
    second.cancel();
    // CHECK-NEXT: linked callback
    std::printf("after second parent: linked=%d first=%d\n", linked.is_cancellation_requested(),
                first.is_cancellation_requested());
    // CHECK-NEXT: after second parent: linked=1 first=0
    first.cancel();
    std::printf("first parent later: no second run\n");
    // CHECK-NEXT: first parent later: no second run
  }

  {
    // A parent already canceled: the linked source starts canceled.
    vt::CancellationTokenSource canceled;
    canceled.cancel();
    vt::CancellationTokenSource other;
    auto linked = vt::CancellationTokenSource::create_linked({other.token(), canceled.token()});
    std::printf("linked to a canceled parent: %d\n", linked.is_cancellation_requested());
    // CHECK-NEXT: linked to a canceled parent: 1
  }

  {
    // The linked source can be canceled by itself, without touching parents.
    vt::CancellationTokenSource parent;
    auto linked = vt::CancellationTokenSource::create_linked({parent.token(), vt::CancellationToken::none()});
    linked.cancel();
    std::printf("own cancel: linked=%d parent=%d\n", linked.is_cancellation_requested(),
                parent.is_cancellation_requested());
    // CHECK-NEXT: own cancel: linked=1 parent=0
  }

  {
    // Destroyed linked source: it unregistered from the parent, so canceling
    // the parent neither cancels the surviving linked token nor runs its
    // callbacks (and, under ASan, touches no freed memory). The parent's own
    // callbacks around it still run, newest first.
    vt::CancellationTokenSource parent;
    auto before = parent.token().register_callback([] { std::printf("parent callback registered before\n"); });
    vt::CancellationToken linked_token;
    vt::CancellationRegistration linked_registration;
    {
      auto linked = vt::CancellationTokenSource::create_linked({parent.token()});
      linked_token = linked.token();
      linked_registration = linked_token.register_callback([] { std::printf("linked callback ran\n"); });
      std::printf("parent callbacks while linked: %zu\n", vt::detail::registered_callback_count(parent.token()));
      // CHECK-NEXT: parent callbacks while linked: 2
    }
    std::printf("parent callbacks after linked destroyed: %zu\n",
                vt::detail::registered_callback_count(parent.token()));
    // CHECK-NEXT: parent callbacks after linked destroyed: 1
    for (int i = 0; i < 1000; ++i)
      auto transient = vt::CancellationTokenSource::create_linked({parent.token()});
    std::printf("after 1000 transient linked sources: %zu\n", vt::detail::registered_callback_count(parent.token()));
    // CHECK-NEXT: after 1000 transient linked sources: 1
    auto after = parent.token().register_callback([] { std::printf("parent callback registered after\n"); });
    parent.cancel();
    // CHECK-NEXT: parent callback registered after
    // CHECK-NEXT: parent callback registered before
    // CHECK-NOT: linked callback ran
    std::printf("destroyed linked token canceled: %d, can_be_canceled: %d\n",
                linked_token.is_cancellation_requested(), linked_token.can_be_canceled());
    // CHECK-NEXT: destroyed linked token canceled: 0, can_be_canceled: 0
  }

  {
    // Chains: a grandchild follows its grandparent.
    vt::CancellationTokenSource root;
    auto child = vt::CancellationTokenSource::create_linked({root.token()});
    auto grandchild = vt::CancellationTokenSource::create_linked({child.token()});
    root.cancel();
    std::printf("grandchild canceled: %d\n", grandchild.is_cancellation_requested());
    // CHECK-NEXT: grandchild canceled: 1
  }

  {
    // A linked source destroyed by a callback that its parent's cancel runs.
    vt::CancellationTokenSource parent;
    auto linked = std::make_unique<vt::CancellationTokenSource>(
        vt::CancellationTokenSource::create_linked({parent.token()}));
    auto registration = linked->token().register_callback([&linked] { linked.reset(); });
    parent.cancel();
    std::printf("linked destroyed from its own callback: %d\n", linked == nullptr);
    // CHECK-NEXT: linked destroyed from its own callback: 1
  }
}
