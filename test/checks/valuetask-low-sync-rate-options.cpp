// REQUIRES: checks
// MinSyncRate and MinCalls move the line; a bad percentage is a
// configuration error and the default is used instead.
// RUN: sed 's|@FILE@|%t.cpp|g' %S/Inputs/profiles/options.json > %t.json
// RUN: %check_clang_tidy %s valuetask-low-sync-rate %t -- -config="{CheckOptions: {ProfileFile: '%t.json', valuetask-low-sync-rate.MinSyncRate: '65%', valuetask-low-sync-rate.MinCalls: 100}}"
// RUN: %check_clang_tidy -check-suffix=DEFAULTS %s valuetask-low-sync-rate %t -- -config="{CheckOptions: {ProfileFile: '%t.json'}}"
// RUN: %clang_tidy --load=%plugin --checks='-*,valuetask-low-sync-rate' --config="{CheckOptions: {ProfileFile: '%t.json', valuetask-low-sync-rate.MinSyncRate: 'most'}}" %t.cpp -- -std=c++20 -I%runtime_include 2>&1 | FileCheck --check-prefix=BAD %s
// BAD: invalid value 'most' for option 'MinSyncRate': expected a percentage between 0 and 100, such as 50%
// BAD: warning: 'forty_percent' completed synchronously on 40% of 1,000 calls

#include <vt/vt.hpp>

// 600 of 1,000: below 65%, not below the default 50%.
vt::ValueTask<int> sixty_percent(int key) { co_return key; }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'sixty_percent' completed synchronously on 60% of 1,000 calls; a ValueTask pays off only when most calls complete synchronously; return Task<int> [valuetask-low-sync-rate]

// 10 of 200: enough calls only with MinCalls 100.
vt::ValueTask<int> few_calls(int key) { co_return key; }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'few_calls' completed synchronously on 5% of 200 calls; a ValueTask pays off only when most calls complete synchronously; return Task<int> [valuetask-low-sync-rate]

// 400 of 1,000: below both.
vt::ValueTask<int> forty_percent(int key) { co_return key; }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'forty_percent' completed synchronously on 40% of 1,000 calls; a ValueTask pays off only when most calls complete synchronously; return Task<int> [valuetask-low-sync-rate]
// CHECK-MESSAGES-DEFAULTS: :[[@LINE-2]]:20: warning: 'forty_percent' completed synchronously on 40% of 1,000 calls; a ValueTask pays off only when most calls complete synchronously; return Task<int> [valuetask-low-sync-rate]
