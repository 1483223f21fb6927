#include "server/cli/content_hash.h"

#include <cstring>  // memcpy

namespace perfhint::cli {
namespace {

// The primes and rounds of XXH64: eight bytes per multiply, which keeps hashing a whole source
// tree far below the cost of reading it.
constexpr uint64_t kPrime1 = 0x9E3779B185EBCA87ull;
constexpr uint64_t kPrime2 = 0xC2B2AE3D27D4EB4Full;
constexpr uint64_t kPrime3 = 0x165667B19E3779F9ull;
constexpr uint64_t kPrime4 = 0x85EBCA77C2B2AE63ull;
constexpr uint64_t kPrime5 = 0x27D4EB2F165667C5ull;

constexpr uint64_t rotateLeft(uint64_t value, int bits) {
  return (value << bits) | (value >> (64 - bits));
}

uint64_t round(uint64_t accumulator, uint64_t input) {
  accumulator += input * kPrime2;
  return rotateLeft(accumulator, 31) * kPrime1;
}

uint64_t mergeRound(uint64_t hash, uint64_t lane) {
  hash ^= round(0, lane);
  return hash * kPrime1 + kPrime4;
}

uint64_t read64(const char* bytes) {
  uint64_t value;
  std::memcpy(&value, bytes, sizeof value);
  return value;
}

uint32_t read32(const char* bytes) {
  uint32_t value;
  std::memcpy(&value, bytes, sizeof value);
  return value;
}

}  // namespace

uint64_t contentHash(std::string_view bytes) {
  const char* at = bytes.data();
  const char* end = at + bytes.size();
  uint64_t hash;
  if (bytes.size() >= 32) {
    // Four independent lanes, so the multiplies of neighbouring words overlap in the pipeline.
    uint64_t lanes[4] = {kPrime1 + kPrime2, kPrime2, 0, 0 - kPrime1};
    for (; end - at >= 32; at += 32) {
      for (int i = 0; i < 4; ++i) lanes[i] = round(lanes[i], read64(at + 8 * i));
    }
    hash = rotateLeft(lanes[0], 1) + rotateLeft(lanes[1], 7) + rotateLeft(lanes[2], 12) +
           rotateLeft(lanes[3], 18);
    for (uint64_t lane : lanes) hash = mergeRound(hash, lane);
  } else {
    hash = kPrime5;
  }
  hash += bytes.size();
  for (; end - at >= 8; at += 8) {
    hash ^= round(0, read64(at));
    hash = rotateLeft(hash, 27) * kPrime1 + kPrime4;
  }
  if (end - at >= 4) {
    hash ^= read32(at) * kPrime1;
    hash = rotateLeft(hash, 23) * kPrime2 + kPrime3;
    at += 4;
  }
  for (; at < end; ++at) {
    hash ^= static_cast<unsigned char>(*at) * kPrime5;
    hash = rotateLeft(hash, 11) * kPrime1;
  }
  hash ^= hash >> 33;
  hash *= kPrime2;
  hash ^= hash >> 29;
  hash *= kPrime3;
  hash ^= hash >> 32;
  return hash;
}

HashBuilder& HashBuilder::add(std::string_view bytes) {
  add(static_cast<uint64_t>(bytes.size()));
  state_ = mergeRound(state_, contentHash(bytes));
  return *this;
}

HashBuilder& HashBuilder::add(uint64_t value) {
  state_ = mergeRound(state_ ^ kPrime3, value);
  return *this;
}

}  // namespace perfhint::cli
