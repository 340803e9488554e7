// REQUIRES: checks
// PreferSyncRate and MinCalls move the line.
// RUN: sed 's|@FILE@|%t.cpp|g' %S/Inputs/profiles/prefer-options.json > %t.json
// RUN: %check_clang_tidy %s valuetask-prefer-valuetask %t -- -config="{CheckOptions: {ProfileFile: '%t.json', valuetask-prefer-valuetask.PreferSyncRate: '99.5', valuetask-prefer-valuetask.MinCalls: 10}}"
// RUN: %check_clang_tidy -check-suffix=DEFAULTS %s valuetask-prefer-valuetask %t -- -config="{CheckOptions: {ProfileFile: '%t.json'}}"

#include <vt/vt.hpp>

// 99% of 1,000: enough for the default 70%, not for 99.5%.
vt::Task<int> ninety_nine(int key) { co_return key; }
// CHECK-MESSAGES-DEFAULTS: :[[@LINE-1]]:15: warning: 'ninety_nine' completed synchronously on 99% of 1,000 calls; returning ValueTask<int> would avoid about 990 allocations [valuetask-prefer-valuetask]

// All 50 calls synchronous: judged only with MinCalls 10.
vt::Task<int> rarely_called(int key) { co_return key; }
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'rarely_called' completed synchronously on 100% of 50 calls; returning ValueTask<int> would avoid about 50 allocations [valuetask-prefer-valuetask]

// 99.9% of 5,000: above both.
vt::Task<int> hot(int key) { co_return key; }
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'hot' completed synchronously on 99.9% of 5,000 calls; returning ValueTask<int> would avoid about 4,995 allocations [valuetask-prefer-valuetask]
// CHECK-MESSAGES-DEFAULTS: :[[@LINE-2]]:15: warning: 'hot' completed synchronously on 99.9% of 5,000 calls; returning ValueTask<int> would avoid about 4,995 allocations [valuetask-prefer-valuetask]
