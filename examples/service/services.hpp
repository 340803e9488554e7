// The bundled example: a small service in the seeds' style. Every function in
// this header uses Task and ValueTask the way the checks want; vtlint reports
// nothing here. misuse.cpp holds the mistakes.
#pragma once

#include <vt/vt.hpp>

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace service {

struct Product {
  int id = 0;
  std::string name;
  double price = 0;
};

/// Simulated storage: every call really goes asynchronous (a short delay).
inline vt::Task<Product> load_product_from_database(int id) {
  co_await vt::delay(std::chrono::milliseconds(1));
  co_return Product{id, "product-" + std::to_string(id), 9.5 + id};
}

inline vt::Task<bool> ask_permission_service(std::string user, std::string action) {
  co_await vt::delay(std::chrono::milliseconds(1));
  co_return user != "mallory" || action == "read";
}

/// Cache lookups: most calls hit, so the result is usually ready at once and a
/// ValueTask avoids allocating a Task for them.
class ProductCatalog {
public:
  vt::ValueTask<Product> get_product(int id) {
    {
      std::lock_guard lock(mutex_);
      if (auto hit = cache_.find(id); hit != cache_.end())
        return vt::ValueTask<Product>(hit->second);
    }
    return vt::ValueTask<Product>(load_and_cache(id));
  }

private:
  vt::Task<Product> load_and_cache(int id) {
    Product product = co_await load_product_from_database(id);
    std::lock_guard lock(mutex_);
    cache_[id] = product;
    co_return product;
  }

  std::mutex mutex_;
  std::map<int, Product> cache_;
};

/// Permission checks: almost every (user, action) pair is already known.
class PermissionChecker {
public:
  vt::ValueTask<bool> is_allowed(const std::string &user, const std::string &action) {
    {
      std::lock_guard lock(mutex_);
      if (known_.count(user + ":" + action))
        return vt::ValueTask<bool>(true);
    }
    return vt::ValueTask<bool>(check_and_remember(user, action));
  }

private:
  vt::Task<bool> check_and_remember(std::string user, std::string action) {
    bool allowed = co_await ask_permission_service(user, action);
    if (allowed) {
      std::lock_guard lock(mutex_);
      known_.insert(user + ":" + action);
    }
    co_return allowed;
  }

  std::mutex mutex_;
  std::set<std::string> known_;
};

/// The configuration service: a value read once and then served from memory.
class ConfigService {
public:
  vt::ValueTask<std::string> get(const std::string &key) {
    std::lock_guard lock(mutex_);
    if (auto hit = values_.find(key); hit != values_.end())
      return vt::ValueTask<std::string>(hit->second);
    values_[key] = "default-" + key;
    return vt::ValueTask<std::string>(values_[key]);
  }

private:
  std::mutex mutex_;
  std::map<std::string, std::string> values_;
};

/// The gateway: a fast path that reads a ready result without suspending, a
/// slow path that awaits. A value task is consumed exactly once on each path.
class ApiGateway {
public:
  ApiGateway(ProductCatalog &catalog, PermissionChecker &permissions)
      : catalog_(catalog), permissions_(permissions) {}

  vt::Task<std::string> handle(std::string user, int product_id) {
    bool allowed = co_await permissions_.is_allowed(user, "read");
    if (!allowed)
      co_return "403";
    vt::ValueTask<Product> lookup = catalog_.get_product(product_id);
    Product product;
    if (lookup.is_completed())
      product = lookup.result();
    else
      product = co_await lookup;
    co_return "200 " + product.name;
  }

  /// Several awaiters share one lookup: as_task() turns the value task into
  /// a Task that may be awaited any number of times.
  vt::Task<int> handle_twice(int product_id) {
    vt::Task<Product> shared = catalog_.get_product(product_id).as_task();
    Product first = co_await shared;
    Product second = co_await shared;
    co_return first.id + second.id;
  }

private:
  ProductCatalog &catalog_;
  PermissionChecker &permissions_;
};

} // namespace service
