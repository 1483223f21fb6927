// Reading a profile file of any supported format into a Profile: the entry point of the
// profile library.
#pragma once

#include "profile/profile.h"        // the model
#include "profile/profile_error.h"  // what went wrong

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace perfhint::profile {

/// Either a whole profile or an error; never a profile read half-way.
struct ProfileLoad {
  std::optional<Profile> profile;
  ProfileError error;  ///< set when `profile` is empty
};

/// The format `bytes` are in, told from their first bytes: a marshal dict (cProfile), a JSON
/// object (speedscope), a report with "Timer unit:" (line_profiler), else collapsed stacks.
/// nullopt for an empty file or binary data that is not marshal.
std::optional<ProfileFormat> detectFormat(std::string_view bytes);

/// Reads a profile from `bytes`; `fileName` names it in errors.
ProfileLoad parseProfile(std::string_view bytes, const std::string& fileName);

/// Reads the profile in `file` (at most kMaxProfileBytes).
ProfileLoad loadProfile(const std::filesystem::path& file);

/// Larger files are refused: parsed, a profile takes several times its size in memory.
inline constexpr uint64_t kMaxProfileBytes = uint64_t{256} << 20;

}  // namespace perfhint::profile
