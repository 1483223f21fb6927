#include "server/cli/notebook_file.h"

#include <nlohmann/json.hpp>  // validating and reading the notebook

#include <algorithm>  // any_of
#include <cctype>     // tolower

namespace perfhint::cli {
namespace {

using nlohmann::json;

// Walks JSON text that nlohmann already accepted, to find where values lie: nlohmann keeps no
// offsets, and rewriting must touch only the bytes of the values that change.
class RawJsonScanner {
 public:
  explicit RawJsonScanner(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a byte order mark
  }

  size_t position() const { return pos_; }
  char peek() {
    skipSpace();
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }

  // Skips a string (at its opening quote) and returns its raw contents.
  std::string_view string() {
    skipSpace();
    size_t start = ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    return text_.substr(start, pos_++ - start);
  }

  void skipValue() {
    char c = peek();
    if (c == '"') {
      string();
    } else if (c == '{' || c == '[') {
      int depth = 0;
      do {
        char at = text_[pos_];
        if (at == '"') {
          string();
          continue;
        }
        if (at == '{' || at == '[') ++depth;
        if (at == '}' || at == ']') --depth;
        ++pos_;
      } while (depth > 0 && pos_ < text_.size());
    } else {
      while (pos_ < text_.size() &&
             std::string_view(",]} \t\r\n").find(text_[pos_]) == std::string_view::npos) {
        ++pos_;
      }
    }
  }

  // Calls visit(key) with the scanner at each member's value; visit must consume the value.
  template <typename Visit>
  void object(Visit visit) {
    skipSpace();
    ++pos_;  // '{'
    if (peek() == '}') {
      ++pos_;
      return;
    }
    while (pos_ < text_.size()) {
      std::string_view key = string();
      peek();
      ++pos_;  // ':'
      peek();
      visit(key);
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      ++pos_;  // '}'
      return;
    }
  }

  // Calls visit() with the scanner at each element; visit must consume the element.
  template <typename Visit>
  void array(Visit visit) {
    skipSpace();
    ++pos_;  // '['
    if (peek() == ']') {
      ++pos_;
      return;
    }
    while (pos_ < text_.size()) {
      peek();
      visit();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      ++pos_;  // ']'
      return;
    }
  }

