// What a cached check result depends on besides the file's path: the file itself (its stamp,
// then its content), the settings it was checked with, and the perfhint that checked it.
#pragma once

#include "config/resolved_config.h"  // FileSettings

#include <cstdint>
#include <optional>
#include <string>

namespace perfhint::cli {

/// What `stat` says about a file: when size, modification time and change time all match a
/// stored stamp, the file is taken as unchanged without reading it. The change time cannot be
/// set back by hand (`touch -d` sets the modification time, and moves the change time on), so an
/// edit that keeps the size and restores the modification time is still seen.
struct FileStamp {
  uint64_t size = 0;
  int64_t modifiedNs = 0;
  int64_t changedNs = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

/// The stamp of `path`; nullopt when it cannot be read (the check then reports the error).
std::optional<FileStamp> stampOf(const std::string& path);

/// Whether a stamp taken at `nowNs` (wall clock, nanoseconds) may be trusted on the next run: a
/// file changed within the last two seconds could change again within the file system's clock
/// tick and keep its stamp, so its next check compares the content instead.
bool isSettledStamp(const FileStamp& stamp, int64_t nowNs);

/// The wall clock in nanoseconds since the epoch, as file times count.
int64_t wallClockNs();

/// A hash of everything in `settings` that changes findings: the rules that run (after
/// per-file-ignores), the target version and the severity overrides. `unsafe-fixes` is not in
/// it: findings carry their fixes whatever it says; reports and `--fix` apply it afterwards.
uint64_t settingsKey(const config::FileSettings& settings);

/// Changes whenever cached findings could: the cache format, perfhint's version, every rule's
/// code, name, severity and fix availability, and the executable's size and modification time
/// (a rebuilt binary may check differently under the same version).
uint64_t toolFingerprint();

}  // namespace perfhint::cli
