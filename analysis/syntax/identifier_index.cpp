#include "analysis/syntax/identifier_index.h"

#include <algorithm>  // lower_bound

namespace perfhint::syntax {
namespace {

thread_local const IdentifierIndex* currentIndex = nullptr;

bool isField(TSNode parent, std::string_view field, TSNode child) {
  return ts_node_eq(childByField(parent, field), child);
}

}  // namespace

const IdentifierIndex* IdentifierIndex::current() {
  return currentIndex;
}

IdentifierIndex::Use::Use(const IdentifierIndex& index) : previous_(currentIndex) {
  currentIndex = &index;
}

IdentifierIndex::Use::~Use() {
  currentIndex = previous_;
}

int32_t IdentifierIndex::functionAround(uint32_t offset) {
  // Nodes come in walk order, so a function ends before every node that is not inside it.
  while (!openFunctions_.empty() &&
         functions_[static_cast<size_t>(openFunctions_.back())].end <= offset) {
    openFunctions_.pop_back();
  }
  return openFunctions_.empty() ? -1 : openFunctions_.back();
}

void IdentifierIndex::addFunction(TSNode function) {
  uint32_t start = ts_node_start_byte(function);
  functions_.push_back({function, start, ts_node_end_byte(function), functionAround(start)});
  openFunctions_.push_back(static_cast<int32_t>(functions_.size() - 1));
}

void IdentifierIndex::addIdentifier(TSNode identifier, TSNode parent) {
  uint32_t start = ts_node_start_byte(identifier);
  uint32_t end = ts_node_end_byte(identifier);
  // An empty identifier is one the parser made up to recover from an error; no name is empty.
  if (end == start) return;
  std::string_view parentType = nodeType(parent);
  bool isVariable = true;
  if (parentType == "attribute") isVariable = !isField(parent, "attribute", identifier);
  if (parentType == "keyword_argument") isVariable = !isField(parent, "name", identifier);
  bool namesFunction = parentType == "function_definition" && isField(parent, "name", identifier);
  byName_[source_.substr(start, end - start)].push_back(
      {identifier, start, end, functionAround(start), isVariable, namesFunction});
}

std::vector<TSNode> IdentifierIndex::variablesNamed(TSNode root, std::string_view name,
                                                    bool intoFunctions) const {
  std::vector<TSNode> found;
  auto named = byName_.find(name);
  if (named == byName_.end()) return found;
  const std::vector<Occurrence>& occurrences = named->second;
  uint32_t rootStart = ts_node_start_byte(root);
  uint32_t rootEnd = ts_node_end_byte(root);
  // Identifiers are leaves that do not overlap, recorded in text order: those under `root` are
  // exactly those inside its range.
  auto occurrence = std::lower_bound(
      occurrences.begin(), occurrences.end(), rootStart,
      [](const Occurrence& entry, uint32_t offset) { return entry.start < offset; });
  for (; occurrence != occurrences.end() && occurrence->start < rootEnd; ++occurrence) {
    if (occurrence->end > rootEnd || !occurrence->isVariable) continue;
    if (!intoFunctions) {
      // A walk that skips nested functions sees an identifier only when no function lies
      // between it and `root`, or when it is the name of the one function that does.
      int functionsBetween = 0;
      for (int32_t at = occurrence->function; at != -1 && functionsBetween < 2;
           at = functions_[static_cast<size_t>(at)].parent) {
        const Function& around = functions_[static_cast<size_t>(at)];
        if (ts_node_eq(around.node, root) || around.start < rootStart || around.end > rootEnd) {
          break;
        }
        ++functionsBetween;
      }
      if (functionsBetween > 1 || (functionsBetween == 1 && !occurrence->namesFunction)) continue;
    }
    found.push_back(occurrence->node);
  }
  return found;
}

}  // namespace perfhint::syntax
