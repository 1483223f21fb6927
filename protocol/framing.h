// The LSP base protocol's framing: "Content-Length: N\r\n" (other headers allowed), an empty
// line, then N bytes of UTF-8 JSON.
//
// Design. FrameReader is a push parser: the transport appends whatever a read returned (one byte
// or many messages at once) and drains events with next(). The header state machine, the search
// for a resynchronisation point and the body scan all remember how far they got, so each byte is
// examined a bounded number of times and feeding a large body byte by byte costs O(n), not O(n^2).
//
// A broken sender must never leave the reader waiting for bytes that will not come, nor make the
// server drop the next good message. Three kinds of damage are recognised:
//  (a) Content-Length too short: the short body is delivered (its JSON parse then fails, so the
//      server answers -32700); the remainder up to the next header is noise, as in (c).
//  (b) Content-Length too long: the body would swallow the next message's header. A raw
//      `Content-Length: <digits>` line ending in CR LF (or LF) cannot occur inside valid JSON
//      (strings cannot hold raw line breaks), so finding one inside the pending body means the
//      next message starts there: the bytes before it are reported as a broken body and reading
//      resumes at that header. When such a line may begin in the body's last bytes, the reader
//      waits for the bytes that decide it (a valid JSON body never ends like that).
//  (c) No header, or garbage between messages: bytes are skipped up to the next such
//      Content-Length line and reported once as an error.
// Bodies longer than the limit are never buffered: their bytes are counted down as they arrive
// (still watching for the next header, in case the length was bogus).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace perfhint::protocol {

/// A complete message body: exactly the Content-Length bytes after the header.
struct FrameMessage {
  std::string body;
};

/// Input that could not be framed as a message.
struct FrameError {
  /// What went wrong, for the log.
  std::string description;
  /// True when input that looked like a message body (oversized, in an unsupported charset, or
  /// containing '{') was lost, so the sender may be waiting for an answer: reply with ParseError
  /// (-32700) and a null id. False for noise that needs only a log line.
  bool bodyRead = false;
  /// For a Content-Length that ran into the next message, the bytes taken as this message's body
  /// up to the next header (for the log; they are not to be dispatched). Empty otherwise.
  std::string body;
};

/// What next() yields: a message or an error.
using FrameEvent = std::variant<FrameMessage, FrameError>;

/// Splits a byte stream into message bodies. Not thread-safe: one reader per connection.
class FrameReader {
 public:
  static constexpr size_t kDefaultMaxMessageBytes = size_t{64} << 20;
  /// A header line longer than this is taken for garbage.
  static constexpr size_t kMaxHeaderLineBytes = 8192;

  /// `maxMessageBytes`: a larger Content-Length is reported and its body skipped.
  explicit FrameReader(size_t maxMessageBytes = kDefaultMaxMessageBytes);

  /// Adds bytes read from the stream. Call next() until it returns nullopt afterwards.
  void append(std::string_view bytes);

  /// The next complete message or framing error, or nullopt when more input is needed. Events come
  /// in stream order. Framing errors are reported once per damaged stretch of input.
  std::optional<FrameEvent> next();

  /// Bytes held that are not yet part of an event (header and body bytes still pending).
  size_t bufferedBytes() const { return buffer_.size() - consumed_; }

 private:
  enum class Mode { Header, Body, Discard, Resync };
  enum class LineState { Start, Name, Value, ValueCr, BlankCr };
  enum class LineEvent { None, HeaderLine, BlankLine, Garbage };
  enum class LineMatch { No, Partial, Yes };

  /// Advances the header-line state machine by one byte.
  LineEvent stepHeaderLine(char c);
  std::optional<FrameEvent> readHeader();
  std::optional<FrameEvent> finishHeaderBlock();
  /// Applies one "name: value" line; returns a description of what is wrong with it, if anything.
  std::optional<std::string> acceptHeaderLine(std::string_view line);
  std::optional<FrameEvent> readBody();
  void readDiscard();
  std::optional<FrameEvent> readResync();

  void startHeader();
  void startResync(std::string reason);
  /// Advances scan_ to the first position before `limit` where a raw Content-Length line starts
  /// (Yes) or may start (Partial: the buffer ends first); to `limit` when there is none (No). The
  /// line itself may extend past `limit`.
  LineMatch seekContentLengthLine(size_t limit);
  /// Whether `data` starts with a raw "Content-Length: <digits>" line ending in "\r\n" or "\n"
  /// (name in any case, a few blanks allowed). Partial: `data` ends before that is decided.
  static LineMatch matchContentLengthLine(std::string_view data);
  void compact();

  size_t maxMessageBytes_;
  std::string buffer_;
  size_t consumed_ = 0;  ///< buffer_[0, consumed_) is done with; the current mode starts here
  size_t scan_ = 0;      ///< next byte the current mode has not examined yet
  Mode mode_ = Mode::Header;

  // Header mode: lines are consumed as they complete, so consumed_ is the current line's start.
  LineState lineState_ = LineState::Start;
  bool sawHeaderLine_ = false;
  std::optional<uint64_t> contentLength_;  ///< UINT64_MAX when the digits overflowed
  std::string charsetProblem_;

  // Body mode: the body is buffer_[consumed_, consumed_ + bodyLength_).
  size_t bodyLength_ = 0;
  // Discard mode: bytes of an oversized or rejected body still to skip.
  uint64_t discardRemaining_ = 0;

  // Resync mode: one damaged stretch, reported once.
  std::string skipReason_;
  uint64_t skippedBytes_ = 0;
  bool skippedBrace_ = false;
  bool skipReported_ = false;
};

/// The frame for one message body: a Content-Length header, an empty line, the body.
std::string encodeFrame(std::string_view body);

}  // namespace perfhint::protocol
