// PH703 import-in-function: an `import` statement inside a function body, where it costs time
// and buys nothing.
//
// Most imports inside functions are deliberate: they defer a heavy or optional module until it is
// needed, or break an import cycle. Those run once per call and cost a few hundred ns, so they
// are left alone. Two cases are flagged: an import inside a loop (it runs on every iteration),
// and a `from` import of exactly what the module already imports at its top level (it defers
// nothing, and fetches each name again on every call).
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // variable occurrences

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH703",
    .name = "import-in-function",
    .summary =
        "Import statement inside a function that runs on every iteration of a loop, or a "
        "`from` import that repeats one the module already makes at its top level.",
    .severity = Severity::Hint,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
An import of a module that is already loaded still does work each time it runs: Python looks the
module up in `sys.modules`, checks that it has finished initialising, and binds the names; a
`from m import name` also fetches each attribute. Measured on CPython 3.11 (ranges over repeated
runs), a function that does `import json` costs 65-105 ns more per call than one using a
module-level `import json`, and one that does `from json import dumps` 290-510 ns more. That is
small next to a call that does real work, so a function-level import that defers loading a
module or breaks an import cycle is worth it, and is not flagged. Flagged are:

- an import that runs on every iteration of a loop (not one under an `if`, `else`, `except` or
  `case` inside the loop, which is usually a cold path such as a warning or an error report);
- a `from` import that binds exactly what an unconditional top-level import of the module
  already binds (`from json import dumps` in a function of a module that starts with the same
  line): it defers nothing and costs the most. A repeated plain `import json` costs less than
  100 ns and sits mostly in code that runs rarely (an error path, a deprecated function), so it is
  left alone outside loops.

Imports under `if TYPE_CHECKING:` or in a `try` with handlers, imports in `__del__` (module
globals may be gone at interpreter shutdown), and imports in functions that run once per program
(`main`, `_main`, and tests: `test*`) are never flagged.
)",
    .useInstead = R"(
Import once, at the top of the module. If the import must stay lazy (a heavy or optional module,
an import cycle), move it before the loop so that it runs once per call.
)",
    .example = {.before = R"(
from json import dumps


def encode_all(items):
    from json import dumps
    return [dumps(item) for item in items]

print(encode_all([{"a": 1}, [2, 3]]))
)",
                .after = R"(
from json import dumps


def encode_all(items):
    return [dumps(item) for item in items]

print(encode_all([{"a": 1}, [2, 3]]))
)"},
    .fixSafety = R"(
Offered only for an import that repeats a top-level import of the same names: the fix deletes it
(leaving `pass` when it was the only statement of its block). Unsafe, because the function then
reads the module-level name, which other code may rebind or delete, and a function that runs
while the module itself is still being imported may run before the top-level import. Other
imports in loops get no fix: moving an import to the top of the module runs it at import time,
which can create an import cycle or make a lazy, optional or heavy import eager.
)",
    .measure = {.setup = "items = [{\"a\": i} for i in range(n)]", .call = "encode_all(items)"},
};

constexpr NodeKind kKinds[] = {NodeKind::ImportStatement, NodeKind::ImportFromStatement};

// Whether the import sits in a `try` body that has handlers: probing for an optional module.
bool isTriedImport(TSNode statement) {
  TSNode child = statement;
  for (TSNode parent = syntax::parentOf(statement); !ts_node_is_null(parent);
       child = parent, parent = syntax::parentOf(parent)) {
    std::string_view type = nodeType(parent);
    if (type == "function_definition" || type == "module") return false;
    if (type == "try_statement" && ts_node_eq(childByField(parent, "body"), child) &&
        !ts_node_is_null(firstChildOfType(parent, "except_clause"))) {
      return true;
    }
  }
  return false;
}

// How an import binds a name: `import a.b` binds `a` and loads `a.b`; `import a.b as c` binds
// `c` to `a.b`; `from a import b` binds `b` to the attribute `a.b`.
enum class ImportForm : uint8_t { Plain, Aliased, From };

struct ImportedName {
  ImportForm form;
  std::string_view local;
  std::string path;
};

