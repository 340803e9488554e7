//===--- OwnReturnStatements.cpp - a function's own return statements ----===//

#include "utils/OwnReturnStatements.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::valuetask {
namespace {

class ReturnCollector : public RecursiveASTVisitor<ReturnCollector> {
public:
  // Nested callables return from themselves.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseBlockExpr(BlockExpr *) { return true; }
  bool TraverseDecl(Decl *D) {
    if (isa_and_nonnull<FunctionDecl, TagDecl, BlockDecl>(D))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitReturnStmt(ReturnStmt *Return) {
    Returns.push_back(Return);
    return true;
  }

  llvm::SmallVector<const ReturnStmt *, 4> Returns;
};

} // namespace

llvm::SmallVector<const ReturnStmt *, 4> ownReturnStatements(const Stmt &Body) {
  ReturnCollector Collector;
  Collector.TraverseStmt(const_cast<Stmt *>(&Body));
  return std::move(Collector.Returns);
}

} // namespace clang::tidy::valuetask
