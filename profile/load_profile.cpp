#include "profile/load_profile.h"

#include "profile/profile_readers.h"  // one reader per format

#include <fstream>
#include <sstream>

namespace perfhint::profile {
namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

std::optional<ProfileFormat> detectFormat(std::string_view bytes) {
  if (bytes.empty()) return std::nullopt;
  // marshal's dict type code, with or without FLAG_REF. JSON's '{' is the same byte, but in
  // JSON whitespace, a quote or '}' follows, none of which is a marshal type code.
  auto first = static_cast<unsigned char>(bytes[0]);
  if (first == 0xFB) return ProfileFormat::CProfile;
  size_t start = 0;
  if (bytes.starts_with("\xEF\xBB\xBF")) start = 3;  // a byte-order mark
  while (start < bytes.size() && isSpace(bytes[start])) ++start;
  if (start < bytes.size() && bytes[start] == '{') {
    if (start > 0) return ProfileFormat::Speedscope;
    size_t next = start + 1;
    if (next < bytes.size() && (isSpace(bytes[next]) || bytes[next] == '"' || bytes[next] == '}')) {
      return ProfileFormat::Speedscope;
    }
    return ProfileFormat::CProfile;
  }
  std::string_view head = bytes.substr(0, 4096);
  if (head.find('\0') != std::string_view::npos) return std::nullopt;
  if (head.find("Timer unit:") != std::string_view::npos) return ProfileFormat::LineProfiler;
  return ProfileFormat::CollapsedStacks;
}

ProfileLoad parseProfile(std::string_view bytes, const std::string& fileName) {
  ProfileLoad load;
  load.error.file = fileName;
  std::optional<ProfileFormat> format = detectFormat(bytes);
  if (!format) {
    load.error.message = bytes.empty() ? "empty file"
                                       : "not a profile (cProfile, speedscope, collapsed stacks "
                                         "or line_profiler)";
    return load;
  }
  try {
    switch (*format) {
      case ProfileFormat::CProfile: load.profile = readCProfile(bytes); break;
      case ProfileFormat::Speedscope: load.profile = readSpeedscope(bytes); break;
      case ProfileFormat::CollapsedStacks: load.profile = readCollapsedStacks(bytes); break;
      case ProfileFormat::LineProfiler: load.profile = readLineProfiler(bytes); break;
    }
  } catch (const ProfileParseError& error) {
    load.error.position = error.position;
    load.error.at = error.at;
    load.error.message = std::string(formatName(*format)) + " profile: " + error.what();
  }
  return load;
}

ProfileLoad loadProfile(const std::filesystem::path& file) {
  ProfileLoad load;
  load.error.file = file.string();
  std::error_code error;
  uintmax_t size = std::filesystem::file_size(file, error);
  if (error) {
    load.error.message = "cannot read: " + error.message();
    return load;
  }
  if (size > kMaxProfileBytes) {
    load.error.message = "larger than 256 MiB";
    return load;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    load.error.message = "cannot read";
    return load;
  }
  return parseProfile(bytes.view(), file.string());
}

}  // namespace perfhint::profile
