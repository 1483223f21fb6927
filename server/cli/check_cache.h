// The cache of `perfhint check`: what each file's check found, so that a run over an unchanged
// tree reads file metadata and one cache file instead of every source.
//
// An entry is keyed by the file's absolute path and the hash of the settings it was checked with
// (settingsKey), and holds the file's stamp (size, modification and change time), the hash of
// its content, and the findings with everything the reports print: ranges, messages, severities,
// loop depths and fix edits, plus the file's text when there are findings (the text report quotes
// the flagged lines). A lookup first compares stamps; when the stamp differs (or was taken too
// soon after a change to be trusted) the caller reads the file and the content hash decides.
//
// On disk: one file, `<cache dir>/<version>/check.bin`, written whole to a temporary file and
// renamed over the old one, so a reader sees the old file or the new one, never half of either:
//
//   magic "PHCACHE\n" | u32 format version | u32 entry count | u64 tool fingerprint
//   | u64 payload length | u64 payload hash | payload: the entries one after another
//
// Numbers are in the byte order of the machine. A file with another magic, format version or
// fingerprint, a wrong length or a payload that does not match its hash is ignored whole (and
// replaced on the next save); nothing in it is trusted.
#pragma once

#include "analysis/engine/finding.h"  // what is cached
#include "server/cli/cache_keys.h"    // FileStamp

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace perfhint::cli {

/// Bumped whenever the layout of the cache file changes.
inline constexpr uint32_t kCacheFormatVersion = 1;

/// What the cache gives back for a file: its findings and, when there are any, its text.
struct CachedCheck {
  std::string text;  ///< empty when there are no findings
  std::vector<Finding> findings;
};

/// Lookups and records for different slots may run on different threads at once; load(),
/// beginRun() and save() may not overlap with anything else.
class CheckCache {
 public:
  /// A cache in `directory` for results made by a perfhint with `fingerprint`.
  CheckCache(std::filesystem::path directory, uint64_t fingerprint);

  /// Reads the cache file. A missing file leaves the cache empty; so does a damaged, truncated
  /// or foreign one, and problem() then says why.
  void load();
  const std::string& problem() const { return problem_; }

  const std::filesystem::path& directory() const { return directory_; }
  const std::filesystem::path& file() const { return file_; }

  /// Starts a run over `files` files: slot i takes what file i's check records.
  void beginRun(size_t files);

  /// The stored result for `path` under `settings` when `stamp` equals a trusted stored stamp.
  std::optional<CachedCheck> findByStamp(const std::string& path, uint64_t settings,
                                         const FileStamp& stamp) const;

  /// The stored result for `path` under `settings` when its content hash is `contentHash`; the
  /// new stamp is recorded in slot `index`.
  std::optional<CachedCheck> findByContent(size_t index, const std::string& path, uint64_t settings,
                                           const FileStamp& stamp, uint64_t contentHash);

  /// Records a fresh result in slot `index`. `text` is kept only when there are findings.
  void record(size_t index, const std::string& path, uint64_t settings, const FileStamp& stamp,
              uint64_t contentHash, std::string_view text, std::span<const Finding> findings);

  /// Writes the cache file when this run recorded anything or the file was unusable: the
  /// entries recorded now over those in the file as it is now (another run may have saved since
  /// load()), less those of files that no longer exist. Creates the directory with a
  /// `.gitignore` and a `CACHEDIR.TAG`. Returns why it could not, or an empty string.
  std::string save();

 private:
  struct StoredEntry {
    uint64_t settings = 0;
    FileStamp stamp;
    bool settled = false;  ///< the stamp may be trusted (isSettledStamp when recorded)
    uint64_t contentHash = 0;
    std::string_view record;  ///< the whole encoded entry
    std::string_view body;    ///< its text and findings
  };
  struct FreshEntry {
    std::string key;
    std::string record;
  };
  using EntryMap = std::unordered_map<std::string, StoredEntry>;

  std::string keyOf(const std::string& path, uint64_t settings) const;
  const StoredEntry* find(const std::string& key) const;
  /// Reads and checks the cache file into `buffer` and `entries`; returns why not, or "".
  std::string readFile(std::string& buffer, EntryMap& entries) const;

  std::filesystem::path directory_;
  std::filesystem::path file_;
  uint64_t fingerprint_;
  std::filesystem::path workingDirectory_;  ///< to make relative paths absolute
  std::string problem_;
  bool unusable_ = false;  ///< the file exists but was not usable: rewrite it
  std::string buffer_;     ///< the loaded file; entries_ point into it
  EntryMap entries_;
  int64_t runStartNs_ = 0;
  std::vector<std::optional<FreshEntry>> fresh_;
};

}  // namespace perfhint::cli