std::vector<ImportedName> importedNames(TSNode statement, const Document& document) {
  std::vector<ImportedName> names;
  bool fromImport = nodeType(statement) == "import_from_statement";
  TSNode moduleNode = childByField(statement, "module_name");
  std::string prefix(document.text(moduleNode));
  if (fromImport && !prefix.ends_with('.')) prefix += '.';
  forEachNamedChild(statement, [&](TSNode name) {
    if (ts_node_eq(name, moduleNode)) return;
    std::string_view type = nodeType(name);
    if (type == "aliased_import") {
      std::string path(document.text(childByField(name, "name")));
      names.push_back({fromImport ? ImportForm::From : ImportForm::Aliased,
                       document.text(childByField(name, "alias")),
                       fromImport ? prefix + path : path});
    } else if (type == "dotted_name") {
      if (fromImport) {
        names.push_back(
            {ImportForm::From, document.text(name), prefix + std::string(document.text(name))});
      } else {
        names.push_back({ImportForm::Plain, document.text(ts_node_named_child(name, 0)),
                         std::string(document.text(name))});
      }
    }
  });
  return names;
}

// Whether `top` binds the same name to the same thing as `inner`, and loads at least as much:
// `import a.b.c` at the top covers `import a.b` in a function, not the other way round.
bool covers(const ImportedName& top, const ImportedName& inner) {
  if (top.local != inner.local || top.form != inner.form) return false;
  return top.path == inner.path ||
         (inner.form == ImportForm::Plain && top.path.starts_with(inner.path + "."));
}

// Whether every binding of `name` at module level is an unconditional top-level import that
// covers it, and there is at least one.
bool isCoveredAtTopLevel(const ImportedName& name, const SemanticModel& model) {
  // Cheap test first: most function-level imports have no top-level import of the name at all.
  bool importedAtTop = false;
  for (const ImportBinding& binding : model.imports()) {
    importedAtTop =
        importedAtTop || (binding.function == kModuleScope && binding.localName == name.local);
  }
  if (!importedAtTop) return false;
  const Document& document = model.document();
  bool covered = false;
  for (TSNode use : variablesNamed(document.root(), document.text(), name.local, false)) {
    if (!isBindingOccurrence(use)) continue;
    TSNode statement = use;
    while (!ts_node_is_null(statement) && nodeType(statement) != "import_statement" &&
           nodeType(statement) != "import_from_statement") {
      statement = syntax::parentOf(statement);
    }
    // Another kind of binding (an assignment, a def, `del`, a class attribute), or an import
    // under a condition or in a `try`.
    if (ts_node_is_null(statement) || nodeType(syntax::parentOf(statement)) != "module")
      return false;
    for (const ImportedName& top : importedNames(statement, document)) {
      if (top.local != name.local) continue;
      if (!covers(top, name)) return false;
      covered = true;
    }
  }
  return covered;
}

// Whether the function binds `name` somewhere besides `statement` (a parameter, an assignment,
// another import, `global`): then the import does more than repeat the top-level one.
bool isBoundElsewhere(std::string_view name, TSNode statement, const SemanticModel& model,
                      int32_t function) {
  const Document& document = model.document();
  TSNode definition = model.functions()[static_cast<size_t>(function)].node;
  ByteRange own = rangeOf(statement);
  for (TSNode use : variablesNamed(definition, document.text(), name, false)) {
    if (isBindingOccurrence(use) && !own.contains(rangeOf(use))) return true;
  }
  return false;
}

// Whether the statement runs on every iteration of the innermost loop around it: no `if`,
// `else`, `except` or `case` between them. Imports on such branches are usually on a cold path
// (a warning, an error report) and deliberately lazy.
bool runsOnEveryIteration(TSNode statement, const Site& site, const SemanticModel& model) {
  TSNode loop = model.loops()[static_cast<size_t>(site.loop)].node;
  for (TSNode at = syntax::parentOf(statement); !ts_node_is_null(at) && !ts_node_eq(at, loop);
       at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "if_statement" || type == "elif_clause" || type == "else_clause" ||
        type == "except_clause" || type == "case_clause") {
      return false;
    }
  }
  return true;
}

