// PH202 regex-in-loop: `re.search(PATTERN, s)` and friends with a literal pattern, called on every
// pass of a loop; a pattern compiled once at module level skips the per-call cache lookup.
//
// The fix adds `NAME = re.compile(PATTERN)` after the module's imports (or reuses such a constant
// when one with the same pattern and flags is already there) and calls the compiled pattern's
// method. Rounds of fixUntilStable see the constants added by earlier rounds and reuse them.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // plain strings, variable occurrences

#include <algorithm>  // find
#include <array>
#include <cctype>  // isalpha, toupper

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH202",
    .name = "regex-in-loop",
    .summary =
        "`re.search`, `re.match`, `re.sub` and the like with a constant pattern inside a loop "
        "or comprehension; a pattern compiled once at module level skips the lookup on every "
        "call.",
    .severity = Severity::Info,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
A call such as `re.search(pattern, s)` runs two Python functions before any matching starts:
`re.search` itself and `re._compile`, which looks the compiled pattern up in a dictionary keyed
by pattern type, pattern and flags. The method of a pattern compiled once skips both. Measured on
CPython 3.11 with `\d+` on an 11-character string: `re.search(P, s)` takes 680 ns against 250 ns
for `COMPILED.search(s)`, and `re.sub(P, "#", s)` 1.1 µs against 0.5 µs, so about 0.4 to 0.6 µs
per call. The cache keeps 512 patterns; a program that uses more loses old entries, and a miss
compiles the pattern again (12 µs for `\d+`, 41 µs for `(\w+)@(\w+)\.com`).

Only calls inside a loop or a comprehension are flagged, where the saving is multiplied by the
number of items. A call that runs once per call of its function saves the same 0.4 µs, which is
rarely worth a finding.
)",
    .useInstead = R"(
A module-level constant compiled once, `_DIGITS_RE = re.compile(r"\d+")`, and its methods in
the loop: `_DIGITS_RE.search(s)`. Flags go into `re.compile`; `count` and `maxsplit` stay with
the method call.
)",
    .example = {.before = R"(
import re


def count_numbers(lines):
    return sum(len(re.findall(r"\d+", line)) for line in lines)


print(count_numbers(["a1 b22", "c333", "none"]))
)",
                .after = R"(
import re
_DIGITS_RE = re.compile(r"\d+")


def count_numbers(lines):
    return sum(len(_DIGITS_RE.findall(line)) for line in lines)


print(count_numbers(["a1 b22", "c333", "none"]))
)"},
    .fixSafety = R"(
