#include "protocol/framing.h"

#include <algorithm>  // min
#include <cstring>    // memchr

namespace perfhint::protocol {

namespace {

constexpr std::string_view kContentLengthName = "content-length:";
/// Blanks tolerated around the value of a Content-Length line found while resynchronising.
constexpr size_t kMaxResyncBlanks = 8;
constexpr size_t kMaxLengthDigits = 20;
/// After a large message, a larger buffer than this is released rather than kept for reuse.
constexpr size_t kKeptCapacity = size_t{1} << 20;
/// Consumed bytes are moved out of the buffer once there are this many (and they are the half).
constexpr size_t kCompactThreshold = 4096;

char lowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lowerAscii(a[i]) != lowerAscii(b[i])) return false;
  }
  return true;
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isBlank(char c) {
  return c == ' ' || c == '\t';
}

/// A header name character (an RFC 9110 token character).
bool isTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c)) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string_view trimBlanks(std::string_view text) {
  while (!text.empty() && isBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && isBlank(text.back())) text.remove_suffix(1);
  return text;
}

bool containsBrace(std::string_view bytes) {
  return std::memchr(bytes.data(), '{', bytes.size()) != nullptr;
}

/// The decimal value of `digits` (all digits, non-empty), saturating at UINT64_MAX.
uint64_t parseLength(std::string_view digits) {
  uint64_t value = 0;
  for (char c : digits) {
    auto digit = static_cast<uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return UINT64_MAX;
    value = value * 10 + digit;
  }
  return value;
}

/// The charset parameter of a Content-Type value, without quotes; empty when there is none.
std::string_view charsetOf(std::string_view contentType) {
  while (!contentType.empty()) {
    size_t semicolon = contentType.find(';');
    std::string_view parameter = trimBlanks(contentType.substr(0, semicolon));
    if (parameter.size() >= 8 && equalsNoCase(parameter.substr(0, 8), "charset=")) {
      std::string_view value = trimBlanks(parameter.substr(8));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return value;
    }
    if (semicolon == std::string_view::npos) break;
    contentType.remove_prefix(semicolon + 1);
  }
  return {};
}

}  // namespace

FrameReader::FrameReader(size_t maxMessageBytes) : maxMessageBytes_(maxMessageBytes) {}

void FrameReader::append(std::string_view bytes) {
  buffer_.append(bytes);
}

std::optional<FrameEvent> FrameReader::next() {
  // Each step either yields an event, moves to another mode, or runs out of input.
  for (;;) {
    const Mode before = mode_;
    std::optional<FrameEvent> event;
    switch (mode_) {
      case Mode::Header: event = readHeader(); break;
      case Mode::Body: event = readBody(); break;
      case Mode::Discard: readDiscard(); break;
      case Mode::Resync: event = readResync(); break;
    }
    if (event || mode_ == before) {
      compact();
      return event;
    }
  }
}

FrameReader::LineEvent FrameReader::stepHeaderLine(char c) {
  switch (lineState_) {
    case LineState::Start:
      if (c == '\r') {
        lineState_ = LineState::BlankCr;
        return LineEvent::None;
      }
      if (c == '\n') return LineEvent::BlankLine;
      if (!isTokenChar(c)) return LineEvent::Garbage;
      lineState_ = LineState::Name;
      return LineEvent::None;
    case LineState::Name:
      if (c == ':') {
        lineState_ = LineState::Value;
        return LineEvent::None;
      }
      return isTokenChar(c) ? LineEvent::None : LineEvent::Garbage;
    case LineState::Value:
      if (c == '\r') lineState_ = LineState::ValueCr;
      return c == '\n' ? LineEvent::HeaderLine : LineEvent::None;
    case LineState::ValueCr: return c == '\n' ? LineEvent::HeaderLine : LineEvent::Garbage;
    case LineState::BlankCr: return c == '\n' ? LineEvent::BlankLine : LineEvent::Garbage;
  }
  return LineEvent::Garbage;
}

