//===--- HeldValueTask.cpp - does a type hold a value task? ---------------===//

#include "utils/HeldValueTask.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::valuetask {
namespace {

/// What a standard class template does with its type arguments.
enum class StdHolderKind { NotAHolder, Wrapper, Collection };

StdHolderKind stdHolderKind(const NamedDecl *Template) {
  if (!Template || !Template->isInStdNamespace() ||
      !Template->getDeclName().isIdentifier())
    return StdHolderKind::NotAHolder;
  return llvm::StringSwitch<StdHolderKind>(Template->getName())
      .Cases("optional", "pair", "tuple", "variant", "unique_ptr",
             "shared_ptr", "expected", StdHolderKind::Wrapper)
      .Cases("array", "vector", "deque", "list", "forward_list",
             StdHolderKind::Collection)
      .Cases("map", "multimap", "unordered_map", "unordered_multimap",
             StdHolderKind::Collection)
      .Cases("set", "multiset", "unordered_set", "unordered_multiset",
             StdHolderKind::Collection)
      .Cases("queue", "stack", "priority_queue", StdHolderKind::Collection)
      .Cases("flat_map", "flat_multimap", "flat_set", "flat_multiset",
             StdHolderKind::Collection)
      .Default(StdHolderKind::NotAHolder);
}

class HoldingFinder {
public:
  explicit HoldingFinder(const TaskModels &Models) : Models(Models) {}

  ValueTaskHolding find(QualType Type, bool InCollection) {
    if (Type.isNull() || Type->isReferenceType() || Type->isPointerType())
      return {};
    if (const TaskModel *Model = Models.modelOf(Type))
      return {Model->StoringIsMisuse, InCollection && Model->StoringIsMisuse};
    if (const ArrayType *Array = Type->getAsArrayTypeUnsafe())
      return find(Array->getElementType(), true);
    if (const auto *Specialization = writtenTemplate(Type))
      return findInArguments(
          Specialization->getTemplateName().getAsTemplateDecl(),
          Specialization->template_arguments(), InCollection);
    const auto *Record = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        Type->getAsCXXRecordDecl());
    if (!Record)
      return {};
    return findInArguments(Record->getSpecializedTemplate(),
                           Record->getTemplateArgs().asArray(), InCollection);
  }

private:
  /// A dependent specialization (inside a template), looked through aliases;
  /// a complete type is read from its class instead.
  static const TemplateSpecializationType *writtenTemplate(QualType Type) {
    if (!Type->isDependentType())
      return nullptr;
    const auto *Specialization = Type->getAs<TemplateSpecializationType>();
    while (Specialization && Specialization->isTypeAlias())
      Specialization =
          Specialization->getAliasedType()->getAs<TemplateSpecializationType>();
    return Specialization;
  }

  ValueTaskHolding findInArguments(const NamedDecl *Template,
                                   llvm::ArrayRef<TemplateArgument> Arguments,
                                   bool InCollection) {
    StdHolderKind Kind = stdHolderKind(Template);
    if (Kind == StdHolderKind::NotAHolder)
      return {};
    bool Collection = InCollection || Kind == StdHolderKind::Collection;
    ValueTaskHolding Result;
    for (const TemplateArgument &Argument : Arguments) {
      ValueTaskHolding Held = findInArgument(Argument, Collection);
      Result.Holds |= Held.Holds;
      Result.InCollection |= Held.InCollection;
    }
    return Result;
  }

  /// Packs (std::tuple<Ts...>, std::variant<Ts...>) hold what their elements
  /// hold.
  ValueTaskHolding findInArgument(const TemplateArgument &Argument,
                                  bool InCollection) {
    if (Argument.getKind() == TemplateArgument::Type)
      return find(Argument.getAsType(), InCollection);
    if (Argument.getKind() != TemplateArgument::Pack)
      return {};
    ValueTaskHolding Result;
    for (const TemplateArgument &Element : Argument.pack_elements()) {
      ValueTaskHolding Held = findInArgument(Element, InCollection);
      Result.Holds |= Held.Holds;
      Result.InCollection |= Held.InCollection;
    }
    return Result;
  }

  const TaskModels &Models;
};

} // namespace

ValueTaskHolding findHeldValueTask(QualType Type, const TaskModels &Models) {
  return HoldingFinder(Models).find(Type, false);
}

} // namespace clang::tidy::valuetask