Adding a new compiled constant is unsafe: the pattern is then compiled when the module is
imported, so a pattern that does not compile raises `re.error` (flags that do not go together,
`ValueError`) at import time instead of when the loop runs, and perfhint does not compile
patterns itself. For a pattern that compiles, the result is the same. Reusing a module-level constant
compiled from the same pattern and flags is safe: that pattern already compiled at import.
No fix is offered when `re` is not imported by name at the top of the module (only inside a
function, or only through `from re import ...`), when flags are not `re` flag constants, when
arguments are unpacked with `*` or `**`, or when a comment sits inside the call.
)",
    .measure = {.setup = "lines = [\"a1 b22 c333\"] * n", .call = "count_numbers(lines)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

// A function of `re` and where its arguments sit: `flagsIndex` is the position of a positional
// `flags`, `keywords` the keyword arguments the compiled pattern's method accepts too.
struct ReFunction {
  std::string_view name;
  size_t maxPositional;
  size_t flagsIndex;
  std::array<std::string_view, 3> keywords;
};

constexpr std::array<ReFunction, 8> kFunctions = {{
    {"search", 3, 2, {"string"}},
    {"match", 3, 2, {"string"}},
    {"fullmatch", 3, 2, {"string"}},
    {"findall", 3, 2, {"string"}},
    {"finditer", 3, 2, {"string"}},
    {"sub", 5, 4, {"repl", "string", "count"}},
    {"subn", 5, 4, {"repl", "string", "count"}},
    {"split", 4, 3, {"string", "maxsplit"}},
}};

const ReFunction* reFunctionNamed(std::string_view qualified) {
  if (!qualified.starts_with("re.")) return nullptr;
  qualified.remove_prefix(3);
  for (const ReFunction& function : kFunctions) {
    if (function.name == qualified) return &function;
  }
  return nullptr;
}

// The arguments of a call in text order, without comments.
std::vector<TSNode> argumentsOf(TSNode argumentList) {
  std::vector<TSNode> arguments;
  forEachNamedChild(argumentList, [&](TSNode argument) {
    if (nodeType(argument) != "comment") arguments.push_back(argument);
  });
  return arguments;
}

bool isFlagName(std::string_view name) {
  static constexpr std::array<std::string_view, 15> kFlags = {
      "A", "ASCII",  "I", "IGNORECASE", "L", "LOCALE",  "M",     "MULTILINE",
      "S", "DOTALL", "U", "UNICODE",    "X", "VERBOSE", "NOFLAG"};
  return std::find(kFlags.begin(), kFlags.end(), name) != kFlags.end();
}

// Whether `flags` is built from `re` flag constants (and integers) only, and means the same at
// module level, where the compiled constant will evaluate it. DEBUG is left out: it prints.
bool isConstantFlags(TSNode flags, const SemanticModel& model, int32_t function) {
  std::string_view type = nodeType(flags);
  if (type == "integer") return true;
  if (type == "parenthesized_expression") {
    return isConstantFlags(ts_node_named_child(flags, 0), model, function);
  }
  if (type == "binary_operator") {
    return nodeType(childByField(flags, "operator")) == "|" &&
           isConstantFlags(childByField(flags, "left"), model, function) &&
           isConstantFlags(childByField(flags, "right"), model, function);
  }
  if (type != "attribute" && type != "identifier") return false;
  std::string qualified = model.qualifiedName(flags, function);
  std::string_view name = qualified;
  if (name.starts_with("re.RegexFlag.")) {
    name.remove_prefix(13);
  } else if (name.starts_with("re.")) {
    name.remove_prefix(3);
  } else {
    return false;
  }
  return isFlagName(name) && model.qualifiedName(flags, kModuleScope) == qualified;
}

bool isIdentifierByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether `name` occurs in `text` as a whole word (in code, strings or comments alike).
bool occursAsWord(std::string_view text, std::string_view name) {
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    bool startsWord = at == 0 || !isIdentifierByte(text[at - 1]);
    size_t end = at + name.size();
    bool endsWord = end == text.size() || !isIdentifierByte(text[end]);
    if (startsWord && endsWord) return true;
  }
  return false;
}

// What a class escape matches, for a name: `\d` gives DIGITS.
std::string_view escapeWord(char escaped) {
  switch (escaped) {
    case 'd': return "DIGITS";
    case 'D': return "NON_DIGITS";
    case 's': return "SPACES";
    case 'S': return "NON_SPACES";
    case 'w': return "WORDS";
    case 'W': return "NON_WORDS";
    default: return {};
  }
}

// Up to three words of letters from the pattern, outside character classes and not escapes:
// `r"^From (?P<user>\S+)"` gives FROM_USER. Without such words, the class escapes it uses:
// `r"\d+\.\d+"` gives DIGITS.
std::string wordsOfPattern(TSNode literal, const SemanticModel& model) {
  std::string content;
  std::vector<TSNode> parts;
  if (nodeType(literal) == "concatenated_string") {
    forEachNamedChild(literal, [&](TSNode part) { parts.push_back(part); });
  } else {
    parts.push_back(literal);
  }
  for (TSNode part : parts) {
    forEachNamedChild(part, [&](TSNode piece) {
      if (nodeType(piece) == "string_content") content += model.document().text(piece);
    });
  }
  std::string name, word, escapes;
  int words = 0;
  bool inClass = false;
  auto endWord = [&] {
    if (word.size() >= 2 && words < 3 && name.size() + word.size() <= 24) {
      if (!name.empty()) name += '_';
      name += word;
      ++words;
    }
    word.clear();
  };
  for (size_t i = 0; i < content.size(); ++i) {
    char c = content[i];
    if (c == '\\') {
      endWord();
      // The escaped character is not part of a word.
      std::string_view escaped = ++i < content.size() ? escapeWord(content[i]) : "";
      if (!inClass && !escaped.empty() && escapes.find(escaped) == std::string::npos &&
          escapes.size() < 20) {
        if (!escapes.empty()) escapes += '_';
        escapes += escaped;
      }
    } else if (inClass) {
      inClass = c != ']';
    } else if (c == '[') {
      endWord();
      inClass = true;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else {
      endWord();
    }
  }
  endWord();
  return name.empty() ? escapes : name;
}

// UPPER_SNAKE of a function name: parseLine and parse_line both give PARSE_LINE.
std::string upperSnake(std::string_view name) {
  std::string result;
  for (size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]))) {
      result += '_';
    }
    result += static_cast<char>(std::toupper(c));
  }
  while (!result.empty() && result.front() == '_') result.erase(result.begin());
  while (!result.empty() && result.back() == '_') result.pop_back();
  return result;
}

