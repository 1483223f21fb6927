// Turns sampled call stacks into a Profile, for the sampling formats (speedscope, collapsed
// stacks). Sampling profilers record the line being run in each frame, not where the function
// starts, so functions are told apart by file and name, and each frame's line becomes a LineCost
// of its function.
#pragma once

#include "profile/profile.h"  // what it builds

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace perfhint::profile {

class StackAggregator {
 public:
  explicit StackAggregator(CostUnit unit) : unit_(unit) {}

  /// A frame's id for `addSample`; the same (file, name, line) gives the same id.
  uint32_t frame(const std::string& file, const std::string& name, uint32_t line);

  /// One sample (or a stretch of time) of `weight` with the stack `rootFirst`: the leaf frame
  /// gets the own cost; each function and each line on the stack, counted once per sample, the
  /// cumulative cost; each caller -> callee pair the edge's cost.
  void addSample(std::span<const uint32_t> rootFirst, double weight);

  Profile finish(ProfileFormat format);

 private:
  struct Frame {
    size_t function;
    uint32_t line;
  };
  size_t function(const std::string& file, const std::string& name);
  CallEdge& edge(std::vector<CallEdge>& edges, size_t function);

  CostUnit unit_;
  Profile profile_;
  std::unordered_map<std::string, size_t> functions_;
  std::unordered_map<std::string, uint32_t> frameIds_;
  std::vector<Frame> frames_;
  std::unordered_map<size_t, std::unordered_map<uint32_t, LineCost>> lines_;
  std::vector<uint64_t> seen_;  ///< per function: the last sample that counted it
  uint64_t sample_ = 0;
};

}  // namespace perfhint::profile
