#include "measure/user_measurements.h"

#include <nlohmann/json.hpp>

#include <cstdlib>  // getenv
#include <fstream>
#include <sstream>

#include <unistd.h>  // getpid, for a temporary name of our own

namespace perfhint::measure {
namespace {

constexpr int kFormat = 1;

nlohmann::json readDocument(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nlohmann::json::object();
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json document = nlohmann::json::parse(text.str(), nullptr, false);
  if (!document.is_object() || document.value("format", 0) != kFormat ||
      !document.contains("interpreters") || !document["interpreters"].is_object())
    return nlohmann::json::object();
  return document;
}

}  // namespace

std::filesystem::path userMeasurementsPath() {
  const char* cache = std::getenv("XDG_CACHE_HOME");
  if (cache && *cache) return std::filesystem::path(cache) / "perfhint" / "measurements.json";
  const char* home = std::getenv("HOME");
  if (home && *home)
    return std::filesystem::path(home) / ".cache" / "perfhint" / "measurements.json";
  return {};
}

std::vector<UserFigure> loadUserFigures(const std::filesystem::path& path) {
  std::vector<UserFigure> figures;
  nlohmann::json document = readDocument(path);
  if (!document.contains("interpreters")) return figures;
  for (const auto& [python, rules] : document["interpreters"].items()) {
    if (!rules.is_object()) continue;
    for (const auto& [code, entry] : rules.items()) {
      if (!entry.is_object()) continue;
      const auto& n = entry.value("n", nlohmann::json());
      const auto& before = entry.value("before", nlohmann::json());
      const auto& after = entry.value("after", nlohmann::json());
      if (!n.is_number_integer() || !before.is_number() || !after.is_number()) continue;
      figures.push_back({python, code, n.get<long>(), before.get<double>(), after.get<double>()});
    }
  }
  return figures;
}

std::vector<UserFigure> userFiguresFor(const std::filesystem::path& path, std::string_view code) {
  std::vector<UserFigure> figures = loadUserFigures(path);
  std::erase_if(figures, [&](const UserFigure& figure) { return figure.code != code; });
  return figures;
}

bool saveUserFigures(const std::filesystem::path& path, const std::vector<UserFigure>& figures,
                     std::string& error) {
  nlohmann::json document = readDocument(path);
  document["format"] = kFormat;
  if (!document.contains("interpreters")) document["interpreters"] = nlohmann::json::object();
  for (const UserFigure& figure : figures)
    document["interpreters"][figure.python][figure.code] = {
        {"n", figure.n}, {"before", figure.beforeSeconds}, {"after", figure.afterSeconds}};
  std::error_code failure;
  std::filesystem::create_directories(path.parent_path(), failure);
  // Written beside the file and renamed over it: a reader never sees half a file.
  std::filesystem::path temporary = path;
  temporary += ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << document.dump(1) << "\n";
    if (!out) {
      error = "cannot write " + temporary.string();
      std::filesystem::remove(temporary, failure);
      return false;
    }
  }
  std::filesystem::rename(temporary, path, failure);
  if (failure) {
    error = "cannot write " + path.string() + ": " + failure.message();
    std::filesystem::remove(temporary, failure);
    return false;
  }
  return true;
}

}  // namespace perfhint::measure