std::optional<FrameEvent> FrameReader::readHeader() {
  while (scan_ < buffer_.size()) {
    const LineEvent event = stepHeaderLine(buffer_[scan_++]);
    if (event == LineEvent::Garbage || scan_ - consumed_ > kMaxHeaderLineBytes) {
      // Rescan the line from its start: the next header may begin inside it.
      startResync(event == LineEvent::Garbage ? "expected a message header, found other data"
                                              : "header line too long");
      return std::nullopt;
    }
    if (event == LineEvent::None) continue;
    std::string_view line(buffer_.data() + consumed_, scan_ - consumed_);
    consumed_ = scan_;
    lineState_ = LineState::Start;
    if (event == LineEvent::BlankLine) {
      if (sawHeaderLine_) return finishHeaderBlock();
      continue;  // a stray empty line between messages is harmless
    }
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    sawHeaderLine_ = true;
    if (std::optional<std::string> problem = acceptHeaderLine(line)) {
      startResync(std::move(*problem));
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<std::string> FrameReader::acceptHeaderLine(std::string_view line) {
  size_t colon = line.find(':');
  std::string_view name = line.substr(0, colon);
  std::string_view value = trimBlanks(line.substr(colon + 1));
  if (equalsNoCase(name, "content-length")) {
    bool allDigits = !value.empty() && value.find_first_not_of("0123456789") == value.npos;
    if (!allDigits) {
      return "invalid Content-Length value '" + std::string(value.substr(0, 40)) + "'";
    }
    uint64_t length = parseLength(value);
    if (contentLength_ && *contentLength_ != length) return "conflicting Content-Length headers";
    contentLength_ = length;
  } else if (equalsNoCase(name, "content-type")) {
    std::string_view charset = charsetOf(value);
    if (!charset.empty() && !equalsNoCase(charset, "utf-8") && !equalsNoCase(charset, "utf8")) {
      charsetProblem_ = "unsupported charset '" + std::string(charset.substr(0, 40)) +
                        "' (only utf-8 is supported)";
    }
  }
  return std::nullopt;  // other headers are ignored, as the protocol allows
}

std::optional<FrameEvent> FrameReader::finishHeaderBlock() {
  if (!contentLength_) {
    startResync("message header without Content-Length");
    return std::nullopt;
  }
  const uint64_t length = *contentLength_;
  std::string charsetProblem = std::move(charsetProblem_);
  startHeader();
  if (length > maxMessageBytes_) {
    mode_ = Mode::Discard;
    discardRemaining_ = length;
    return FrameError{"Content-Length " + std::to_string(length) + " exceeds the limit of " +
                          std::to_string(maxMessageBytes_) + " bytes; the message is skipped",
                      true,
                      {}};
  }
  if (!charsetProblem.empty()) {
    mode_ = Mode::Discard;
    discardRemaining_ = length;
    return FrameError{std::move(charsetProblem), true, {}};
  }
  mode_ = Mode::Body;
  bodyLength_ = static_cast<size_t>(length);
  return std::nullopt;
}

std::optional<FrameEvent> FrameReader::readBody() {
  const size_t bodyEnd = consumed_ + bodyLength_;
  // A Content-Length line inside the body means the length was too long (see the file comment).
  // The line may start inside the body and end after it.
  LineMatch match = seekContentLengthLine(std::min(buffer_.size(), bodyEnd));
  if (match == LineMatch::Partial) return std::nullopt;  // decided by the next bytes
  if (match == LineMatch::Yes) {
    std::string before = buffer_.substr(consumed_, scan_ - consumed_);
    FrameError error{"Content-Length " + std::to_string(bodyLength_) +
                         " ran into the next message's header after " +
                         std::to_string(before.size()) + " bytes",
                     containsBrace(before), std::move(before)};
    consumed_ = scan_;
    startHeader();
    return error;
  }
  if (buffer_.size() < bodyEnd) return std::nullopt;
  FrameMessage message{buffer_.substr(consumed_, bodyLength_)};
  consumed_ = bodyEnd;
  startHeader();
  return message;
}

void FrameReader::readDiscard() {
  const uint64_t available = buffer_.size() - consumed_;
  LineMatch match = seekContentLengthLine(
      consumed_ + static_cast<size_t>(std::min(discardRemaining_, available)));
  if (match == LineMatch::Yes) {
    // The length was bogus: the next message starts here. The error is already reported.
    consumed_ = scan_;
    startHeader();
    return;
  }
  // Up to scan_ is skipped; a Partial candidate's bytes stay until it is decided.
  discardRemaining_ -= scan_ - consumed_;
  consumed_ = scan_;
  if (discardRemaining_ == 0) startHeader();
}

std::optional<FrameEvent> FrameReader::readResync() {
  const size_t from = scan_;
  LineMatch match = seekContentLengthLine(buffer_.size());
  skippedBytes_ += scan_ - from;
  if (!skippedBrace_) {
    skippedBrace_ = containsBrace(std::string_view(buffer_).substr(from, scan_ - from));
  }
  consumed_ = scan_;
  if (match == LineMatch::Yes) {
    FrameError error{
        skipReason_ + " (" + std::to_string(skippedBytes_) + " bytes skipped)", skippedBrace_, {}};
    const bool reported = skipReported_;
    startHeader();
    if (reported) return std::nullopt;
    return error;
  }
  // Report a lost body at once: its sender may be waiting for the answer.
  if (skippedBrace_ && !skipReported_) {
    skipReported_ = true;
    return FrameError{skipReason_, true, {}};
  }
  return std::nullopt;
}

void FrameReader::startHeader() {
  mode_ = Mode::Header;
  scan_ = consumed_;
  lineState_ = LineState::Start;
  sawHeaderLine_ = false;
  contentLength_.reset();
  charsetProblem_.clear();
}

void FrameReader::startResync(std::string reason) {
  mode_ = Mode::Resync;
  scan_ = consumed_;
  skipReason_ = std::move(reason);
  skippedBytes_ = 0;
  skippedBrace_ = false;
  skipReported_ = false;
}

FrameReader::LineMatch FrameReader::matchContentLengthLine(std::string_view data) {
  size_t at = 0;
  for (char expected : kContentLengthName) {
    if (at == data.size()) return LineMatch::Partial;
    if (lowerAscii(data[at++]) != expected) return LineMatch::No;
  }
  auto skipBlanks = [&] {
    for (size_t blanks = 0; at < data.size() && isBlank(data[at]); ++at) {
      if (++blanks > kMaxResyncBlanks) return false;
    }
    return true;
  };
  if (!skipBlanks()) return LineMatch::No;
  size_t digits = 0;
  for (; at < data.size() && isDigit(data[at]); ++at) {
    if (++digits > kMaxLengthDigits) return LineMatch::No;
  }
  if (at == data.size()) return LineMatch::Partial;
  if (digits == 0) return LineMatch::No;
  if (!skipBlanks()) return LineMatch::No;
  if (at == data.size()) return LineMatch::Partial;
  if (data[at] == '\n') return LineMatch::Yes;
  if (data[at] != '\r') return LineMatch::No;
  if (at + 1 == data.size()) return LineMatch::Partial;
  return data[at + 1] == '\n' ? LineMatch::Yes : LineMatch::No;
}

FrameReader::LineMatch FrameReader::seekContentLengthLine(size_t limit) {
  for (; scan_ < limit; ++scan_) {
    if (lowerAscii(buffer_[scan_]) != 'c') continue;
    LineMatch match = matchContentLengthLine(std::string_view(buffer_).substr(scan_));
    if (match != LineMatch::No) return match;
  }
  return LineMatch::No;
}

void FrameReader::compact() {
  if (consumed_ == buffer_.size()) {
    if (buffer_.capacity() > kKeptCapacity) {
      std::string().swap(buffer_);
    } else {
      buffer_.clear();
    }
    consumed_ = scan_ = 0;
  } else if (consumed_ >= kCompactThreshold && consumed_ * 2 >= buffer_.size()) {
    buffer_.erase(0, consumed_);
    scan_ -= consumed_;
    consumed_ = 0;
  }
}

std::string encodeFrame(std::string_view body) {
  std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  frame.append(body);
  return frame;
}

}  // namespace perfhint::protocol
