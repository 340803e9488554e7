// vt::profile writes a versioned JSON file; runs with the same VT_PROFILE add
// up; start/flush/stop in code write exactly what was recorded while on.
// RUN: %cxx %s %vtlib -o %t
// RUN: rm -f %t.json %t.explicit.json
// RUN: env VT_PROFILE=%t.json %t
// RUN: FileCheck --check-prefix=ONCE --input-file=%t.json %s
// RUN: env VT_PROFILE=%t.json %t
// RUN: FileCheck --check-prefix=TWICE --input-file=%t.json %s
// Two processes exiting at once merge one after the other (flock):
// RUN: rm -f %t.parallel.json
// RUN: (env VT_PROFILE=%t.parallel.json %t & env VT_PROFILE=%t.parallel.json %t & wait)
// RUN: FileCheck --check-prefix=TWICE --input-file=%t.parallel.json %s
// RUN: %t explicit %t.explicit.json | FileCheck --check-prefix=OUT %s
// RUN: FileCheck --check-prefix=EXPLICIT --input-file=%t.explicit.json %s
// Without VT_PROFILE nothing is written:
// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir && env -u VT_PROFILE %t && test -z "$(ls %t.dir)"

#include <vt/profile.hpp>
#include <vt/vt.hpp>

#include <cstdio>
#include <string>
#include <vector>

// Asynchronous: waits for `reply`, which workload() completes only after
// every call has been inspected, so timing cannot make a call synchronous.
vt::Task<int> fetch(vt::Task<int> reply) { co_return co_await reply; }

// Synchronous for even keys.
vt::ValueTask<int> lookup(int key, vt::Task<int> reply) {
  if (key % 2 == 0)
    return key;
  return fetch(std::move(reply));
}

vt::Task<int> always_ready() { co_return 1; }

void workload(int calls) {
  vt::TaskCompletionSource<int> network;
  std::vector<vt::Task<int>> waiting;
  for (int i = 0; i < calls; ++i) {
    vt::ValueTask<int> value = lookup(i, network.task());
    if (value.is_completed())
      (void)value.result();
    else
      waiting.push_back(value.as_task());
    (void)always_ready().get();
  }
  network.set_result(0);
  for (vt::Task<int> &task : waiting)
    task.wait();
}

int main(int argc, char **argv) {
  if (argc == 3 && std::string(argv[1]) == "explicit") {
    vt::profile::start(argv[2]);
    workload(10);
    vt::profile::flush();
    workload(5);
    vt::profile::stop();
    workload(7); // not recorded
    std::printf("active after stop: %d\n", vt::profile::active());
    return 0;
  }
  workload(100);
}

// ONCE: "format": "vt-profile",
// ONCE-NEXT: "version": 1,
// ONCE: {"function": "fetch", "signature": "vt::Task<int> fetch(vt::Task<int>)", "file": "{{.*}}profile-file.cpp", "line": {{[0-9]+}}, "returns": "Task", "calls": 50, "sync": 0}
// ONCE: {"function": "lookup", {{.*}} "returns": "ValueTask", "calls": 100, "sync": 50}
// ONCE: {"function": "always_ready", {{.*}} "returns": "Task", "calls": 100, "sync": 100}

// TWICE: {"function": "lookup", {{.*}} "returns": "ValueTask", "calls": 200, "sync": 100}
// TWICE: {"function": "always_ready", {{.*}} "returns": "Task", "calls": 200, "sync": 200}

// OUT: active after stop: 0
// EXPLICIT: {"function": "lookup", {{.*}} "calls": 15, "sync": 8}
// EXPLICIT: {"function": "always_ready", {{.*}} "calls": 15, "sync": 15}
