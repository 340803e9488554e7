// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored %t
// REQUIRES: checks

// A port of CA2012's own tests (dotnet/roslyn-analyzers,
// UseValueTaskCorrectlyTests.cs) to vt: value tasks kept in fields (data
// members). Test method: Diagnostics_StoreIntoFields.

#include <vt/vt.hpp>

#include <cassert>
#include <exception>
#include <stdexcept>
#include <string>
#include <tuple>

// CA2012's `Helpers` class: every call returns a value task the caller knows
// nothing about (it may be pending, and it may be backed by a pooled source).
namespace helpers {
vt::ValueTask<> returns_value_task();
template <typename T>
vt::ValueTask<T> returns_value_task_of_t();
template <typename T>
vt::ValueTask<T> returns_value_task_of_t(T value);
vt::ValueTask<int> returns_value_task_of_int();

void accepts_value_task(vt::ValueTask<> vt);
template <typename T>
void accepts_value_task_of_t(vt::ValueTask<T> vt);
void accepts_value_task_of_int(vt::ValueTask<int> vt);

template <typename TValue>
void accepts_t_value(TValue t);
} // namespace helpers

bool now_after_now();  // DateTime.Now > DateTime.Now: a condition nobody can predict
void write_line();     // Console.WriteLine(): unrelated work

// CA2012: diagnostic at each of the 3 stores into a field; vt: same (valuetask-stored reports the 3 data members)
class CA2012_Diagnostics_StoreIntoFields {
  vt::ValueTask<> vt_;
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: value task stored in data member 'vt_'; a value task can be consumed only once and must not be kept: store a vt::Task (call as_task()) or consume it immediately [valuetask-stored]
  vt::ValueTask<int> vt_of_int_;
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task stored in data member 'vt_of_int_'; a value task can be consumed only once and must not be kept: store a vt::Task (call as_task()) or consume it immediately [valuetask-stored]
  vt::ValueTask<std::string> vt_of_string_;
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: value task stored in data member 'vt_of_string_'; a value task can be consumed only once and must not be kept: store a vt::Task (call as_task()) or consume it immediately [valuetask-stored]

public:
  void StoreIntoFields() {
    vt_ = helpers::returns_value_task();
    vt_of_string_ = helpers::returns_value_task_of_t<std::string>();
    vt_of_int_ = helpers::returns_value_task_of_int();
  }
};
