//===--- RuleCatalog.h - what each check is, for SARIF rules and help ----===//

#ifndef VTLINT_TOOL_LIB_RULECATALOG_H
#define VTLINT_TOOL_LIB_RULECATALOG_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace vtlint {

struct RuleDescription {
  std::string Name;             // PascalCase, e.g. "DoubleAwait"
  std::string ShortDescription; // one sentence
  std::string FullDescription;  // a short paragraph
  std::string HelpUri;          // the check's doc page, docs/checks/<check>.md
};

/// The description of Check (any name: unknown checks get a generic one).
RuleDescription describeRule(llvm::StringRef Check);

/// The base URI of the documentation (InstallLayout.h says where from).
llvm::StringRef documentationUri();

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_RULECATALOG_H