// A fresh module-level name for the compiled pattern that appears nowhere in the file.
std::string constantName(TSNode pattern, const Site& site, const SemanticModel& model) {
  std::string base = wordsOfPattern(pattern, model);
  if (base.empty() && site.function != kModuleScope) {
    base = upperSnake(model.functions()[static_cast<size_t>(site.function)].name);
  }
  if (base.empty()) base = "PATTERN";
  std::string name = "_" + base + "_RE";
  for (int suffix = 2; occursAsWord(model.document().text(), name); ++suffix) {
    name = "_" + base + "_RE_" + std::to_string(suffix);
  }
  return name;
}

// The top of the module, where constants can go: its docstring, imports, plain
// assignments without calls, `if`/`try` blocks without calls, and constants compiled from
// literal patterns. Nothing there can call a function of the module, so a constant placed there
// exists before any code that uses it runs.
struct ModuleHead {
  uint32_t insertAt = 0;  ///< start of the line after the last import or compiled constant
  bool hasImport = false;
  bool endsWithNewline = true;      ///< false when the insertion point is the end of the text
  std::string_view lineEnd = "\n";  ///< "\r\n" when the file uses it
};

// Whether a call runs under `node`; with `allowCompile`, `re.compile(...)` does not count.
bool containsCall(TSNode node, const SemanticModel& model, bool allowCompile) {
  syntax::TreeCursor cursor(node);
  while (true) {
    TSNode at = cursor.node();
    if (nodeType(at) == "call") {
      bool compile = allowCompile && model.qualifiedName(childByField(at, "function"),
                                                         kModuleScope) == "re.compile";
      if (!compile) return true;
    }
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return false;
    }
  }
}

bool containsImport(TSNode node) {
  syntax::TreeCursor cursor(node);
  while (true) {
    std::string_view type = nodeType(cursor.node());
    if (type == "import_statement" || type == "import_from_statement") return true;
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return false;
    }
  }
}

// `NAME = re.compile(<literal>...)` at module level.
bool isCompiledConstant(TSNode statement, const SemanticModel& model) {
  if (nodeType(statement) != "expression_statement") return false;
  TSNode assignment = ts_node_named_child(statement, 0);
  if (nodeType(assignment) != "assignment") return false;
  TSNode right = childByField(assignment, "right");
  if (nodeType(right) != "call" ||
      model.qualifiedName(childByField(right, "function"), kModuleScope) != "re.compile") {
    return false;
  }
  std::vector<TSNode> arguments = argumentsOf(childByField(right, "arguments"));
  return !arguments.empty() && isPlainString(arguments[0]) && !containsCall(right, model, true);
}

