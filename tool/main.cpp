//===--- main.cpp - vtlint ------------------------------------------------===//
//
// Placeholder main: the command line lands next.
//
//===----------------------------------------------------------------------===//

#include "Configuration.h"
#include "llvm/Support/raw_ostream.h"

int main() {
  for (const std::string &Name : vtlint::availableChecks())
    llvm::outs() << Name << "\n";
  return 0;
}
