// perfhint-cache-bench: `perfhint check` over a corpus (the standard library by default) as a
// user runs it, without the cache, with an empty cache (cold: every file checked, the cache
// written) and with a full one (warm: every file unchanged), each the best of several runs. Each
// run is a new process with its output sent to /dev/null; its wall time and its CPU time (user
// and system, from wait4) are printed, since on a busy machine the wall clock mostly measures
// the wait for a core. Then what a warm run spends on the cache itself: loading and verifying
// the cache file, and hashing the corpus, which a run pays for files whose metadata changed.
//
// Usage: perfhint-cache-bench [--perfhint PATH] [--repeat=N] [PATH...]
#include "server/cli/check_cache.h"   // loading the written cache
#include "bench/corpus.h"             // the files
#include "bench/timing.h"             // best of, load average
#include "server/cli/content_hash.h"  // hashing throughput

#include <fmt/format.h>  // output

#include <fcntl.h>         // O_WRONLY
#include <spawn.h>         // posix_spawn
#include <sys/resource.h>  // rusage
#include <sys/wait.h>      // wait4
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern char** environ;

namespace perfhint::bench {
namespace {

namespace fs = std::filesystem;

struct RunTime {
  double wall = 0;
  double cpu = 0;
};

double seconds(const timeval& time) {
  return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) * 1e-6;
}

// Runs `perfhint check --exit-zero EXTRA... PATHS...` with stdout and stderr on /dev/null.
RunTime runCheck(const std::string& binary, const std::vector<std::string>& extra,
                 const std::vector<std::string>& paths) {
  std::vector<std::string> arguments = {binary, "check", "--exit-zero"};
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  arguments.insert(arguments.end(), paths.begin(), paths.end());
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  double start = nowSeconds(TimeSource::Wall);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    fmt::print(stderr, "perfhint-cache-bench: cannot start {}: {}\n", binary,
               std::strerror(spawned));
    std::exit(1);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  RunTime time{nowSeconds(TimeSource::Wall) - start,
               seconds(usage.ru_utime) + seconds(usage.ru_stime)};
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fmt::print(stderr, "perfhint-cache-bench: {} check failed (status {})\n", binary, status);
    std::exit(1);
  }
  return time;
}

// The best wall and CPU times of `repeats` runs, `before` called ahead of each.
template <typename Before>
RunTime bestOf(int repeats, Before&& before, const std::string& binary,
               const std::vector<std::string>& extra, const std::vector<std::string>& paths) {
  RunTime best{1e9, 1e9};
  for (int i = 0; i < repeats; ++i) {
    before();
    RunTime time = runCheck(binary, extra, paths);
    best.wall = std::min(best.wall, time.wall);
    best.cpu = std::min(best.cpu, time.cpu);
  }
  return best;
}

void printRow(std::string_view label, const RunTime& time) {
  fmt::print("  {:<44} {:>8.3f} s {:>8.3f} s\n", label, time.wall, time.cpu);
}

int run(int argc, char** argv) {
  std::string binary = "./perfhint";
  int repeats = 3;
  std::vector<std::string> roots;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--perfhint" && i + 1 < argc) {
      binary = argv[++i];
    } else if (arg.starts_with("--repeat=")) {
      repeats = std::max(1, std::atoi(argv[i] + 9));
    } else if (arg == "-h" || arg == "--help") {
      fmt::print("usage: perfhint-cache-bench [--perfhint PATH] [--repeat=N] [PATH...]\n");
      return 0;
    } else {
      roots.emplace_back(arg);
    }
  }
  if (roots.empty()) roots.emplace_back(kDefaultCorpus);
  binary = fs::absolute(binary).string();
  Corpus corpus = loadCorpus(roots);

  fs::path cacheDirectory =
      fs::temp_directory_path() / ("perfhint-cache-bench." + std::to_string(getpid()));
  std::vector<std::string> withCache = {"--cache-dir", cacheDirectory.string()};
  auto removeCache = [&] { fs::remove_all(cacheDirectory); };

  fmt::print("Corpus: {}: {} files, {:.2f} MB\n", fmt::join(roots, " "), corpus.files.size(),
             static_cast<double>(corpus.bytes) / 1e6);
  fmt::print("`perfhint check` as a process, best of {} runs, load average {:.1f}\n", repeats,
             loadAverage());
  fmt::print("  {:<44} {:>10} {:>10}\n", "", "wall", "CPU");
  RunTime uncached = bestOf(
      repeats, [] {}, binary, {"--no-cache"}, roots);
  RunTime cold = bestOf(repeats, removeCache, binary, withCache, roots);
  RunTime warm = bestOf(
      repeats, [] {}, binary, withCache, roots);
  printRow("no cache (--no-cache)", uncached);
  printRow("cold: empty cache, every file checked", cold);
  printRow("warm: every file unchanged", warm);
  fmt::print("  cold / warm: {:.0f}x wall, {:.0f}x CPU\n\n", cold.wall / warm.wall,
             cold.cpu / warm.cpu);

  // The cache file as the binary wrote it, loaded with the fingerprint in its header.
  fs::path file = cacheDirectory / PERFHINT_VERSION / "check.bin";
  uint64_t fingerprint = 0;
  std::ifstream(file, std::ios::binary).seekg(16).read(reinterpret_cast<char*>(&fingerprint), 8);
  double loadSeconds = bestSecondsOf(repeats, [&] {
    cli::CheckCache cache(cacheDirectory, fingerprint);
    cache.load();
  });
  uint64_t hashSink = 0;
  double hashSeconds = bestSecondsOf(repeats, [&] {
    for (const CorpusFile& corpusFile : corpus.files) hashSink ^= cli::contentHash(corpusFile.text);
  });
  fmt::print("Cache file: {:.2f} MB; loading and verifying it: {:.1f} ms (CPU)\n",
             static_cast<double>(fs::file_size(file)) / 1e6, loadSeconds * 1e3);
  fmt::print("Hashing the corpus (files whose metadata changed): {:.1f} ms, {:.1f} GB/s [{:x}]\n",
             hashSeconds * 1e3, static_cast<double>(corpus.bytes) / hashSeconds / 1e9,
             hashSink & 0xF);
  removeCache();
  return 0;
}

}  // namespace
}  // namespace perfhint::bench

int main(int argc, char** argv) {
  return perfhint::bench::run(argc, argv);
}
