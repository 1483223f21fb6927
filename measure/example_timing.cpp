#include "measure/example_timing.h"

#include "analysis/explain/rule_doc.h"  // trimmedDocText
#include "measure/child_process.h"      // the interpreter runs apart

#include <nlohmann/json.hpp>

#include <cstdlib>  // mkdtemp
#include <filesystem>
#include <fstream>

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

ExampleTiming timeExample(const RuleInfo& rule, const TimingRequest& request) {
  ExampleTiming timing;
  if (!isMeasurable(rule)) {
    timing.error = "the rule's example has no timed call";
    return timing;
  }
  ScratchDirectory scratch;
  if (scratch.path().empty()) {
    timing.error = "cannot create a temporary directory";
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
  };
  auto driver = scratch.path() / "timing_driver.py";
  auto requestFile = scratch.path() / "request.json";
  if (!writeFile(driver, timingDriverSource()) || !writeFile(requestFile, input.dump())) {
    timing.error = "cannot write to the temporary directory";
    return timing;
  }
  ChildResult child = runChild({request.python, driver.string(), requestFile.string()});
  if (!child.started) {
    timing.error = child.error;
    return timing;
  }
  std::string reply = lastLine(child.output);
  nlohmann::json report = nlohmann::json::parse(reply, nullptr, false);
  if (child.exitStatus != 0) {
    std::string detail = lastLine(child.errors);
    timing.error = request.python + " exited with status " + std::to_string(child.exitStatus) +
                   (detail.empty() ? std::string() : ": " + detail);
    return timing;
  }
  if (!report.is_object()) {
    timing.error = request.python + " printed no timing report";
    return timing;
  }
  timing.python = report.value("implementation", "Python") + " " + report.value("python", "?");
  if (report.contains("error")) {
    timing.error = report["error"].is_string() ? report["error"].get<std::string>() : "failed";
    return timing;
  }
  try {
    timing.beforeSeconds = report.at("before").at("seconds").get<double>();
    timing.afterSeconds = report.at("after").at("seconds").get<double>();
    timing.sameResult = report.at("same").get<bool>();
  } catch (const nlohmann::json::exception&) {
    timing.error = "the timing driver's report is incomplete: " + reply;
    return timing;
  }
  if (!timing.sameResult) timing.error = "before and after returned different results";
  return timing;
}

}  // namespace perfhint::measure
