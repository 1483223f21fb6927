// Looking a name up in a fixed list of names (qualified callees, method names, keywords), as the
// rules do before they look any closer at a call.
#pragma once

#include <algorithm>  // find
#include <iterator>   // begin, end
#include <string_view>

namespace perfhint {

/// Whether `name` is one of `names`: an array, initializer list or container of string views.
template <typename Names>
bool isOneOf(const Names& names, std::string_view name) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

}  // namespace perfhint
