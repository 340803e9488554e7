//===--- WrittenBodyCFG.cpp - the CFG of the body the user wrote ---------===//

#include "utils/WrittenBodyCFG.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::valuetask {
namespace {

class SuspendHoles {
public:
  SuspendHoles(Stmt *Body, ASTContext &Context) {
    llvm::SmallVector<Stmt *, 16> Pending{Body};
    while (!Pending.empty()) {
      Stmt *S = Pending.pop_back_val();
      if (!S)
        continue;
      if (isa<CoroutineSuspendExpr>(S))
        for (Stmt *&Child : S->children())
          if (!Child) {
            if (!Filler)
              Filler = new (Context)
                  CXXBoolLiteralExpr(true, Context.BoolTy, S->getBeginLoc());
            Child = Filler;
            Filled.push_back(&Child);
          }
      Pending.append(S->child_begin(), S->child_end());
    }
  }
  SuspendHoles(const SuspendHoles &) = delete;
  SuspendHoles &operator=(const SuspendHoles &) = delete;
  ~SuspendHoles() {
    for (Stmt **Hole : Filled)
      *Hole = nullptr;
  }

private:
  Stmt *Filler = nullptr;
  llvm::SmallVector<Stmt **, 4> Filled;
};

} // namespace

const Stmt *writtenBody(const Stmt *Body) {
  if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    return Coroutine->getBody();
  return Body;
}

std::unique_ptr<CFG> buildWrittenBodyCFG(const Decl *D, const Stmt *Body,
                                         ASTContext &Context,
                                         const CFG::BuildOptions &Options) {
  if (!Body)
    return nullptr;
  SuspendHoles Holes(const_cast<Stmt *>(Body), Context);
  return CFG::buildCFG(D, const_cast<Stmt *>(Body), &Context, Options);
}

} // namespace clang::tidy::valuetask