// Whether nothing but indentation precedes `range` on its first line and nothing but spaces
// follows it on its last.
bool isAloneOnItsLines(ByteRange range, std::string_view text) {
  for (uint32_t at = range.start; at > 0 && text[at - 1] != '\n'; --at) {
    if (text[at - 1] != ' ' && text[at - 1] != '\t') return false;
  }
  for (uint32_t at = range.end; at < text.size() && text[at] != '\n'; ++at) {
    if (text[at] != ' ' && text[at] != '\t' && text[at] != '\r') return false;
  }
  return true;
}

// Deletes the statement with its line, or turns it into `pass` when its block would be empty.
std::optional<Fix> removalFix(TSNode statement, const SemanticModel& model) {
  const Document& document = model.document();
  std::string_view text = document.text();
  ByteRange range = rangeOf(statement);
  if (model.hasCommentIn(range)) return std::nullopt;
  uint32_t statementsInBlock = 0;
  forEachNamedChild(syntax::parentOf(statement), [&](TSNode sibling) {
    if (nodeType(sibling) != "comment") ++statementsInBlock;
  });
  std::string_view title = "Remove the import; the module-level import binds the same name";
  if (statementsInBlock == 1) return Fix{std::string(title), FixSafety::Unsafe, {{range, "pass"}}};
  if (!isAloneOnItsLines(range, text)) return std::nullopt;
  uint32_t lineStart = range.start;
  while (lineStart > 0 && text[lineStart - 1] != '\n') --lineStart;
  uint32_t lineEnd = range.end;
  while (lineEnd < text.size() && text[lineEnd] != '\n') ++lineEnd;
  if (lineEnd < text.size()) ++lineEnd;
  return Fix{std::string(title), FixSafety::Unsafe, {{{lineStart, lineEnd}, ""}}};
}

class ImportInFunction final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.function == kModuleScope) return;
    TSNode statement = site.node;
    const Document& document = model.document();
    if (document.text(childByField(statement, "module_name")) == "__future__") return;
    // Imports in `__del__` are kept local on purpose: module globals may already be gone when
    // it runs during interpreter shutdown.
    std::string_view function = model.functions()[static_cast<size_t>(site.function)].name;
    if (function == "__del__") return;
    // Entry points and tests run once per program run: a repeated import there costs nothing
    // worth a finding.
    if (function == "main" || function == "_main" || function.starts_with("test")) return;
    if (isTriedImport(statement)) return;

    for (const ImportBinding& binding : model.imports()) {
      if (ts_node_eq(binding.statement, statement) &&
          (binding.typeCheckingOnly || binding.guardedByImportError)) {
        return;
      }
    }
    std::vector<ImportedName> imported = importedNames(statement, document);
    if (imported.empty()) return;  // `from m import *`
    bool redundant = true;
    std::string names;
    for (const ImportedName& name : imported) {
      redundant = redundant && isCoveredAtTopLevel(name, model) &&
                  !isBoundElsewhere(name.local, statement, model, site.function);
      names += (names.empty() ? "`" : ", `") + std::string(name.local) + "`";
    }
    bool inLoop = site.loopDepth > 0 && runsOnEveryIteration(statement, site, model);
    bool fromImport = nodeType(statement) == "import_from_statement";
    if (!inLoop && !(redundant && fromImport)) return;

    std::string message =
        inLoop ? "Import statement runs on every loop iteration; import once, before the loop or "
                 "at module level"
               : "Import repeats the module-level import of " + names +
                     " on every call; use the module-level name";
    ByteRange reported = rangeOf(statement);
    if (redundant) {
      sink.report(kInfo, site, reported, std::move(message), removalFix(statement, model));
    } else {
      sink.report(kInfo, site, reported, std::move(message));
    }
  }
};

}  // namespace

const Rule& ph703ImportInFunction() {
  static const ImportInFunction rule;
  return rule;
}

}  // namespace perfhint
