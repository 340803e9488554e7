// REQUIRES: checks
// RUN: %check_clang_tidy %s valuetask-stored %t

#include <vt/vt.hpp>

#include <array>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

vt::Task<int> fetch();
vt::ValueTask<int> load();

// ---- data members ---------------------------------------------------------

struct Connection {
  vt::ValueTask<int> pending_;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task stored in data member 'pending_'; a value task can be consumed only once and must not be kept: store a vt::Task (call as_task()) or consume it immediately [valuetask-stored]
  std::optional<vt::ValueTask<int>> maybe_;
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: value task stored in data member 'maybe_'; {{.*}} [valuetask-stored]
  vt::ValueTask<> array_[2];
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: value task stored in data member 'array_'; {{.*}}
  std::array<vt::ValueTask<int>, 3> std_array_;
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: value task stored in data member 'std_array_'; {{.*}}
  std::vector<vt::ValueTask<int>> vector_;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: value task stored in data member 'vector_'; {{.*}}
  std::deque<vt::ValueTask<int>> deque_;
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: value task stored in data member 'deque_'; {{.*}}
  std::list<vt::ValueTask<int>> list_;
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: value task stored in data member 'list_'; {{.*}}
  std::map<int, vt::ValueTask<int>> by_id_;
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: value task stored in data member 'by_id_'; {{.*}}
  std::unordered_map<int, vt::ValueTask<int>> cache_;
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: value task stored in data member 'cache_'; {{.*}}
  std::pair<int, vt::ValueTask<int>> pair_;
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: value task stored in data member 'pair_'; {{.*}}
  std::tuple<int, vt::ValueTask<>, char> tuple_;
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: value task stored in data member 'tuple_'; {{.*}}
  std::variant<int, vt::ValueTask<int>> variant_;
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: value task stored in data member 'variant_'; {{.*}}
  std::vector<std::optional<vt::ValueTask<int>>> nested_;
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: value task stored in data member 'nested_'; {{.*}}
  std::unique_ptr<vt::ValueTask<int>> owned_;
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: value task stored in data member 'owned_'; {{.*}}
  const vt::ValueTask<int> const_;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: value task stored in data member 'const_'; {{.*}}
  mutable vt::ValueTask<int> mutable_;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: value task stored in data member 'mutable_'; {{.*}}
};

struct Keys {
  std::map<vt::ValueTask<int>, int> by_task_;
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: value task stored in data member 'by_task_'; {{.*}}
  std::set<vt::ValueTask<int>> set_;
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: value task stored in data member 'set_'; {{.*}}
};

using IntValueTask = vt::ValueTask<int>;
typedef std::vector<IntValueTask> ValueTaskList;
template <class T> using Maybe = std::optional<vt::ValueTask<T>>;

struct Aliases {
  IntValueTask alias_;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: value task stored in data member 'alias_'; {{.*}}
  ValueTaskList typedef_;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: value task stored in data member 'typedef_'; {{.*}}
  Maybe<int> alias_template_;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: value task stored in data member 'alias_template_'; {{.*}}
};

class WithAccess {
public:
  void start() { pending_ = load(); }

private:
  vt::ValueTask<int> pending_{0};
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task stored in data member 'pending_'; {{.*}}
  struct Inner {
    vt::ValueTask<> inner_;
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: value task stored in data member 'inner_'; {{.*}}
  };
};

union Raw {
  int i;
  std::vector<vt::ValueTask<int>> *tasks;
};

struct AnonymousUnion {
  union {
    int code_;
    IntValueTask in_union_;
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: value task stored in data member 'in_union_'; {{.*}}
  };
  ~AnonymousUnion() {}
};

// ---- globals, statics, thread-locals ---------------------------------------

vt::ValueTask<int> global_task{1};
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: value task stored in global variable 'global_task'; a value task can be consumed only once and must not be kept: store a vt::Task (call as_task()) or consume it immediately [valuetask-stored]

extern std::vector<vt::ValueTask<int>> declared_twice;
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: value task stored in global variable 'declared_twice'; {{.*}}
std::vector<vt::ValueTask<int>> declared_twice;

namespace registry {
static std::optional<vt::ValueTask<int>> file_local;
// CHECK-MESSAGES: :[[@LINE-1]]:42: warning: value task stored in global variable 'file_local'; {{.*}}
inline std::map<int, vt::ValueTask<>> inline_global;
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: value task stored in global variable 'inline_global'; {{.*}}
} // namespace registry

namespace {
std::array<vt::ValueTask<int>, 2> *pointer_to_global_array;
}

thread_local vt::ValueTask<int> per_thread{0};
// CHECK-MESSAGES: :[[@LINE-1]]:33: warning: value task stored in thread-local variable 'per_thread'; {{.*}}

struct Statics {
  static vt::ValueTask<int> shared_;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: value task stored in static variable 'shared_'; {{.*}}
  static inline std::vector<vt::ValueTask<int>> queue_;
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: value task stored in static variable 'queue_'; {{.*}}
  static thread_local vt::ValueTask<> per_thread_member_;
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: value task stored in thread-local variable 'per_thread_member_'; {{.*}}
};
vt::ValueTask<int> Statics::shared_{0};

int static_local() {
  static vt::ValueTask<int> once = load();
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: value task stored in static variable 'once'; {{.*}}
  thread_local std::optional<vt::ValueTask<int>> per_thread_local;
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: value task stored in thread-local variable 'per_thread_local'; {{.*}}
  return 0;
}