 private:
  void skipSpace() {
    while (pos_ < text_.size() &&
           std::string_view(" \t\r\n").find(text_[pos_]) != std::string_view::npos) {
      ++pos_;
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
};

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The language the metadata names, or "" when it names none.
std::string notebookLanguage(const json& root) {
  auto metadata = root.find("metadata");
  if (metadata == root.end() || !metadata->is_object()) return {};
  for (auto [section, key] :
       {std::pair{"kernelspec", "language"}, std::pair{"language_info", "name"}}) {
    auto found = metadata->find(section);
    if (found != metadata->end() && found->is_object()) {
      auto value = found->find(key);
      if (value != found->end() && value->is_string()) return lowercase(value->get<std::string>());
    }
  }
  return {};
}

// Where each cell's `source` value (and each of its list elements) lies in the text.
struct RawCellSource {
  ByteRange value{};
  std::vector<uint32_t> elementStarts;
};

std::vector<RawCellSource> locateSources(std::string_view text) {
  std::vector<RawCellSource> cells;
  RawJsonScanner scanner(text);
  scanner.object([&](std::string_view key) {
    if (key != "cells" || scanner.peek() != '[') return scanner.skipValue();
    scanner.array([&] {
      cells.emplace_back();
      if (scanner.peek() != '{') return scanner.skipValue();
      scanner.object([&](std::string_view cellKey) {
        if (cellKey != "source") return scanner.skipValue();
        RawCellSource& cell = cells.back();
        cell.elementStarts.clear();
        cell.value.start = static_cast<uint32_t>(scanner.position());
        if (scanner.peek() == '[') {
          scanner.array([&] {
            cell.elementStarts.push_back(static_cast<uint32_t>(scanner.position()));
            scanner.skipValue();
          });
        } else {
          scanner.skipValue();
        }
        cell.value.end = static_cast<uint32_t>(scanner.position());
      });
    });
  });
  return cells;
}

// nlohmann prefixes its messages with "[json.exception.parse_error.101] ": drop that.
std::string plainMessage(const char* what) {
  std::string message(what);
  if (message.starts_with("[json.exception")) {
    if (size_t end = message.find("] "); end != std::string::npos) message.erase(0, end + 2);
  }
  return message;
}

// Splits like Python's str.splitlines(keepends=True) on '\n' (how Jupyter stores lines).
std::vector<std::string_view> linesKeepingEnds(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

std::string leadingSpace(std::string_view text) {
  return std::string(text.substr(0, std::min(text.find_first_not_of(" \t"), text.size())));
}

// How the file writes its JSON, learnt from its bytes.
struct JsonStyle {
  bool ensureAscii = false;  ///< non-ASCII written as \uXXXX (Python's default, not Jupyter's)
  bool multiline = true;     ///< indented over lines (Jupyter) rather than on one line
  std::string indentUnit = " ";
  std::string newline = "\n";  ///< "\r\n" in a file saved with Windows line ends

  explicit JsonStyle(std::string_view text) {
    bool anyNonAscii = std::any_of(text.begin(), text.end(),
                                   [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    ensureAscii = !anyNonAscii && text.find("\\u") != std::string_view::npos;
    size_t open = text.find('{');
    size_t firstKey = text.find('"', open);
    std::string_view between = text.substr(open + 1, firstKey - open - 1);
    multiline = between.find('\n') != std::string_view::npos;
    if (multiline) indentUnit = std::string(between.substr(between.rfind('\n') + 1));
    if (between.find("\r\n") != std::string_view::npos) newline = "\r\n";
  }

  std::string quoted(std::string_view line) const {
    return json(std::string(line)).dump(-1, ' ', ensureAscii, json::error_handler_t::replace);
  }
};

// The new `source` value in the shape of the old one (`old`, starting at `oldStart` in `text`).
std::string formatSource(std::string_view text, ByteRange old, std::string_view source,
                         const JsonStyle& style) {
  std::string_view oldValue = text.substr(old.start, old.length());
  if (oldValue.starts_with('"')) return style.quoted(source);
  std::vector<std::string_view> lines = linesKeepingEnds(source);
  if (lines.empty()) return "[]";

  std::string elementIndent, closeIndent;
  bool multiline = oldValue.find('\n') != std::string_view::npos;
  if (multiline) {
    std::string_view afterOpen = oldValue.substr(oldValue.find('\n') + 1);
    elementIndent = leadingSpace(afterOpen);
    closeIndent = std::string(oldValue.substr(oldValue.rfind('\n') + 1));
    closeIndent.pop_back();  // the ']'
  } else if (style.multiline) {
    // An empty or one-line list: indent from the line of the "source" key.
    size_t lineStart = text.rfind('\n', old.start);
    lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
    closeIndent = leadingSpace(text.substr(lineStart));
    elementIndent = closeIndent + style.indentUnit;
    multiline = true;
  }
  // On one line: the separator the list used, else Python's default when the file has ": ".
  std::string_view separator = ",";
  if (oldValue.find("\", \"") != std::string_view::npos ||
      (oldValue.find("\",\"") == std::string_view::npos &&
       text.find("\": ") != std::string_view::npos)) {
    separator = ", ";
  }
  std::string value = "[";
  for (size_t i = 0; i < lines.size(); ++i) {
    if (multiline) {
      value += i ? "," + style.newline : style.newline;
      value += elementIndent;
    } else if (i) {
      value += separator;
    }
    value += style.quoted(lines[i]);
  }
  if (multiline) value += style.newline + closeIndent;
  value += "]";
  return value;
}

}  // namespace

bool isNotebookPath(std::string_view path) {
  return path.ends_with(".ipynb");
}

std::variant<NotebookFile, std::string> parseNotebook(std::string text) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& error) {
    return "invalid notebook JSON: " + plainMessage(error.what());
  }
  if (!root.is_object() || !root.contains("cells") || !root["cells"].is_array()) {
    return std::string("not a notebook: no \"cells\" list");
  }
  NotebookFile notebook;
  std::string language = notebookLanguage(root);
  notebook.isPython = language.empty() || language == "python";
  std::vector<RawCellSource> raw = locateSources(text);
  const json& cells = root["cells"];
  if (raw.size() != cells.size()) return std::string("not a notebook: cannot read the cell list");
  for (uint32_t i = 0; i < cells.size(); ++i) {
    const json& cell = cells[i];
    if (!cell.is_object()) return "cell " + std::to_string(i + 1) + " is not an object";
    auto type = cell.find("cell_type");
    if (type == cell.end() || *type != "code") continue;
    NotebookCodeCell code;
    code.index = i;
    auto source = cell.find("source");
    if (source == cell.end()) {
      return "cell " + std::to_string(i + 1) + " has no \"source\"";
    } else if (source->is_string()) {
      code.source = source->get<std::string>();
    } else if (source->is_array() &&
               std::all_of(source->begin(), source->end(),
                           [](const json& line) { return line.is_string(); })) {
      // Element starts are line starts only when the elements are exactly the lines.
      bool oneLineEach = true;
      for (size_t line = 0; line < source->size(); ++line) {
        const std::string& lineText = (*source)[line].get_ref<const std::string&>();
        size_t newline = lineText.find('\n');
        bool last = line + 1 == source->size();
        oneLineEach =
            oneLineEach && (last ? newline == std::string::npos || newline + 1 == lineText.size()
                                 : newline + 1 == lineText.size());
        code.source += lineText;
      }
      if (oneLineEach) code.lineStarts = raw[i].elementStarts;
    } else {
      return "cell " + std::to_string(i + 1) +
             ": \"source\" is neither a string nor a list of strings";
    }
    code.sourceValue = raw[i].value;
    notebook.codeCells.push_back(std::move(code));
  }
  notebook.text = std::move(text);
  return notebook;
}

std::string rewriteNotebook(const NotebookFile& notebook,
                            const std::vector<std::optional<std::string>>& newSources) {
  JsonStyle style(notebook.text);
  std::string_view text = notebook.text;
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  for (size_t i = 0; i < notebook.codeCells.size() && i < newSources.size(); ++i) {
    if (!newSources[i]) continue;
    ByteRange value = notebook.codeCells[i].sourceValue;
    out.append(text.substr(copied, value.start - copied));
    out += formatSource(text, value, *newSources[i], style);
    copied = value.end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace perfhint::cli
