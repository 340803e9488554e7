// Counts every global operator new in the benchmark process (the binary
// replaces operator new/delete in alloc_counter.cpp), on every thread.
#pragma once

#include <cstdint>

namespace bench {

struct AllocCount {
  std::uint64_t allocations = 0;
  std::uint64_t bytes = 0;
};

/// Totals since the process started.
AllocCount alloc_count() noexcept;

/// Allocations made since construction.
class AllocMeter {
public:
  AllocMeter() noexcept : start_(alloc_count()) {}
  AllocCount since_start() const noexcept {
    AllocCount now = alloc_count();
    return {now.allocations - start_.allocations, now.bytes - start_.bytes};
  }

private:
  AllocCount start_;
};

} // namespace bench
