//===--- ConsumptionState.h - the lattice of the consumption analysis ----===//
//
// What the analysis knows at one program point, and how two such facts join
// where control flow merges.
//
// Per tracked task variable (VarFacts):
//   FirstConsumptions  union  (consumed on some path, and where first)
//   MaybeUnconsumed    or     (a pending value on some normal path)
//   KnownComplete      and    (complete on every path)
// Every fact only grows or flips one way at a join, and the sets are drawn
// from the function's finitely many consumption sites.
//
// Path sensitivity is trace partitioning: a state is a set of partitions,
// one per valuation of the tracked scalar locals (a `bool done`, a loop
// counter `int i`), each with its own VarFacts. Partitions with the same
// valuation join as above; partitions with different valuations stay apart,
// so `if (done)` later sees only the paths on which `done` was true. A
// scalar is either a known integer or unknown. The partitions at one point
// are capped (MaxPartitions): past the cap the scalar with the most distinct
// values is forgotten (set to unknown) everywhere and the partitions it
// separated join. Forgetting only merges, and a scalar that is unknown
// everywhere can separate nothing, so each point's partition count is
// bounded and the worklist still reaches a fixpoint.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_CONSUMPTIONSTATE_H
#define VTLINT_CHECKS_UTILS_CONSUMPTIONSTATE_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <optional>

namespace clang::tidy::valuetask {

struct VarFacts {
  /// The first consumption of the current value on each path that consumed
  /// it, kept sorted and unique by raw encoding so that states compare.
  llvm::SmallVector<SourceLocation, 2> FirstConsumptions;
  bool MaybeUnconsumed = false;
  bool KnownComplete = false;

  /// A new value: nothing consumed yet.
  void startValue(bool HoldsPendingValue, bool Complete) {
    FirstConsumptions.clear();
    MaybeUnconsumed = HoldsPendingValue;
    KnownComplete = Complete;
  }

  void recordConsumption(SourceLocation Loc) {
    if (FirstConsumptions.empty())
      FirstConsumptions.push_back(Loc);
    MaybeUnconsumed = false;
  }

  void join(const VarFacts &Other) {
    for (SourceLocation Loc : Other.FirstConsumptions) {
      auto Pos = llvm::lower_bound(FirstConsumptions, Loc, lessRaw);
      if (Pos == FirstConsumptions.end() || *Pos != Loc)
        FirstConsumptions.insert(Pos, Loc);
    }
    MaybeUnconsumed |= Other.MaybeUnconsumed;
    KnownComplete &= Other.KnownComplete;
  }

  bool operator==(const VarFacts &Other) const {
    return FirstConsumptions == Other.FirstConsumptions &&
           MaybeUnconsumed == Other.MaybeUnconsumed &&
           KnownComplete == Other.KnownComplete;
  }

private:
  static bool lessRaw(SourceLocation A, SourceLocation B) {
    return A.getRawEncoding() < B.getRawEncoding();
  }
};

/// A tracked scalar's value in one partition: known, or unknown (nullopt).
using ScalarValue = std::optional<int64_t>;

/// One partition: a valuation of the tracked scalars and, on the paths that
/// agree with it, the facts of every tracked task variable.
struct Partition {
  llvm::SmallVector<ScalarValue, 2> Scalars;
  llvm::SmallVector<VarFacts, 4> Vars;

  bool operator==(const Partition &Other) const {
    return Scalars == Other.Scalars && Vars == Other.Vars;
  }
};

/// The state at one program point: partitions with pairwise different
/// valuations, kept sorted by valuation so that states compare.
class FlowState {
public:
  static constexpr unsigned MaxPartitions = 16;

  static FlowState of(Partition Start) {
    FlowState State;
    State.Partitions.push_back(std::move(Start));
    return State;
  }

  llvm::ArrayRef<Partition> partitions() const { return Partitions; }
  /// For a transfer that changes task facts only: the valuations, and so
  /// the order, stay as they are.
  llvm::MutableArrayRef<Partition> partitionsForFacts() { return Partitions; }
  bool empty() const { return Partitions.empty(); }

  /// Adds the paths of \p P: joined into the partition of the same
  /// valuation, or a partition of their own.
  void add(Partition P) {
    auto Pos = llvm::lower_bound(Partitions, P, lessByValuation);
    if (Pos != Partitions.end() && Pos->Scalars == P.Scalars) {
      for (size_t I = 0; I < P.Vars.size(); ++I)
        Pos->Vars[I].join(P.Vars[I]);
      return;
    }
    Partitions.insert(Pos, std::move(P));
  }

  void join(const FlowState &Other) {
    for (const Partition &P : Other.Partitions)
      add(P);
    widen();
  }

  bool operator==(const FlowState &Other) const {
    return Partitions == Other.Partitions;
  }

  /// Forgets scalars until at most MaxPartitions remain.
  void widen() {
    while (Partitions.size() > MaxPartitions) {
      size_t Widest = 0, WidestCount = 0;
      for (size_t S = 0; S < Partitions.front().Scalars.size(); ++S) {
        llvm::SmallVector<ScalarValue, 8> Seen;
        for (const Partition &P : Partitions)
          if (!llvm::is_contained(Seen, P.Scalars[S]))
            Seen.push_back(P.Scalars[S]);
        if (Seen.size() > WidestCount) {
          Widest = S;
          WidestCount = Seen.size();
        }
      }
      if (WidestCount <= 1)
        return; // Unreachable: equal valuations are always joined.
      llvm::SmallVector<Partition, 4> Old = std::move(Partitions);
      Partitions.clear();
      for (Partition &P : Old) {
        P.Scalars[Widest] = std::nullopt;
        add(std::move(P));
      }
    }
  }

private:
  static bool lessByValuation(const Partition &A, const Partition &B) {
    return A.Scalars < B.Scalars;
  }

  llvm::SmallVector<Partition, 1> Partitions;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_CONSUMPTIONSTATE_H
