// The example service end to end: the correct paths, then the mistakes.
#include "services.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace service {
void show_misuse_consequences(ProductCatalog &catalog, PermissionChecker &permissions);
}

/// `vt-example-service --workload N`: N gateway requests for 100 products,
/// each read from storage once and then from the cache, for a profile
/// (`VT_PROFILE=file`, see docs/profile.md and `make demo`).
static int run_workload(service::ApiGateway &gateway, int requests) {
  int served = 0;
  for (int i = 0; i < requests; ++i)
    served += gateway.handle("alice", i % 100).get().starts_with("200");
  std::printf("workload: %d of %d requests served\n", served, requests);
  return served == requests ? 0 : 1;
}

int main(int argc, char **argv) {
  vt::set_unobserved_handler([](std::string_view message) {
    std::printf("unobserved: %.*s\n", static_cast<int>(message.size()), message.data());
  });

  service::ProductCatalog catalog;
  service::PermissionChecker permissions;
  service::ConfigService config;
  service::ApiGateway gateway(catalog, permissions);
  if (argc == 3 && std::string_view(argv[1]) == "--workload")
    return run_workload(gateway, std::atoi(argv[2]));

  std::printf("%s\n", gateway.handle("alice", 1).get().c_str());
  std::printf("%s\n", gateway.handle("alice", 1).get().c_str());
  std::printf("%s\n", gateway.handle("mallory", 2).get().c_str());
  std::printf("shared lookup: %d\n", gateway.handle_twice(5).get());
  std::printf("config: %s\n", config.get("region").as_task().get().c_str());

  service::show_misuse_consequences(catalog, permissions);
  return 0;
}
