#include "config/python_version_name.h"

#include <charconv>  // from_chars

namespace perfhint::config {

std::optional<PythonVersion> parsePythonVersion(std::string_view name) {
  if (!name.starts_with("py3") || name.size() < 4 || name.size() > 5) return std::nullopt;
  unsigned minor = 0;
  std::string_view digits = name.substr(3);
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), minor);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  if (digits.size() > 1 && digits[0] == '0') return std::nullopt;
  PythonVersion version{3, static_cast<uint8_t>(minor)};
  if (minor > 255 || version < kOldestPythonVersion || version > kNewestPythonVersion) {
    return std::nullopt;
  }
  return version;
}

std::string pythonVersionName(PythonVersion version) {
  return "py" + std::to_string(version.major) + std::to_string(version.minor);
}

}  // namespace perfhint::config
