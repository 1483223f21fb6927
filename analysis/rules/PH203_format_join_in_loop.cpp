// PH203 format-join-in-loop: a loop that only writes small pieces, one `print()` or `write()` per
// pass, to a stream it flushes on every pass (`flush=True`, an explicit `.flush()`, or a file
// opened line-buffered), so each piece costs a system call.
//
// Only loops whose body does nothing but write (and flush) are flagged: there the pieces can be
// joined and written at once without changing what the reader of the stream sees, except for
// timing. A loop that computes or waits between writes flushes so that progress shows; that is
// left alone.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // named children, binding occurrences

#include <string>
#include <vector>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH203",
    .name = "format-join-in-loop",
    .summary =
        "A loop that only prints or writes one small piece per pass to a stream flushed on "
        "every pass; join the pieces and write them once.",
    .severity = Severity::Hint,
    .fix = FixAvailability::None,
    .whySlow = R"(
A flush hands the buffered text to the operating system with a `write` system call. Flushing
after every piece turns a loop of cheap buffer appends into a loop of system calls: `print(...,
flush=True)`, `f.write(s)` followed by `f.flush()`, and writes to a file opened with
`buffering=1` (line buffered: it flushes at each newline). Measured on CPython 3.11 writing
1,000 short lines to a file on a busy machine: 0.04 ms with plain `f.write` in a loop, 0.01 ms
with one `f.write("".join(lines))`, but 7 ms with a `flush()` after each write, 3.2 ms to a
line-buffered file and 13.5 ms with `print(..., flush=True)` (0.2 ms without `flush`).
)",
    .useInstead = R"(
Build the text first and write it once: `f.write("".join(pieces))`, `f.writelines(lines)`, or
`print("\n".join(lines), flush=True)`. If the output must appear as the loop goes, flush every
N pieces or once after the loop.
)",
    .example = {.before = R"(
import sys


def show(words):
    for word in words:
        print(word, flush=True)


show(["alpha", "beta", "gamma"])
sys.stdout.flush()
)",
                .after = R"(
import sys


def show(words):
    print("\n".join(words), flush=True)


show(["alpha", "beta", "gamma"])
sys.stdout.flush()
)"},
    .fixSafety = R"(