// ---- local containers and arrays -----------------------------------------
// A local collection is the when_all idiom: fine when it is handed over
// whole or each element is consumed once; reported when some element may be
// consumed at two places.

vt::Task<int> local_containers_walked_twice() {
  std::vector<vt::ValueTask<int>> batch;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: value task stored in local container 'batch'; {{.*}}
  batch.push_back(load());
  int sum = 0;
  for (auto &task : batch)
    sum += co_await task;
  for (auto &task : batch)
    sum += co_await task;
  co_return sum;
}

vt::Task<int> local_array_indexed_twice() {
  vt::ValueTask<int> pair_of[2] = {load(), load()};
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task stored in local container 'pair_of'; {{.*}}
  int first = co_await pair_of[0];
  co_return first + pair_of[0].result();
}

vt::Task<int> local_container_moved_and_walked() {
  std::vector<vt::ValueTask<int>> batch;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: value task stored in local container 'batch'; {{.*}}
  batch.push_back(load());
  int first = co_await batch.front();
  std::vector<vt::ValueTask<int>> taken = std::move(batch);
  co_return first + static_cast<int>(taken.size());
}

vt::Task<int> local_containers_consumed_once() {
  std::vector<vt::ValueTask<int>> batch;
  batch.push_back(load());
  int sum = 0;
  for (auto &task : batch)
    sum += co_await task;
  vt::ValueTask<int> pair_of[2] = {load(), load()};
  sum += co_await pair_of[0];
  sum += co_await pair_of[1];
  std::map<int, vt::ValueTask<int>> by_key;
  std::optional<std::vector<vt::ValueTask<int>>> maybe_batch;
  ValueTaskList via_typedef;
  co_return sum;
}

std::vector<vt::ValueTask<int>> local_container_returned_whole() {
  std::vector<vt::ValueTask<int>> batch;
  batch.push_back(load());
  return batch;
}

// ---- templates: reported once, at the pattern ----------------------------

template <class T> struct Holder {
  vt::ValueTask<T> dependent_;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: value task stored in data member 'dependent_'; {{.*}}
  std::vector<vt::ValueTask<T>> dependent_list_;
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: value task stored in data member 'dependent_list_'; {{.*}}
  vt::ValueTask<int> fixed_;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task stored in data member 'fixed_'; {{.*}}
  T unknown_;
};
constexpr auto holder_sizes =
    sizeof(Holder<int>) + sizeof(Holder<long>) + sizeof(Holder<char>);

template <class T> std::optional<vt::ValueTask<T>> variable_template;
// CHECK-MESSAGES: :[[@LINE-1]]:52: warning: value task stored in global variable 'variable_template'; {{.*}}
void use_variable_template() {
  variable_template<int>.reset();
  variable_template<long>.reset();
}

template <class T> void function_template() {
  static vt::ValueTask<T> cached{T{}};
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: value task stored in static variable 'cached'; {{.*}}
}
void use_function_template() {
  function_template<int>();
  function_template<long>();
}

// A dependent member holds whatever the template is instantiated with; it is
// not reported (once per instantiation would be noise; see the docs).
template <class T> struct Box {
  T value_;
};
Box<vt::ValueTask<int>> *box_pointer;

// ---- no warning ------------------------------------------------------------

struct Fine {
  vt::Task<int> task_;
  std::vector<vt::Task<int>> tasks_;
  std::optional<vt::Task<>> maybe_task_;
  std::map<int, vt::Task<int>> task_cache_;
  vt::ValueTask<int> *pointer_;
  vt::ValueTask<int> &reference_;
  std::vector<vt::ValueTask<int> *> pointers_;
  std::pair<vt::ValueTask<int> &, int> pair_of_reference_;
  std::shared_ptr<vt::Task<int>> shared_task_;
  int plain_;
  static constexpr int limit_ = 3;
  // Callables that make value tasks and views that do not own them hold none.
  std::function<vt::ValueTask<int>()> factory_;
  std::vector<std::function<vt::ValueTask<int>(int)>> factories_;
  std::span<vt::ValueTask<int>> view_;
  std::reference_wrapper<vt::ValueTask<int>> wrapper_;
  vt::ValueTask<int> (*make_)();
};

vt::Task<int> global_task_is_fine = fetch();
static std::vector<vt::Task<int>> many_tasks_are_fine;

vt::ValueTask<int> parameters_and_locals_are_fine(vt::ValueTask<int> param,
                                                  std::vector<vt::ValueTask<int>> params) {
  vt::ValueTask<int> local = load();
  std::optional<vt::ValueTask<int>> maybe_local;
  std::pair<vt::ValueTask<int>, int> local_pair{load(), 1};
  vt::ValueTask<int> &ref = local;
  int x = co_await local;
  int y = co_await param;
  auto lambda = [v = load()]() mutable -> vt::ValueTask<int> { co_return co_await v; };
  // Moved whole into the lambda that walks it once: the when_all idiom.
  std::vector<vt::ValueTask<int>> batch;
  auto consume_all = [all = std::move(batch)]() mutable -> vt::ValueTask<int> {
    int sum = 0;
    for (auto &part : all)
      sum += co_await std::move(part);
    co_return sum;
  };
  (void)consume_all;
  (void)lambda;
  (void)ref;
  (void)maybe_local;
  (void)local_pair;
  (void)params;
  co_return x + y;
}

int sizes() {
  return sizeof(std::vector<vt::ValueTask<int>>) + sizeof(vt::ValueTask<int>[2]);
}
