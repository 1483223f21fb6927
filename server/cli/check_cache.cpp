#include "server/cli/check_cache.h"

#include "analysis/rules/registry.h"  // findRule: codes back to rules
#include "analysis/rules/rule.h"      // RuleInfo
#include "server/cli/content_hash.h"  // payload and content hashes

#include <fcntl.h>   // open
#include <unistd.h>  // getpid, write, close

#include <algorithm>  // any_of
#include <atomic>
#include <cerrno>
#include <cstring>  // memcpy, strerror
#include <fstream>
#include <string>
#include <system_error>

namespace perfhint::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kMagic = "PHCACHE\n";
constexpr std::string_view kNoCacheFile = "no cache file";
constexpr size_t kHeaderBytes = 8 + 4 + 4 + 8 + 8 + 8;
constexpr std::string_view kGitignore =
    "# Created by perfhint: the whole directory is a cache.\n*\n";
constexpr std::string_view kCachedirTag =
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by perfhint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n";

// Appends numbers and length-prefixed strings.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  template <typename Number>
  void number(Number value) {
    char bytes[sizeof value];
    std::memcpy(bytes, &value, sizeof value);
    out_.append(bytes, sizeof value);
  }
  void string(std::string_view text) {
    number(static_cast<uint32_t>(text.size()));
    out_.append(text);
  }

 private:
  std::string& out_;
};

// Reads what Writer wrote; any read past the end makes it fail for good.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  template <typename Number>
  Number number() {
    Number value{};
    if (rest_.size() < sizeof value) {
      failed_ = true;
      return value;
    }
    std::memcpy(&value, rest_.data(), sizeof value);
    rest_.remove_prefix(sizeof value);
    return value;
  }
  std::string_view bytes(size_t count) {
    if (rest_.size() < count) {
      failed_ = true;
      return {};
    }
    std::string_view taken = rest_.substr(0, count);
    rest_.remove_prefix(count);
    return taken;
  }
  std::string_view string() { return bytes(number<uint32_t>()); }
  bool failed() const { return failed_; }
  size_t offset(std::string_view whole) const {
    return static_cast<size_t>(rest_.data() - whole.data());
  }
  bool atEnd() const { return rest_.empty(); }

 private:
  std::string_view rest_;
  bool failed_ = false;
};

void encodeBody(Writer& out, std::string_view text, std::span<const Finding> findings) {
  out.string(findings.empty() ? std::string_view() : text);
  out.number(static_cast<uint32_t>(findings.size()));
  for (const Finding& finding : findings) {
    out.string(finding.rule->code);
    out.number(finding.range.start);
    out.number(finding.range.end);
    out.string(finding.message);
    out.number(static_cast<uint8_t>(finding.severity));
    out.number(finding.loopDepth);
    out.number(static_cast<uint8_t>(finding.fix.has_value()));
    if (!finding.fix) continue;
    out.string(finding.fix->title);
    out.number(static_cast<uint8_t>(finding.fix->safety));
    out.number(static_cast<uint32_t>(finding.fix->edits.size()));
    for (const FixEdit& edit : finding.fix->edits) {
      out.number(edit.range.start);
      out.number(edit.range.end);
      out.string(edit.replacement);
    }
  }
}

// A range read back must lie in the text it refers to, or the reports would read past it.
ByteRange readRange(Reader& in, size_t textSize, bool& valid) {
  ByteRange range{in.number<uint32_t>(), in.number<uint32_t>()};
  valid = valid && range.start <= range.end && range.end <= textSize;
  return range;
}

std::optional<CachedCheck> decodeBody(std::string_view body) {
  Reader in(body);
  CachedCheck check;
  check.text = in.string();
  uint32_t count = in.number<uint32_t>();
  bool valid = !in.failed();
  for (uint32_t i = 0; valid && i < count; ++i) {
    Finding finding;
    const Rule* rule = findRule(in.string());
    valid = rule != nullptr;
    if (!valid) break;
    finding.rule = &rule->info();
    finding.range = readRange(in, check.text.size(), valid);
    finding.message = in.string();
    auto severity = in.number<uint8_t>();
    valid = valid && severity <= static_cast<uint8_t>(Severity::Hint);
    finding.severity = static_cast<Severity>(severity);
    finding.loopDepth = in.number<uint16_t>();
    if (in.number<uint8_t>()) {
      Fix& fix = finding.fix.emplace();
      fix.title = in.string();
      auto safety = in.number<uint8_t>();
      valid = valid && safety <= static_cast<uint8_t>(FixSafety::Unsafe);
      fix.safety = static_cast<FixSafety>(safety);
      uint32_t edits = in.number<uint32_t>();
      for (uint32_t e = 0; valid && !in.failed() && e < edits; ++e) {
        FixEdit& edit = fix.edits.emplace_back();
        edit.range = readRange(in, check.text.size(), valid);
        edit.replacement = in.string();
      }
    }
    valid = valid && !in.failed();
    check.findings.push_back(std::move(finding));
  }
  if (!valid || !in.atEnd()) return std::nullopt;
  return check;
}

