// Real misuse of value tasks, one function per mistake. vtlint reports each
// of them; main.cpp runs them and shows what the runtime does about it.
#include "services.hpp"

#include <cstdio>

namespace service {

/// valuetask-stored: a value task kept in a field is consumed by whoever
/// reads it first; everybody after that gets an exception.
class ProductPrefetcher {
public:
  explicit ProductPrefetcher(ProductCatalog &catalog)
      : pending_(catalog.get_product(7)) {}

  vt::Task<Product> get() { co_return co_await std::move(pending_); }

private:
  vt::ValueTask<Product> pending_;
};

/// valuetask-double-await: the second co_await of the same value task.
vt::Task<double> total_price_twice(ProductCatalog &catalog) {
  vt::ValueTask<Product> product = catalog.get_product(1);
  Product first = co_await product;
  Product again = co_await product;
  co_return first.price + again.price;
}

/// valuetask-unawaited: the permission check is started and then forgotten.
vt::Task<> audit(PermissionChecker &permissions) {
  permissions.is_allowed("eve", "write");
  co_return;
}

/// valuetask-result-before-completion: result() without checking first.
double price_right_now(ProductCatalog &catalog, int id) {
  vt::ValueTask<Product> product = catalog.get_product(id);
  return product.result().price;
}

/// valuetask-always-async: every path awaits a Task first, so this value
/// task never completes synchronously and only adds cost.
vt::ValueTask<Product> load_fresh(int id) {
  Product product = co_await load_product_from_database(id);
  co_return product;
}

} // namespace service

namespace service {

/// Runs each mistake and prints what the runtime does about it.
void show_misuse_consequences(ProductCatalog &catalog, PermissionChecker &permissions) {
  try {
    total_price_twice(catalog).get();
  } catch (const vt::InvalidOperationError &error) {
    std::printf("double await: %s\n", error.what());
  }

  ProductPrefetcher prefetcher(catalog);
  prefetcher.get().get();
  try {
    prefetcher.get().get();
  } catch (const vt::InvalidOperationError &error) {
    std::printf("stored value task read twice: %s\n", error.what());
  }

  audit(permissions).get();

  try {
    price_right_now(catalog, 4242);
  } catch (const vt::InvalidOperationError &error) {
    std::printf("result before completion: %s\n", error.what());
  }

  std::printf("always async: %s\n", load_fresh(3).as_task().get().name.c_str());
}

} // namespace service
