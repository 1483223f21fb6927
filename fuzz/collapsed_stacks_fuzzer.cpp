// Fuzz target: arbitrary bytes read as collapsed stacks (py-spy's raw output, Austin). The
// reader builds a consistent profile or refuses the input with a place inside it.
#include "fuzz/profile_fuzz_check.h"
#include "profile/profile_readers.h"  // readCollapsedStacks

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  perfhint::fuzz::checkReader(input, perfhint::profile::readCollapsedStacks);
  return 0;
}