std::string encodeRecord(std::string_view path, uint64_t settings, const FileStamp& stamp,
                         bool settled, uint64_t contentHash, std::string_view body) {
  std::string record;
  Writer out(record);
  out.string(path);
  out.number(settings);
  out.number(stamp.size);
  out.number(stamp.modifiedNs);
  out.number(stamp.changedNs);
  out.number(static_cast<uint8_t>(settled));
  out.number(contentHash);
  out.string(body);
  return record;
}

// An entry's key: the file's absolute path, then the eight bytes of its settings hash.
std::string entryKey(std::string absolutePath, uint64_t settings) {
  Writer(absolutePath).number(settings);
  return absolutePath;
}

std::string_view pathOfKey(std::string_view key) {
  return key.substr(0, key.size() - sizeof(uint64_t));
}

// Writes `bytes` to a new temporary file beside `file` and renames it over `file`.
std::string replaceFile(const fs::path& file, std::string_view bytes) {
  static std::atomic<unsigned> counter{0};
  fs::path temporary = file;
  temporary += ".tmp." + std::to_string(getpid()) + "." + std::to_string(counter++);
  int descriptor = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (descriptor < 0) return "cannot create " + temporary.string() + ": " + std::strerror(errno);
  std::string_view rest = bytes;
  while (!rest.empty()) {
    ssize_t written = ::write(descriptor, rest.data(), rest.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) break;
    rest.remove_prefix(static_cast<size_t>(written));
  }
  int writeError = rest.empty() ? 0 : errno;
  if (::close(descriptor) != 0 && writeError == 0) writeError = errno;
  std::error_code error;
  if (writeError == 0) fs::rename(temporary, file, error);
  if (writeError != 0 || error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    return "cannot write " + file.string() + ": " +
           (writeError ? std::string(std::strerror(writeError)) : error.message());
  }
  return {};
}

// The cache directory with its `.gitignore` and `CACHEDIR.TAG`, made when missing.
std::string prepareDirectory(const fs::path& directory, const fs::path& subdirectory) {
  std::error_code error;
  fs::create_directories(subdirectory, error);
  if (error) return "cannot create " + subdirectory.string() + ": " + error.message();
  for (auto [name, text] : {std::pair{".gitignore", kGitignore}, {"CACHEDIR.TAG", kCachedirTag}}) {
    if (fs::exists(directory / name, error)) continue;
    if (std::string problem = replaceFile(directory / name, text); !problem.empty()) return problem;
  }
  return {};
}

}  // namespace

CheckCache::CheckCache(fs::path directory, uint64_t fingerprint)
    : directory_(std::move(directory)),
      file_(directory_ / PERFHINT_VERSION / "check.bin"),
      fingerprint_(fingerprint) {
  std::error_code error;
  workingDirectory_ = fs::current_path(error);
}

std::string CheckCache::keyOf(const std::string& path, uint64_t settings) const {
  fs::path absolute = fs::path(path).is_absolute() ? fs::path(path) : workingDirectory_ / path;
  return entryKey(absolute.lexically_normal().string(), settings);
}

std::string CheckCache::readFile(std::string& buffer, EntryMap& entries) const {
  std::ifstream file(file_, std::ios::binary | std::ios::ate);
  if (!file) return std::string(kNoCacheFile);
  auto size = static_cast<std::streamsize>(file.tellg());
  buffer.resize(static_cast<size_t>(std::max<std::streamsize>(size, 0)));
  file.seekg(0);
  if (!file.read(buffer.data(), size)) return "unreadable";
  Reader header(buffer);
  if (header.bytes(kMagic.size()) != kMagic) return "not a perfhint cache file";
  auto format = header.number<uint32_t>();
  auto count = header.number<uint32_t>();
  auto fingerprint = header.number<uint64_t>();
  auto length = header.number<uint64_t>();
  auto hash = header.number<uint64_t>();
  if (header.failed()) return "truncated";
  if (format != kCacheFormatVersion || fingerprint != fingerprint_) {
    return "written by another version or build of perfhint";
  }
  if (buffer.size() - kHeaderBytes != length) return "truncated or padded";
  std::string_view payload = std::string_view(buffer).substr(kHeaderBytes);
  if (contentHash(payload) != hash) return "damaged (its content does not match its hash)";

  Reader in(payload);
  for (uint32_t i = 0; i < count; ++i) {
    size_t start = in.offset(payload);
    std::string_view path = in.string();
    StoredEntry entry;
    entry.settings = in.number<uint64_t>();
    entry.stamp.size = in.number<uint64_t>();
    entry.stamp.modifiedNs = in.number<int64_t>();
    entry.stamp.changedNs = in.number<int64_t>();
    entry.settled = in.number<uint8_t>() != 0;
    entry.contentHash = in.number<uint64_t>();
    entry.body = in.string();
    if (in.failed()) return "damaged (an entry runs past the end)";
    entry.record = payload.substr(start, in.offset(payload) - start);
    entries.insert_or_assign(entryKey(std::string(path), entry.settings), entry);
  }
  if (!in.atEnd()) return "damaged (bytes after the last entry)";
  return {};
}