ModuleHead moduleHead(const SemanticModel& model) {
  ModuleHead head;
  const std::string& text = model.document().text();
  TSNode root = model.document().root();
  bool found = false;
  for (uint32_t i = 0, n = ts_node_named_child_count(root); i < n; ++i) {
    TSNode statement = ts_node_named_child(root, i);
    std::string_view type = nodeType(statement);
    if (type == "comment") continue;
    bool isImport = type == "import_statement" || type == "import_from_statement" ||
                    type == "future_import_statement";
    bool isBlock = (type == "if_statement" || type == "try_statement") &&
                   !containsCall(statement, model, false);
    bool marks =
        isImport || isCompiledConstant(statement, model) || (isBlock && containsImport(statement));
    bool inert = marks || isBlock ||
                 (type == "expression_statement" && !containsCall(statement, model, false));
    if (!inert) {
      // Code on the line of the last import (`import re; run()`) would run before the constant.
      if (found && ts_node_start_byte(statement) < head.insertAt) return {};
      break;
    }
    if (marks) {
      head.hasImport = head.hasImport || isImport || isBlock;
      size_t newline = text.find('\n', ts_node_end_byte(statement));
      head.endsWithNewline = newline != std::string::npos;
      head.lineEnd =
          head.endsWithNewline && newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
      head.insertAt = static_cast<uint32_t>(head.endsWithNewline ? newline + 1 : text.size());
      found = true;
    }
  }
  return found ? head : ModuleHead{};
}

// The local name of a module-level `import re` / `import re as x` placed within the head.
std::string_view moduleReAlias(const SemanticModel& model, const ModuleHead& head) {
  std::string_view alias;
  for (const ImportBinding& binding : model.imports()) {
    if (binding.function != kModuleScope || binding.qualifiedName != "re" ||
        binding.typeCheckingOnly || nodeType(binding.statement) != "import_statement" ||
        ts_node_end_byte(binding.statement) > head.insertAt) {
      continue;
    }
    if (alias.empty() || binding.localName == "re") alias = binding.localName;
  }
  return alias;
}

std::string withoutSpaces(std::string_view text) {
  std::string result;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) result += c;
  }
  return result;
}

// The `re.compile` arguments of a constant: (pattern text, flags text or empty), or nothing when
// it has other arguments.
std::optional<std::pair<std::string_view, std::string>> compileArguments(
    TSNode call, const SemanticModel& model) {
  std::vector<TSNode> arguments = argumentsOf(childByField(call, "arguments"));
  if (arguments.empty() || arguments.size() > 2 || !isPlainString(arguments[0]))
    return std::nullopt;
  std::string flags;
  if (arguments.size() == 2) {
    TSNode flagsNode = arguments[1];
    if (nodeType(flagsNode) == "keyword_argument") {
      if (model.document().text(childByField(flagsNode, "name")) != "flags") return std::nullopt;
      flagsNode = childByField(flagsNode, "value");
    }
    flags = withoutSpaces(model.document().text(flagsNode));
  }
  return std::make_pair(model.document().text(arguments[0]), flags);
}

// A module-level constant in the head compiled from the same pattern and flags, bound nowhere
// else in the file, or empty.
std::string_view existingConstant(std::string_view pattern, const std::string& flags,
                                  const ModuleHead& head, const SemanticModel& model) {
  for (const Binding& binding : model.bindings()) {
    if (binding.function != kModuleScope || binding.callee != "re.compile" ||
        ts_node_end_byte(binding.statement) > head.insertAt) {
      continue;
    }
    auto arguments = compileArguments(binding.value, model);
    if (!arguments || arguments->first != pattern || arguments->second != flags) continue;
    size_t bindings = 0;
    for (TSNode occurrence :
         variablesNamed(model.document().root(), model.document().text(), binding.name, true)) {
      if (isBindingOccurrence(occurrence)) ++bindings;
    }
    if (bindings == 1) return binding.name;
  }
  return {};
}

// The argument list without the pattern and flags, keeping the original separators.
std::string remainingArguments(TSNode argumentList, const std::vector<TSNode>& arguments,
                               const std::vector<bool>& keep, const SemanticModel& model) {
  const Document& document = model.document();
  std::string text(document.text(
      ByteRange{ts_node_start_byte(argumentList), ts_node_start_byte(arguments.front())}));
  bool first = true;
  for (size_t i = 0; i < arguments.size(); ++i) {
    if (!keep[i]) continue;
    if (!first) {
      text += document.text(
          ByteRange{ts_node_end_byte(arguments[i - 1]), ts_node_start_byte(arguments[i])});
    }
    text += document.text(arguments[i]);
    first = false;
  }
  text +=
      document.text(ByteRange{ts_node_end_byte(arguments.back()), ts_node_end_byte(argumentList)});
  return text;
}

