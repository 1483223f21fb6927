// Small timing helpers for the benchmarks: timed runs, best of several, medians.
//
// Single-threaded work is timed in CPU time of the calling thread: on a shared machine, other
// processes taking turns on the cores would otherwise show up as our cost. Work spread over
// threads is timed on the wall clock. On an idle machine the two agree for one thread.
#pragma once

#include <algorithm>  // nth_element, min
#include <chrono>
#include <cstdlib>  // getloadavg
#include <ctime>    // clock_gettime
#include <vector>

namespace perfhint::bench {

enum class TimeSource { ThreadCpu, Wall };

inline double nowSeconds(TimeSource source) {
  if (source == TimeSource::Wall) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
  timespec time{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
  return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_nsec) * 1e-9;
}

/// Seconds that one call of `run` takes.
template <typename Run>
double secondsOf(Run&& run, TimeSource source = TimeSource::ThreadCpu) {
  double start = nowSeconds(source);
  run();
  return nowSeconds(source) - start;
}

/// The fastest of `repeats` calls: the run least disturbed by the rest of the machine.
template <typename Run>
double bestSecondsOf(int repeats, Run&& run, TimeSource source = TimeSource::ThreadCpu) {
  double best = secondsOf(run, source);
  for (int i = 1; i < repeats; ++i) best = std::min(best, secondsOf(run, source));
  return best;
}

/// The median of some samples (the upper one for an even count); 0 for none.
inline double median(std::vector<double> samples) {
  if (samples.empty()) return 0;
  auto middle = samples.begin() + static_cast<std::ptrdiff_t>(samples.size() / 2);
  std::nth_element(samples.begin(), middle, samples.end());
  return *middle;
}

/// The one-minute load average, to print beside figures taken on a machine that may be busy.
inline double loadAverage() {
  double load[1] = {0};
  return getloadavg(load, 1) == 1 ? load[0] : 0;
}

}  // namespace perfhint::bench