void CheckCache::load() {
  problem_.clear();
  entries_.clear();
  std::string problem = readFile(buffer_, entries_);
  if (problem.empty()) return;
  entries_.clear();
  buffer_.clear();
  if (problem != kNoCacheFile) {
    problem_ = std::move(problem);
    unusable_ = true;
  }
}

void CheckCache::beginRun(size_t files) {
  fresh_.assign(files, std::nullopt);
  runStartNs_ = wallClockNs();
}

const CheckCache::StoredEntry* CheckCache::find(const std::string& key) const {
  auto found = entries_.find(key);
  return found == entries_.end() ? nullptr : &found->second;
}

std::optional<CachedCheck> CheckCache::findByStamp(const std::string& path, uint64_t settings,
                                                   const FileStamp& stamp) const {
  const StoredEntry* entry = find(keyOf(path, settings));
  if (!entry || !entry->settled || entry->stamp != stamp) return std::nullopt;
  return decodeBody(entry->body);
}

std::optional<CachedCheck> CheckCache::findByContent(size_t index, const std::string& path,
                                                     uint64_t settings, const FileStamp& stamp,
                                                     uint64_t contentHash) {
  std::string key = keyOf(path, settings);
  const StoredEntry* entry = find(key);
  if (!entry || entry->contentHash != contentHash) return std::nullopt;
  std::optional<CachedCheck> check = decodeBody(entry->body);
  if (!check) return std::nullopt;
  // Same content under a new stamp: keep the findings, remember the stamp.
  std::string record = encodeRecord(pathOfKey(key), settings, stamp,
                                    isSettledStamp(stamp, runStartNs_), contentHash, entry->body);
  fresh_[index] = FreshEntry{std::move(key), std::move(record)};
  return check;
}

void CheckCache::record(size_t index, const std::string& path, uint64_t settings,
                        const FileStamp& stamp, uint64_t contentHash, std::string_view text,
                        std::span<const Finding> findings) {
  std::string key = keyOf(path, settings);
  std::string body;
  Writer out(body);
  encodeBody(out, text, findings);
  std::string record = encodeRecord(pathOfKey(key), settings, stamp,
                                    isSettledStamp(stamp, runStartNs_), contentHash, body);
  fresh_[index] = FreshEntry{std::move(key), std::move(record)};
}

std::string CheckCache::save() {
  bool anyFresh = std::any_of(fresh_.begin(), fresh_.end(),
                              [](const auto& entry) { return entry.has_value(); });
  if (!anyFresh && !unusable_) return {};

  // What is on disk now: another run may have saved since load().
  std::string current;
  EntryMap onDisk;
  if (!readFile(current, onDisk).empty()) onDisk.clear();
  std::unordered_map<std::string_view, std::string_view> records;
  for (const std::optional<FreshEntry>& entry : fresh_) {
    if (entry) records[entry->key] = entry->record;
  }
  for (const auto& [key, entry] : onDisk) {
    if (records.contains(key)) continue;
    std::error_code error;
    if (!fs::exists(fs::path(pathOfKey(key)), error)) continue;  // the file is gone
    records.emplace(key, entry.record);
  }

  std::string payload;
  for (const auto& [key, record] : records) payload += record;
  std::string bytes;
  Writer out(bytes);
  bytes += kMagic;
  out.number(kCacheFormatVersion);
  out.number(static_cast<uint32_t>(records.size()));
  out.number(fingerprint_);
  out.number(static_cast<uint64_t>(payload.size()));
  out.number(contentHash(payload));
  bytes += payload;

  if (std::string problem = prepareDirectory(directory_, file_.parent_path()); !problem.empty()) {
    return problem;
  }
  if (std::string problem = replaceFile(file_, bytes); !problem.empty()) return problem;
  unusable_ = false;
  return {};
}

}  // namespace perfhint::cli
