// Profile paths mapped to workspace files by their longest common suffix.
#include "profile/path_mapping.h"

#include <doctest/doctest.h>

using namespace perfhint::profile;

TEST_CASE("the longest component suffix wins; ties and mere name prefixes do not match") {
  PathMapper paths({"shop/orders.py", "billing/orders.py", "./shop/main.py", "app/util.py"});
  auto mapped = [&](std::string_view path) -> std::string {
    const std::string* file = paths.map(path);
    return file ? *file : "(none)";
  };
  CHECK(mapped("/srv/app/shop/orders.py") == "shop/orders.py");
  CHECK(mapped("C:\\build\\billing\\orders.py") == "billing/orders.py");
  CHECK(mapped("/elsewhere/orders.py") == "(none)");  // both match one component: ambiguous
  CHECK(mapped("/srv/shop/main.py") == "./shop/main.py");
  CHECK(mapped("main.py") == "./shop/main.py");
  CHECK(mapped("/srv/app/myutil.py") == "(none)");  // components, not characters
  CHECK(mapped("/srv/x/util.py") == "app/util.py");
  CHECK(mapped("") == "(none)");
}

TEST_CASE("library paths are summarised, the others listed") {
  CHECK(isExternalPath("/usr/lib/python3.11/re/__init__.py"));
  CHECK(isExternalPath("/venv/lib/python3.11/site-packages/requests/api.py"));
  CHECK(isExternalPath("<frozen importlib._bootstrap>"));
  CHECK(isExternalPath("~"));
  CHECK_FALSE(isExternalPath("/srv/app/shop/orders.py"));

  Profile profile;
  for (const char* file : {"/srv/app/shop/orders.py", "/srv/app/shop/gone.py", "~",
                           "/usr/lib/python3.11/re/__init__.py", "/srv/app/shop/gone.py"}) {
    profile.functions.push_back({});
    profile.functions.back().key.file = file;
  }
  UnmatchedPaths unmatched = unmatchedPaths(profile, PathMapper({"shop/orders.py"}));
  CHECK(unmatched.workspaceLike == std::vector<std::string>{"/srv/app/shop/gone.py"});
  CHECK(unmatched.external == 2);
}
