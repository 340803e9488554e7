// The example service end to end: the correct paths, then the mistakes.
#include "services.hpp"

#include <cstdio>
#include <string_view>

namespace service {
void show_misuse_consequences(ProductCatalog &catalog, PermissionChecker &permissions);
}

int main() {
  vt::set_unobserved_handler([](std::string_view message) {
    std::printf("unobserved: %.*s\n", static_cast<int>(message.size()), message.data());
  });

  service::ProductCatalog catalog;
  service::PermissionChecker permissions;
  service::ConfigService config;
  service::ApiGateway gateway(catalog, permissions);

  std::printf("%s\n", gateway.handle("alice", 1).get().c_str());
  std::printf("%s\n", gateway.handle("alice", 1).get().c_str());
  std::printf("%s\n", gateway.handle("mallory", 2).get().c_str());
  std::printf("shared lookup: %d\n", gateway.handle_twice(5).get());
  std::printf("config: %s\n", config.get("region").as_task().get().c_str());

  service::show_misuse_consequences(catalog, permissions);
  return 0;
}
