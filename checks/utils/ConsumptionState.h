//===--- ConsumptionState.h - the lattice of the consumption analysis ----===//
//
// What the analysis knows about each tracked variable at one program point,
// and how two such facts join where control flow merges:
//   FirstConsumptions  union  (consumed on some path, and where first)
//   MaybeUnconsumed    or     (an unconsumed value on some normal path)
//   KnownComplete      and    (complete on every path)
// Every fact set only grows or flips one way at a join, and the sets are
// drawn from the function's finitely many consumption sites, so the
// worklist iteration reaches a fixpoint.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_CONSUMPTIONSTATE_H
#define VTLINT_CHECKS_UTILS_CONSUMPTIONSTATE_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::valuetask {

struct VarFacts {
  /// The first consumption of the current value on each path that consumed
  /// it, kept sorted and unique by raw encoding so that states compare.
  llvm::SmallVector<SourceLocation, 2> FirstConsumptions;
  bool MaybeUnconsumed = false;
  bool KnownComplete = false;

  /// A new value: nothing consumed yet.
  void startValue(bool HoldsValue, bool Complete) {
    FirstConsumptions.clear();
    MaybeUnconsumed = HoldsValue;
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

/// The facts of every tracked variable, indexed like the tracked list.
struct FlowState {
  llvm::SmallVector<VarFacts, 4> Vars;

  void join(const FlowState &Other) {
    for (size_t I = 0; I < Vars.size(); ++I)
      Vars[I].join(Other.Vars[I]);
  }

  bool operator==(const FlowState &Other) const { return Vars == Other.Vars; }
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_CONSUMPTIONSTATE_H
