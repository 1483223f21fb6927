// Each rule's documented example: the rule flags `before`, not `after`; the fix turns `before`
// into exactly `after`; and both print the same under python3.
#include "analysis/engine/analyzer.h"
#include "analysis/explain/rule_doc.h"
#include "analysis/fix/apply_fixes.h"
#include "analysis/rules/registry.h"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>  // getpid

using namespace perfhint;

namespace {

// Examples are run and compared as whole files: the documented text and a final newline.
std::string exampleText(std::string_view text) {
  return std::string(trimmedDocText(text)) + "\n";
}

struct PythonRun {
  int status;
  std::string output;
};

PythonRun runPython(const std::string& source, const std::string& name) {
  // The process id keeps test runs of several build trees at once apart.
  auto path = std::filesystem::temp_directory_path() /
              ("perfhint_example_" + std::to_string(getpid()) + "_" + name + ".py");
  std::ofstream(path) << source;
  std::string command = std::string(PERFHINT_PYTHON3) + " " + path.string() + " 2>&1";
  PythonRun run{-1, {}};
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer;
  while (size_t read = fread(buffer.data(), 1, buffer.size(), pipe))
    run.output.append(buffer.data(), read);
  run.status = pclose(pipe);
  std::filesystem::remove(path);
  return run;
}

size_t countFindings(const std::vector<Finding>& findings, std::string_view code) {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(),
                                           [&](const Finding& f) { return f.rule->code == code; }));
}

}  // namespace

TEST_CASE("rule examples are flagged, fixed exactly, and keep their output") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  for (const Rule* rule : allRules()) {
    const RuleInfo& info = rule->info();
    CAPTURE(info.code);
    std::string error;
    auto selection = RuleSelection::fromPatterns({std::string(info.code)}, {}, error);
    REQUIRE(selection);
    std::string before = exampleText(info.example.before);
    std::string after = exampleText(info.example.after);

    Document beforeDocument(before, *parser);
    CHECK_FALSE(beforeDocument.hasSyntaxErrors());
    CHECK(countFindings(analyze(beforeDocument, *selection), info.code) >= 1);
    Document afterDocument(after, *parser);
    CHECK_FALSE(afterDocument.hasSyntaxErrors());
    CHECK(countFindings(analyze(afterDocument, *selection), info.code) == 0);

    if (info.fix != FixAvailability::None) {
      FixOutcome outcome = fixUntilStable(before, *selection, true, *parser);
      CHECK(outcome.text == after);
    }

    // The harness goes first; a blank line keeps its last statement apart from the example.
    std::string harness =
        info.example.harness.empty() ? std::string() : exampleText(info.example.harness) + "\n";
    PythonRun beforeRun = runPython(harness + before, std::string(info.code) + "_before");
    PythonRun afterRun = runPython(harness + after, std::string(info.code) + "_after");
    CHECK_MESSAGE(beforeRun.status == 0, beforeRun.output);
    CHECK_MESSAGE(afterRun.status == 0, afterRun.output);
    CHECK(!beforeRun.output.empty());
    CHECK(beforeRun.output == afterRun.output);
  }
}