No fix: writing everything at once changes when the reader sees each piece, and a piece that is
not a string (`print` converts it) needs `str()` before it can be joined.
)",
    .measure = {.setup = "words = [\"w%d\" % i for i in range(n)]", .call = "show(words)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

// Whether `callee` is the builtin `print`: not imported, assigned or a parameter in this scope.
bool isBuiltinPrint(TSNode callee, const Site& site, const SemanticModel& model) {
  const Document& document = model.document();
  if (nodeType(callee) != "identifier" || document.text(callee) != "print") return false;
  if (model.resolveImport("print", site.function)) return false;
  TSNode scope = site.function == kModuleScope
                     ? document.root()
                     : model.functions()[static_cast<size_t>(site.function)].node;
  for (TSNode occurrence : variablesNamed(scope, document.text(), "print", false)) {
    if (isBindingOccurrence(occurrence)) return false;
  }
  return true;
}

// One output call: the stream it writes to (its text; "sys.stdout" for a bare print), and
// whether it flushes by itself (`flush=True`).
struct OutputCall {
  std::string_view stream;
  bool writes = false;  // print or write, as opposed to flush
  bool flushes = false;
};

// What an expression statement's call does to a stream, or nothing when it is not output.
std::optional<OutputCall> outputCallOf(TSNode call, const Site& site, const SemanticModel& model) {
  const Document& document = model.document();
  if (nodeType(call) != "call") return std::nullopt;
  TSNode callee = childByField(call, "function");
  if (isBuiltinPrint(callee, site, model)) {
    TSNode arguments = childByField(call, "arguments");
    TSNode file = keywordArgumentValue(arguments, document.text(), "file");
    TSNode flush = keywordArgumentValue(arguments, document.text(), "flush");
    return OutputCall{ts_node_is_null(file) ? std::string_view("sys.stdout") : document.text(file),
                      true, !ts_node_is_null(flush) && nodeType(flush) == "true"};
  }
  if (nodeType(callee) != "attribute") return std::nullopt;
  std::string_view method = document.text(childByField(callee, "attribute"));
  TSNode stream = childByField(callee, "object");
  if (!isNameOrAttributeChain(stream)) return std::nullopt;
  if (method == "write") return OutputCall{document.text(stream), true, false};
  if (method == "flush" && ts_node_named_child_count(childByField(call, "arguments")) == 0) {
    return OutputCall{document.text(stream), false, true};
  }
  return std::nullopt;
}

// Whether `stream` is a name bound in this scope by `open(..., buffering=1)`.
bool isLineBuffered(std::string_view stream, const Site& site, const SemanticModel& model) {
  const Binding* binding =
      model.bindingBefore(stream, site.function, ts_node_start_byte(site.node));
  if (!binding || binding->shape != ValueShape::Call || nodeType(binding->value) != "call") {
    return false;
  }
  if (binding->callee != "open" && binding->callee != "io.open") return false;
  const Document& document = model.document();
  TSNode arguments = childByField(binding->value, "arguments");
  TSNode buffering = keywordArgumentValue(arguments, document.text(), "buffering");
  if (ts_node_is_null(buffering) || document.text(buffering) != "1") return false;
  // In binary mode `buffering=1` is not line buffering (Python warns and buffers normally).
  TSNode mode = keywordArgumentValue(arguments, document.text(), "mode");
  if (ts_node_is_null(mode)) {
    if (ts_node_named_child_count(arguments) >= 2) mode = ts_node_named_child(arguments, 1);
  }
  return ts_node_is_null(mode) || nodeType(mode) != "string" ||
         document.text(mode).find('b') == std::string_view::npos;
}

class FormatJoinInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    if (loop.kind != NodeKind::ForStatement) return;
    TSNode statement = syntax::parentOf(site.node);
    TSNode body = childByField(loop.node, "body");
    if (nodeType(statement) != "expression_statement" ||
        !ts_node_eq(syntax::parentOf(statement), body) ||
        ts_node_named_child_count(statement) != 1) {
      return;
    }
    std::optional<OutputCall> self = outputCallOf(site.node, site, model);
    if (!self || !self->writes) return;

    // The loop does nothing but write to streams and flush them.
    bool flushedInLoop = self->flushes;
    for (TSNode other : namedChildrenWithoutComments(body)) {
      if (nodeType(other) != "expression_statement" || ts_node_named_child_count(other) != 1) {
        return;
      }
      std::optional<OutputCall> output = outputCallOf(ts_node_named_child(other, 0), site, model);
      if (!output) return;
      if (!output->writes && output->stream == self->stream) flushedInLoop = true;
    }
    bool lineBuffered = isLineBuffered(self->stream, site, model);
    if (!flushedInLoop && !lineBuffered) return;
    // Report the loop's first write to this stream only: one finding per stream and loop.
    for (TSNode other : namedChildrenWithoutComments(body)) {
      std::optional<OutputCall> output = outputCallOf(ts_node_named_child(other, 0), site, model);
      if (output && output->writes && output->stream == self->stream) {
        if (!ts_node_eq(ts_node_named_child(other, 0), site.node)) return;
        break;
      }
    }
    sink.report(kInfo, site, rangeOf(site.node),
                lineBuffered && !flushedInLoop
                    ? "Small writes to a line-buffered file in a loop cost a system call per "
                      "line; join the pieces and write them once"
                    : "Small writes flushed on every pass of a loop cost a system call each; "
                      "join the pieces and write them once");
  }
};

}  // namespace

const Rule& ph203FormatJoinInLoop() {
  static const FormatJoinInLoop rule;
  return rule;
}

}  // namespace perfhint
