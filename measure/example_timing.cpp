#include "measure/example_timing.h"

#include "analysis/explain/rule_doc.h"  // trimmedDocText
#include "measure/child_process.h"      // the interpreter runs apart

#include <nlohmann/json.hpp>

#include <cstdlib>  // mkdtemp
#include <filesystem>
#include <fstream>
#include <optional>

namespace perfhint::measure {

std::string_view timingDriverSource();  // generated from timing_driver.py

namespace {

// A private directory for the driver and the request, removed when done.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "perfhint-measure-XXXXXX");
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

bool writeFile(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

std::string lastLine(std::string_view text) {
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  size_t start = text.rfind('\n');
  return std::string(start == std::string_view::npos ? text : text.substr(start + 1));
}

}  // namespace

bool isMeasurable(const RuleInfo& rule) {
  return !trimmedDocText(rule.measure.call).empty();
}

namespace {

// One side's report from the driver, or an error in `timing`.
std::optional<nlohmann::json> runSide(const std::string& side, nlohmann::json input,
                                      const std::filesystem::path& directory,
                                      const TimingRequest& request, ExampleTiming& timing) {
  input["side"] = side;
  auto requestFile = directory / ("request-" + side + ".json");
  if (!writeFile(requestFile, input.dump())) {
    timing.error = "cannot write to the temporary directory";
    return std::nullopt;
  }
  ChildResult child =
      runChild({request.python, (directory / "timing_driver.py").string(), requestFile.string()});
  if (!child.started) {
    timing.error = child.error;
    return std::nullopt;
  }
  if (child.exitStatus != 0) {
    std::string detail = lastLine(child.errors);
    timing.error = request.python + " exited with status " + std::to_string(child.exitStatus) +
                   (detail.empty() ? std::string() : ": " + detail);
    return std::nullopt;
  }
  nlohmann::json report = nlohmann::json::parse(lastLine(child.output), nullptr, false);
  if (!report.is_object()) {
    timing.error = request.python + " printed no timing report";
    return std::nullopt;
  }
  timing.python = report.value("implementation", "Python") + " " + report.value("python", "?");
  if (report.contains("error")) {
    timing.error = report["error"].is_string() ? report["error"].get<std::string>() : "failed";
    return std::nullopt;
  }
  return report;
}

}  // namespace

ExampleTiming timeExample(const RuleInfo& rule, const TimingRequest& request) {
  ExampleTiming timing;
  if (!isMeasurable(rule)) {
    timing.error = "the rule's example has no timed call";
    return timing;
  }
  ScratchDirectory scratch;
  if (scratch.path().empty() ||
      !writeFile(scratch.path() / "timing_driver.py", timingDriverSource())) {
    timing.error = "cannot write to a temporary directory";
    return timing;
  }
  nlohmann::json input = {
      {"before", std::string(trimmedDocText(rule.example.before))},
      {"after", std::string(trimmedDocText(rule.example.after))},
      {"harness", std::string(trimmedDocText(rule.example.harness))},
      {"setup", std::string(trimmedDocText(rule.measure.setup))},
      {"call", std::string(trimmedDocText(rule.measure.call))},
      {"n", request.n},
      {"repeat", request.repeat},
      {"result_file", (scratch.path() / "before-result.pickle").string()},
  };
  // Each side in an interpreter of its own: see timing_driver.py.
  auto before = runSide("before", input, scratch.path(), request, timing);
  if (!before) return timing;
  auto after = runSide("after", input, scratch.path(), request, timing);
  if (!after) return timing;
  try {
    timing.beforeSeconds = before->at("before").at("seconds").get<double>();
    timing.afterSeconds = after->at("after").at("seconds").get<double>();
    timing.sameResult = after->at("same").get<bool>();
  } catch (const nlohmann::json::exception&) {
    timing.error = "the timing driver's report is incomplete";
    return timing;
  }
  if (!timing.sameResult) timing.error = "before and after returned different results";
  return timing;
}

}  // namespace perfhint::measure
