// Server settings: partial updates, validation, and keeping the last good settings.
#include "server/lsp/server_settings.h"

#include <doctest/doctest.h>

using namespace perfhint;
using nlohmann::json;

TEST_CASE("settings update only the keys given") {
  lsp::ServerSettings settings;
  CHECK(lsp::updateSettings(settings, json{{"debounceMs", 0}, {"unsafeFixes", true}}).empty());
  CHECK(settings.debounceMs == 0);
  CHECK(settings.unsafeFixes == true);
  CHECK(lsp::updateSettings(settings, json{{"ignore", {"PH7"}}, {"severity", {{"PH201", "hint"}}}})
            .empty());
  CHECK(settings.debounceMs == 0);
  CHECK_FALSE(settings.selection.isEnabled("PH701"));
  CHECK(settings.selection.isEnabled("PH201"));
  CHECK(settings.severity.at("PH201") == Severity::Hint);
}

TEST_CASE("invalid settings change nothing and say why") {
  lsp::ServerSettings settings;
  settings.debounceMs = 80;
  auto errors = lsp::updateSettings(settings, json{{"debounceMs", "fast"},
                                                   {"select", {"PH9"}},
                                                   {"severity", {{"PH201", "loud"}}},
                                                   {"unsafeFixes", 1}});
  CHECK(errors == std::vector<std::string>{
                      "severity of PH201 must be error, warning, info or hint",
                      "debounceMs must be a whole number of milliseconds from 0 to 60000",
                      "unsafeFixes must be true or false",
                      "unknown rule code or prefix in select: 'PH9'"});
  CHECK(settings.debounceMs == 80);
  CHECK(settings.selection.isEnabled("PH701"));
  CHECK(lsp::updateSettings(settings, json(5)) ==
        std::vector<std::string>{"perfhint settings must be an object"});
  CHECK(lsp::updateSettings(settings, json(nullptr)).empty());
}

TEST_CASE("the editor's layer holds only the keys the editor set") {
  lsp::ServerSettings settings;
  config::ConfigLayer unset = lsp::editorLayer(settings, "/w");
  CHECK(!unset.select);
  CHECK(unset.ignore.empty());
  CHECK(!unset.unsafeFixes);
  CHECK(unset.severity.empty());
  CHECK(unset.extendSelect.empty());
  CHECK(!unset.targetVersion);
  CHECK(!unset.exclude);

  REQUIRE(lsp::updateSettings(settings, json{{"select", {"PH7"}},
                                             {"ignore", {"PH703"}},
                                             {"unsafeFixes", false},
                                             {"severity", {{"PH201", "hint"}}}})
              .empty());
  config::ConfigLayer layer = lsp::editorLayer(settings, "/w");
  CHECK(layer.select == std::vector<std::string>{"PH7"});
  CHECK(layer.ignore == std::vector<std::string>{"PH703"});
  CHECK(layer.unsafeFixes == false);
  CHECK(layer.severity.at("PH201") == Severity::Hint);
}

TEST_CASE("targetVersion, extendSelect and exclude reach the editor's layer") {
  lsp::ServerSettings settings;
  REQUIRE(lsp::updateSettings(settings, json{{"targetVersion", "py39"},
                                             {"extendSelect", {"PH101"}},
                                             {"exclude", {"gen", "sub/*.py"}}})
              .empty());
  config::ConfigLayer layer = lsp::editorLayer(settings, "/w/folder");
  CHECK(layer.targetVersion == PythonVersion{3, 9});
  CHECK(layer.extendSelect == std::vector<std::string>{"PH101"});
  REQUIRE(layer.exclude);
  REQUIRE(layer.exclude->size() == 2);
  CHECK((*layer.exclude)[0].glob == "gen");
  CHECK((*layer.exclude)[1].glob == "sub/*.py");
  // Relative to the workspace folder the settings came for.
  CHECK((*layer.exclude)[1].base == std::filesystem::path("/w/folder"));

  // An empty list excludes nothing, overriding a configuration file's exclude.
  REQUIRE(lsp::updateSettings(settings, json{{"exclude", json::array()}}).empty());
  layer = lsp::editorLayer(settings, "/w/folder");
  REQUIRE(layer.exclude);
  CHECK(layer.exclude->empty());

  // null gives the keys back to the configuration file; other keys stay.
  REQUIRE(lsp::updateSettings(settings, json{{"exclude", nullptr}, {"targetVersion", nullptr}})
              .empty());
  CHECK(!settings.exclude);
  CHECK(!settings.targetVersion);
  CHECK(settings.extendSelect == std::vector<std::string>{"PH101"});
}

TEST_CASE("invalid targetVersion, extendSelect and exclude are refused") {
  lsp::ServerSettings settings;
  auto errors = lsp::updateSettings(
      settings, json{{"targetVersion", "py27"}, {"extendSelect", {"PH9"}}, {"exclude", "gen"}});
  CHECK(errors ==
        std::vector<std::string>{"exclude must be an array of glob patterns",
                                 "targetVersion must name a Python version from py38 to py314",
                                 "unknown rule code or prefix in extendSelect: 'PH9'"});
  CHECK(!settings.targetVersion);
  CHECK(settings.extendSelect.empty());
  CHECK(!settings.exclude);
}
