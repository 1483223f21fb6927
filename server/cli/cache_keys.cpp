#include "server/cli/cache_keys.h"

#include "analysis/rules/registry.h"  // every rule
#include "server/cli/check_cache.h"   // kCacheFormatVersion
#include "server/cli/content_hash.h"  // HashBuilder

#include <sys/stat.h>  // stat: nanosecond times

#include <chrono>

namespace perfhint::cli {
namespace {

int64_t nanoseconds(const timespec& time) {
  return static_cast<int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

constexpr int64_t kSettleNs = 2'000'000'000;

}  // namespace

std::optional<FileStamp> stampOf(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
  return FileStamp{static_cast<uint64_t>(status.st_size), nanoseconds(status.st_mtim),
                   nanoseconds(status.st_ctim)};
}

bool isSettledStamp(const FileStamp& stamp, int64_t nowNs) {
  return stamp.modifiedNs + kSettleNs <= nowNs && stamp.changedNs + kSettleNs <= nowNs;
}

int64_t wallClockNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

uint64_t settingsKey(const config::FileSettings& settings) {
  HashBuilder hash;
  for (const Rule* rule : allRules()) {
    if (settings.selection.isEnabled(*rule)) hash.add(rule->info().code);
  }
  hash.add(uint64_t{settings.analysis.targetVersion.major})
      .add(uint64_t{settings.analysis.targetVersion.minor});
  for (const auto& [code, severity] : settings.analysis.severity) {
    hash.add(code).add(static_cast<uint64_t>(severity));
  }
  return hash.value();
}

uint64_t toolFingerprint() {
  HashBuilder hash;
  hash.add(uint64_t{kCacheFormatVersion}).add(std::string_view(PERFHINT_VERSION));
  for (const Rule* rule : allRules()) {
    const RuleInfo& info = rule->info();
    hash.add(info.code)
        .add(info.name)
        .add(static_cast<uint64_t>(info.severity))
        .add(static_cast<uint64_t>(info.fix));
  }
  if (std::optional<FileStamp> executable = stampOf("/proc/self/exe")) {
    hash.add(executable->size).add(static_cast<uint64_t>(executable->modifiedNs));
  }
  return hash.value();
}

}  // namespace perfhint::cli
