// Shared by the profile tests: the hand-made profiles in tests/profiles/ and their workspace.
#pragma once

#include "profile/load_profile.h"

#include <doctest/doctest.h>

#include <string>

namespace perfhint::profile::testing {

inline std::string profilePath(const std::string& name) {
  return std::string(PERFHINT_SOURCE_DIR) + "/tests/profiles/" + name;
}

/// A committed profile, which must load.
inline Profile loadTestProfile(const std::string& name) {
  ProfileLoad load = loadProfile(profilePath(name));
  REQUIRE_MESSAGE(load.profile, load.error.describe());
  return std::move(*load.profile);
}

/// The function of `profile` named `name` in a file ending in `fileSuffix`.
inline const ProfiledFunction& functionNamed(const Profile& profile, const std::string& name,
                                             const std::string& fileSuffix = ".py") {
  for (const ProfiledFunction& function : profile.functions) {
    if (function.key.name == name && function.key.file.ends_with(fileSuffix)) return function;
  }
  FAIL("no function " << name);
  return profile.functions.front();
}

/// The error `text` is refused with, as loadProfile describes it for a file named `name`.
inline std::string refusal(const std::string& text, const std::string& name = "p") {
  ProfileLoad load = parseProfile(text, name);
  CHECK_FALSE(load.profile);
  return load.error.describe();
}

}  // namespace perfhint::profile::testing
