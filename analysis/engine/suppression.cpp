#include "analysis/engine/suppression.h"

#include <algorithm>  // find
#include <cctype>     // isalnum, tolower

namespace perfhint {
namespace {

bool startsWithNoqa(std::string_view text) {
  static constexpr std::string_view kNoqa = "noqa";
  if (text.size() < kNoqa.size()) return false;
  for (size_t i = 0; i < kNoqa.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != kNoqa[i]) return false;
  }
  return true;
}

}  // namespace

bool parseNoqa(std::string_view comment, bool& all, std::vector<std::string_view>& codes) {
  // The directive may follow other text in the comment: `# type: ignore  # noqa: PH201`.
  for (size_t hash = comment.find('#'); hash != std::string_view::npos;
       hash = comment.find('#', hash + 1)) {
    std::string_view rest = comment.substr(hash + 1);
    rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
    if (!startsWithNoqa(rest)) continue;
    rest.remove_prefix(4);
    if (rest.empty() || rest.front() != ':') {
      all = true;
      return true;
    }
    rest.remove_prefix(1);
    all = false;
    size_t at = 0;
    while (at < rest.size()) {
      while (at < rest.size() && (rest[at] == ' ' || rest[at] == ',' || rest[at] == '\t')) ++at;
      size_t start = at;
      while (at < rest.size() && std::isalnum(static_cast<unsigned char>(rest[at]))) ++at;
      if (at == start) break;
      codes.push_back(rest.substr(start, at - start));
    }
    // `# noqa:` with nothing after it counts as bare, as flake8 and ruff treat it.
    if (codes.empty()) all = true;
    return true;
  }
  return false;
}

Suppressions::Suppressions(const SemanticModel& model) {
  const Document& document = model.document();
  for (ByteRange comment : model.comments()) {
    bool all = false;
    std::vector<std::string_view> codes;
    if (!parseNoqa(document.text(comment), all, codes)) continue;
    LineSuppression& line = byLine_[document.lines().lineColumn(comment.start).line];
    line.all = line.all || all;
    line.codes.insert(line.codes.end(), codes.begin(), codes.end());
  }
}

bool Suppressions::suppresses(uint32_t line, std::string_view code) const {
  auto found = byLine_.find(line);
  if (found == byLine_.end()) return false;
  const LineSuppression& entry = found->second;
  return entry.all || std::find(entry.codes.begin(), entry.codes.end(), code) != entry.codes.end();
}

}  // namespace perfhint