std::optional<Fix> buildFix(const Site& site, const ReFunction& function, TSNode pattern,
                            const SemanticModel& model) {
  TSNode call = site.node;
  if (model.hasCommentIn(rangeOf(call))) return std::nullopt;
  TSNode argumentList = childByField(call, "arguments");
  std::vector<TSNode> arguments = argumentsOf(argumentList);
  std::vector<bool> keep(arguments.size(), true);
  keep[0] = false;
  size_t positional = 0;
  TSNode flags{};
  for (size_t i = 0; i < arguments.size(); ++i) {
    TSNode argument = arguments[i];
    std::string_view type = nodeType(argument);
    if (type == "keyword_argument") {
      std::string_view name = model.document().text(childByField(argument, "name"));
      if (name == "flags") {
        if (!ts_node_is_null(flags)) return std::nullopt;
        flags = childByField(argument, "value");
        keep[i] = false;
      } else if (std::find(function.keywords.begin(), function.keywords.end(), name) ==
                 function.keywords.end()) {
        return std::nullopt;
      }
    } else if (type == "list_splat" || type == "dictionary_splat") {
      return std::nullopt;
    } else {
      if (positional == function.flagsIndex) {
        flags = argument;
        keep[i] = false;
      }
      ++positional;
    }
  }
  if (positional > function.maxPositional ||
      std::find(keep.begin(), keep.end(), true) == keep.end()) {
    return std::nullopt;
  }
  if (!ts_node_is_null(flags) && !isConstantFlags(flags, model, site.function)) return std::nullopt;

  ModuleHead head = moduleHead(model);
  if (!head.hasImport || head.insertAt > ts_node_start_byte(call)) return std::nullopt;
  std::string_view patternText = model.document().text(pattern);
  std::string flagsText =
      ts_node_is_null(flags) ? std::string() : std::string(model.document().text(flags));

  std::string name(existingConstant(patternText, withoutSpaces(flagsText), head, model));
  Fix fix{"Use the compiled pattern " + name, FixSafety::Safe, {}};
  if (name.empty()) {
    std::string_view alias = moduleReAlias(model, head);
    if (alias.empty()) return std::nullopt;
    name = constantName(pattern, site, model);
    std::string definition = name + " = " + std::string(alias) + ".compile(" +
                             std::string(patternText) +
                             (flagsText.empty() ? "" : ", " + flagsText) + ")";
    definition = head.endsWithNewline ? definition + std::string(head.lineEnd)
                                      : std::string(head.lineEnd) + definition;
    fix = Fix{"Compile the pattern once as " + name,
              FixSafety::Unsafe,
              {{{head.insertAt, head.insertAt}, std::move(definition)}}};
  }
  TSNode callee = childByField(call, "function");
  std::string replacement = name + "." + std::string(function.name) +
                            std::string(model.document().text(ByteRange{
                                ts_node_end_byte(callee), ts_node_start_byte(argumentList)})) +
                            remainingArguments(argumentList, arguments, keep, model);
  fix.edits.push_back({rangeOf(call), std::move(replacement)});
  return fix;
}

class RegexInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    TSNode call = site.node;
    TSNode argumentList = childByField(call, "arguments");
    if (nodeType(argumentList) != "argument_list") return;
    std::string qualified = model.qualifiedName(childByField(call, "function"), site.function);
    const ReFunction* function = reFunctionNamed(qualified);
    if (!function) return;
    std::vector<TSNode> arguments = argumentsOf(argumentList);
    if (arguments.empty() || !isPlainString(arguments[0])) return;
    sink.report(kInfo, site, rangeOf(call),
                "`" + qualified +
                    "` with a constant pattern in a loop looks the pattern up on every call; "
                    "compile it once at module level",
                buildFix(site, *function, arguments[0], model));
  }
};

}  // namespace

const Rule& ph202RegexInLoop() {
  static const RegexInLoop rule;
  return rule;
}

}  // namespace perfhint
