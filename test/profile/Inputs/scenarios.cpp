// The seeds' scenarios, run with VT_PROFILE set by test/profile/*.test:
// each service answers from memory a known share of the time and otherwise
// waits for a slow backend (a task completed later by the "network").
//   product catalog        85% hits  ValueTask  right: no advice
//   permission checks      99% hits  ValueTask  right: no advice
//   API gateway            95% hits  Task       advice: prefer ValueTask
//   configuration service  99.9%     Task       advice: prefer ValueTask
//   recommendation lookup  30% hits  ValueTask  advice: low sync rate
//   audit log               0%       Task       right: always asynchronous
//   rarely used report     100%      Task       too few calls for advice
#include <vt/vt.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace shop {

struct Product {
  int id = 0;
  std::string name;
};

/// The slow backend: every request is answered later, in order.
class Backend {
public:
  vt::Task<int> request() {
    vt::TaskCompletionSource<int> reply;
    pending_.push_back(reply);
    return reply.task();
  }
  void answer_all() {
    for (auto &reply : pending_)
      reply.set_result(7);
    pending_.clear();
  }

private:
  std::vector<vt::TaskCompletionSource<int>> pending_;
};

Backend backend;

vt::Task<Product> load_product(int id) {
  int row = co_await backend.request();
  co_return Product{id, "product " + std::to_string(row)};
}

vt::ValueTask<Product> get_product(int id) {
  if (id % 100 < 85)
    return Product{id, "cached"};
  return load_product(id);
}

vt::Task<bool> ask_permission_service() { co_return co_await backend.request() > 0; }

vt::ValueTask<bool> check_permission(int request) {
  if (request % 100 < 99)
    return true;
  return ask_permission_service();
}

vt::Task<std::string> route(int request) {
  if (request % 100 < 95)
    co_return "local answer";
  co_return "upstream " + std::to_string(co_await backend.request());
}

vt::Task<std::string> get_config(int request) {
  if (request % 1000 < 999)
    co_return "cached value";
  co_return "fresh value " + std::to_string(co_await backend.request());
}

vt::ValueTask<Product> lookup_recommendation(int id) {
  if (id % 10 < 3)
    return Product{id, "recommended"};
  return load_product(id);
}

vt::Task<> write_audit_log() { (void)co_await backend.request(); }

vt::Task<int> monthly_report() { co_return 1; }

} // namespace shop

/// Starts `calls` calls, then lets the backend answer, then awaits them all.
template <typename Call>
void drive(int calls, Call call) {
  std::vector<vt::Task<>> started;
  for (int i = 0; i < calls; ++i)
    started.push_back(call(i));
  shop::backend.answer_all();
  for (auto &task : started)
    task.wait();
}

int main() {
  drive(2000, [](int i) -> vt::Task<> { (void)co_await shop::get_product(i); });
  drive(2000, [](int i) -> vt::Task<> { (void)co_await shop::check_permission(i); });
  drive(2000, [](int i) -> vt::Task<> { (void)co_await shop::route(i); });
  drive(10000, [](int i) -> vt::Task<> { (void)co_await shop::get_config(i); });
  drive(2000, [](int i) -> vt::Task<> { (void)co_await shop::lookup_recommendation(i); });
  drive(1500, [](int) -> vt::Task<> { co_await shop::write_audit_log(); });
  drive(10, [](int) -> vt::Task<> { (void)co_await shop::monthly_report(); });
  std::puts("scenarios done");
}
