#include "profile/stack_aggregator.h"

#include <algorithm>  // sort, find_if
#include <unordered_set>

namespace perfhint::profile {

size_t StackAggregator::function(const std::string& file, const std::string& name) {
  auto [slot, inserted] = functions_.try_emplace(file + '\0' + name, profile_.functions.size());
  if (inserted) {
    profile_.functions.emplace_back();
    profile_.functions.back().key = {file, 0, name};
    seen_.push_back(0);
  }
  return slot->second;
}

uint32_t StackAggregator::frame(const std::string& file, const std::string& name, uint32_t line) {
  std::string key = file + '\0' + name + '\0' + std::to_string(line);
  auto [slot, inserted] = frameIds_.try_emplace(key, static_cast<uint32_t>(frames_.size()));
  if (inserted) frames_.push_back({function(file, name), line});
  return slot->second;
}

CallEdge& StackAggregator::edge(std::vector<CallEdge>& edges, size_t target) {
  auto found = std::find_if(edges.begin(), edges.end(),
                            [&](const CallEdge& edge) { return edge.function == target; });
  if (found != edges.end()) return *found;
  edges.push_back({target, 0, 0, 0, 0});
  return edges.back();
}

void StackAggregator::addSample(std::span<const uint32_t> rootFirst, double weight) {
  if (rootFirst.empty()) return;
  ++sample_;
  profile_.totalTime += weight;
  std::unordered_set<uint64_t> countedLines, countedEdges;
  const Frame* previous = nullptr;
  for (uint32_t id : rootFirst) {
    const Frame& current = frames_[id];
    ProfiledFunction& function = profile_.functions[current.function];
    // Recursion puts a function on the stack more than once; its cumulative cost counts once.
    if (seen_[current.function] != sample_) {
      seen_[current.function] = sample_;
      function.cumulativeTime += weight;
    }
    if (current.line && countedLines.insert(uint64_t{id}).second) {
      LineCost& line = lines_[current.function][current.line];
      line.line = current.line;
      line.hits += 1;
      line.time += weight;
    }
    if (previous &&
        countedEdges.insert(uint64_t{previous->function} << 32 | current.function).second) {
      edge(profile_.functions[previous->function].callees, current.function).cumulativeTime +=
          weight;
      edge(function.callers, previous->function).cumulativeTime += weight;
    }
    previous = &current;
  }
  profile_.functions[previous->function].ownTime += weight;
}

Profile StackAggregator::finish(ProfileFormat format) {
  for (auto& [function, lines] : lines_) {
    std::vector<LineCost>& sorted = profile_.functions[function].lines;
    for (const auto& [number, cost] : lines) sorted.push_back(cost);
    std::sort(sorted.begin(), sorted.end(),
              [](const LineCost& a, const LineCost& b) { return a.line < b.line; });
  }
  profile_.format = format;
  profile_.unit = unit_;
  profile_.hasCallCounts = false;
  return std::move(profile_);
}

}  // namespace perfhint::profile
