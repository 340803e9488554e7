//===--- TaskModels.cpp - the task-type models one check configuration sees

#include "utils/TaskModels.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy {

template <> struct OptionEnumMapping<valuetask::TaskKind> {
  static llvm::ArrayRef<std::pair<valuetask::TaskKind, StringRef>>
  getEnumMapping() {
    static constexpr std::pair<valuetask::TaskKind, StringRef> Mapping[] = {
        {valuetask::TaskKind::ConsumeOnce, "consume-once"},
        {valuetask::TaskKind::ReawaitableAfterCompletion, "reawaitable"},
        {valuetask::TaskKind::Shareable, "shareable"},
    };
    return Mapping;
  }
};

namespace valuetask {
namespace {

constexpr llvm::StringLiteral AllBuiltinLibraries =
    "concurrencpp;folly;cppcoro;libcoro;async_simple;asio";

bool hasAnnotation(const Decl *D, StringRef Annotation) {
  for (const auto *Attribute : D->specific_attrs<AnnotateAttr>())
    if (Attribute->getAnnotation() == Annotation)
      return true;
  return false;
}

/// The declaration attributes and names live on: a specialization's primary
/// template pattern.
const CXXRecordDecl *patternOf(const CXXRecordDecl *Record) {
  if (const auto *Specialization =
          dyn_cast<ClassTemplateSpecializationDecl>(Record))
    return Specialization->getSpecializedTemplate()->getTemplatedDecl();
  return Record;
}

StringRef lastComponent(StringRef Qualified) {
  return Qualified.rsplit("::").second.empty() ? Qualified
                                               : Qualified.rsplit("::").second;
}

std::vector<std::string> names(StringRef Raw) {
  std::vector<std::string> Result;
  for (StringRef Name : utils::options::parseStringList(Raw))
    if (!Name.trim().empty())
      Result.push_back(Name.trim().str());
  return Result;
}

} // namespace

TaskModels::TaskModels(const ClangTidyCheck::OptionsView &Options)
    : VtTypes(Options),
      RawCustomModels(Options.getLocalOrGlobal("TaskModels", "")),
      RawBuiltinModels(
          Options.getLocalOrGlobal("BuiltinTaskModels", AllBuiltinLibraries)) {
  readCustomModels(Options);
  std::vector<std::string> TaskNames(VtTypes.taskNames().begin(),
                                     VtTypes.taskNames().end());
  VtValueTask = std::make_shared<TaskModel>(vtValueTaskModel(
      std::vector<std::string>(VtTypes.valueTaskNames().begin(),
                               VtTypes.valueTaskNames().end()),
      TaskNames.empty() ? std::string() : TaskNames.front()));
  VtTask = std::make_shared<TaskModel>(vtTaskModel(TaskNames));
  Models.push_back(VtValueTask);
  Models.push_back(VtTask);
  std::vector<std::string> Enabled = names(RawBuiltinModels);
  for (const TaskModel &Builtin : builtinTaskModels())
    if (llvm::is_contained(Enabled, Builtin.Library))
      Models.push_back(std::shared_ptr<const TaskModel>(
          std::shared_ptr<const TaskModel>(), &Builtin));
  for (const auto &Model : Models)
    for (const std::string &Name : Model->TypeNames)
      SimpleNames.insert(lastComponent(Name));

  Fingerprint = llvm::join(VtTypes.valueTaskNames(), ";") + "|" +
                llvm::join(VtTypes.taskNames(), ";") + "|" + RawBuiltinModels +
                "|" + RawCustomModels;
  for (const auto &[Key, Value] : RawCustomFacts)
    Fingerprint += "|" + Key + "=" + Value;
}

void TaskModels::readCustomModels(const ClangTidyCheck::OptionsView &Options) {
  for (const std::string &Name : names(RawCustomModels)) {
    auto Fact = [&](StringRef Key, StringRef Default = "") {
      std::string Full = ("TaskModel." + Name + "." + Key).str();
      std::string Value = Options.getLocalOrGlobal(Full, Default).str();
      RawCustomFacts.emplace_back(Full, Value);
      return Value;
    };
    auto Model = std::make_shared<TaskModel>();
    Model->Library = Name;
    Model->TypeNames = parseQualifiedNames(Fact("Types"));
    if (Model->TypeNames.empty())
      continue;
    std::string KindKey = "TaskModel." + Name + ".Kind";
    Model->Kind = Options.getLocalOrGlobal(KindKey, TaskKind::ConsumeOnce);
    Model->Lazy = Options.getLocalOrGlobal("TaskModel." + Name + ".Lazy", false);
    Model->LvalueAwaitConsumes = Options.getLocalOrGlobal(
        "TaskModel." + Name + ".LvalueAwaitConsumes",
        Model->Kind != TaskKind::ReawaitableAfterCompletion);
    Model->StoringIsMisuse = Options.getLocalOrGlobal(
        "TaskModel." + Name + ".StoringIsMisuse", false);
    RawCustomFacts.emplace_back(
        KindKey, std::to_string(static_cast<int>(Model->Kind)) +
                     (Model->Lazy ? "L" : "E") +
                     (Model->LvalueAwaitConsumes ? "C" : "K") +
                     (Model->StoringIsMisuse ? "S" : "N"));
    auto AddMembers = [&](StringRef Key, MemberEffect Effect) {
      for (const std::string &Member : names(Fact(Key)))
        Model->Members.push_back({Member, Effect});
    };
    AddMembers("ConsumingMembers", MemberEffect::Consume);
    AddMembers("ResultMembers", MemberEffect::ConsumeRequiringCompletion);
    AddMembers("BlockingMembers", MemberEffect::ConsumeWaiting);
    AddMembers("CompletionQueries", MemberEffect::CompletionQuery);
    AddMembers("CompletionAccessors", MemberEffect::ReadRequiringCompletion);
    AddMembers("StartingMembers", MemberEffect::Start);
    AddMembers("WaitingMembers", MemberEffect::Wait);
    AddMembers("ObservingMembers", MemberEffect::Observe);
    Model->ConsumingFunctions = parseQualifiedNames(Fact("ConsumingFunctions"));
    Model->ReadyFactories = parseQualifiedNames(Fact("ReadyFactories"));
    std::vector<std::string> Counterpart =
        parseQualifiedNames(Fact("Counterpart"));
    if (!Counterpart.empty())
      Model->Counterpart = Counterpart.front();
    Model->ConversionMember = Fact("ConversionMember");
    Model->Noun = Fact("Noun", Model->spelledType());
    Model->HowToConsume = Fact("HowToConsume", "co_await it");
    Models.push_back(std::move(Model));
  }
}

void TaskModels::store(ClangTidyOptions::OptionMap &Opts,
                       const ClangTidyCheck::OptionsView &Options) const {
  VtTypes.store(Opts, Options);
  Options.store(Opts, "TaskModels", RawCustomModels);
  Options.store(Opts, "BuiltinTaskModels", RawBuiltinModels);
  for (const auto &Model : Models) {
    if (Model == VtValueTask || Model == VtTask ||
        llvm::any_of(builtinTaskModels(), [&](const TaskModel &Builtin) {
          return &Builtin == Model.get();
        }))
      continue;
    std::string Prefix = "TaskModel." + Model->Library + ".";
    Options.store(Opts, Prefix + "Types", llvm::join(Model->TypeNames, ";"));
    Options.store(Opts, Prefix + "Kind", Model->Kind);
    Options.store(Opts, Prefix + "Lazy", Model->Lazy);
    Options.store(Opts, Prefix + "LvalueAwaitConsumes",
                  Model->LvalueAwaitConsumes);
    Options.store(Opts, Prefix + "StoringIsMisuse", Model->StoringIsMisuse);
    auto StoreMembers = [&](StringRef Key, MemberEffect Effect) {
      std::vector<std::string> Members;
      for (const MemberRule &Rule : Model->Members)
        if (Rule.Effect == Effect)
          Members.push_back(Rule.Name);
      Options.store(Opts, Prefix + Key.str(), llvm::join(Members, ";"));
    };
    StoreMembers("ConsumingMembers", MemberEffect::Consume);
    StoreMembers("ResultMembers", MemberEffect::ConsumeRequiringCompletion);
    StoreMembers("BlockingMembers", MemberEffect::ConsumeWaiting);
    StoreMembers("CompletionQueries", MemberEffect::CompletionQuery);
    StoreMembers("CompletionAccessors", MemberEffect::ReadRequiringCompletion);
    StoreMembers("StartingMembers", MemberEffect::Start);
    StoreMembers("WaitingMembers", MemberEffect::Wait);
    StoreMembers("ObservingMembers", MemberEffect::Observe);
    Options.store(Opts, Prefix + "ConsumingFunctions",
                  llvm::join(Model->ConsumingFunctions, ";"));
    Options.store(Opts, Prefix + "ReadyFactories",
                  llvm::join(Model->ReadyFactories, ";"));
    Options.store(Opts, Prefix + "Counterpart", Model->Counterpart);
    Options.store(Opts, Prefix + "ConversionMember", Model->ConversionMember);
    Options.store(Opts, Prefix + "Noun", Model->Noun);
    Options.store(Opts, Prefix + "HowToConsume", Model->HowToConsume);
  }
}

const TaskModel *TaskModels::modelOfClass(const CXXRecordDecl *Record) const {
  if (!Record)
    return nullptr;
  auto [It, Inserted] = Cache.try_emplace(Record, nullptr);
  if (Inserted)
    It->second = lookUp(Record);
  return It->second;
}

const TaskModel *TaskModels::lookUp(const CXXRecordDecl *Record) const {
  const CXXRecordDecl *Pattern = patternOf(Record);
  if (hasAnnotation(Record, ValueTaskAnnotation) ||
      hasAnnotation(Pattern, ValueTaskAnnotation))
    return VtValueTask.get();
  if (hasAnnotation(Record, TaskAnnotation) ||
      hasAnnotation(Pattern, TaskAnnotation))
    return VtTask.get();
  if (!Record->getDeclName().isIdentifier() ||
      !SimpleNames.contains(Record->getName()))
    return nullptr;
  std::string Qualified = "::" + Record->getQualifiedNameAsString();
  for (const auto &Model : Models)
    if (llvm::is_contained(Model->TypeNames, Qualified))
      return Model.get();
  return nullptr;
}

const TaskModel *TaskModels::modelOf(QualType Type) const {
  if (Type.isNull())
    return nullptr;
  return modelOfClass(namedClass(Type.getNonReferenceType()));
}

const TaskModel *TaskModels::trackedModel(QualType Type) const {
  if (Type.isNull() || Type->isReferenceType())
    return nullptr;
  const TaskModel *Model = modelOf(Type);
  return Model && Model->Kind != TaskKind::Shareable ? Model : nullptr;
}

static bool namedIn(const NamedDecl *Callee, llvm::ArrayRef<std::string> Names) {
  if (!Callee || Names.empty() || !Callee->getDeclName().isIdentifier())
    return false;
  StringRef Simple = Callee->getName();
  if (llvm::none_of(Names, [&](const std::string &Name) {
        return lastComponent(Name) == Simple;
      }))
    return false;
  return llvm::is_contained(Names, "::" + Callee->getQualifiedNameAsString());
}

bool TaskModels::isConsumingFunction(const NamedDecl *Callee,
                                     const TaskModel &Model) const {
  return namedIn(Callee, Model.ConsumingFunctions);
}

bool TaskModels::isReadyFactory(const NamedDecl *Callee,
                                const TaskModel &Model) const {
  return namedIn(Callee, Model.ReadyFactories);
}

} // namespace valuetask
} // namespace clang::tidy
