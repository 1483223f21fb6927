// Content-Length framing: split and coalesced input, and recovery from every kind of bad framing.
#include "protocol/framing.h"

#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <vector>

using namespace perfhint::protocol;

namespace {

/// An event in a comparable form: "message:<body>", or "error" / "error+body" (bodyRead).
std::string describe(const FrameEvent& event) {
  if (const auto* message = std::get_if<FrameMessage>(&event)) return "message:" + message->body;
  return std::get<FrameError>(event).bodyRead ? "error+body" : "error";
}

std::vector<std::string> drain(FrameReader& reader) {
  std::vector<std::string> events;
  while (std::optional<FrameEvent> event = reader.next()) events.push_back(describe(*event));
  return events;
}

/// Feeds `stream` in chunks of `chunk` bytes, draining after each, and returns all events.
std::vector<std::string> feed(std::string_view stream, size_t chunk,
                              size_t maxMessageBytes = FrameReader::kDefaultMaxMessageBytes) {
  FrameReader reader(maxMessageBytes);
  std::vector<std::string> events;
  for (size_t at = 0; at < stream.size(); at += chunk) {
    reader.append(stream.substr(at, chunk));
    for (std::string& event : drain(reader)) events.push_back(std::move(event));
  }
  return events;
}

/// The same events whether the stream comes at once, byte by byte or in odd chunks.
std::vector<std::string> feedAllWays(
    std::string_view stream, size_t maxMessageBytes = FrameReader::kDefaultMaxMessageBytes) {
  std::vector<std::string> whole = feed(stream, stream.size() + 1, maxMessageBytes);
  CHECK(feed(stream, 1, maxMessageBytes) == whole);
  CHECK(feed(stream, 3, maxMessageBytes) == whole);
  CHECK(feed(stream, 7, maxMessageBytes) == whole);
  return whole;
}

std::string frame(std::string_view body) {
  return encodeFrame(body);
}

using Events = std::vector<std::string>;

}  // namespace

TEST_CASE("encodeFrame writes the header the reader expects") {
  CHECK(encodeFrame("{}") == "Content-Length: 2\r\n\r\n{}");
  CHECK(encodeFrame("") == "Content-Length: 0\r\n\r\n");
}

TEST_CASE("messages arrive whole, coalesced, split anywhere, or byte by byte") {
  std::string stream = frame(R"({"a":1})") + frame(R"({"b":"\u00e9 é"})") + frame("{}");
  Events expected{R"(message:{"a":1})", R"(message:{"b":"\u00e9 é"})", "message:{}"};
  CHECK(feedAllWays(stream) == expected);
  for (size_t split = 0; split <= stream.size(); ++split) {
    FrameReader reader;
    reader.append(std::string_view(stream).substr(0, split));
    Events events = drain(reader);
    reader.append(std::string_view(stream).substr(split));
    for (std::string& event : drain(reader)) events.push_back(std::move(event));
    CAPTURE(split);
    CHECK(events == expected);
  }
}

TEST_CASE("an incomplete message waits without an event") {
  FrameReader reader;
  reader.append("Content-Length: 10\r\n\r\n{\"a\":");
  CHECK_FALSE(reader.next());
  reader.append("1234}");
  CHECK(drain(reader) == Events{R"(message:{"a":1234})"});
  CHECK(reader.bufferedBytes() == 0);
}

TEST_CASE("header names are case-insensitive; other headers and stray blank lines are ignored") {
  std::string stream =
      "content-length: 2\r\n\r\n{}"
      "CONTENT-LENGTH:2\r\n\r\n[]"
      "X-Custom: anything at all\r\nContent-Length:  2 \r\n\r\n{}"
      "\r\n\r\n"
      "Content-Length: 2\r\n\r\n{}";
  CHECK(feedAllWays(stream) == Events{"message:{}", "message:[]", "message:{}", "message:{}"});
}

TEST_CASE("lines ending in a bare LF are accepted") {
  CHECK(feedAllWays("Content-Length: 2\n\n{}Content-Length: 2\r\n\n[]") ==
        Events{"message:{}", "message:[]"});
}

TEST_CASE("Content-Type with a utf-8 charset is accepted, another charset rejected") {
  std::string stream =
      "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}"
      "Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf8\r\n\r\n[]"
      "Content-Type: application/json; Charset=\"UTF-8\"\r\nContent-Length: 1\r\n\r\n1"
      "Content-Type: application/json\r\nContent-Length: 1\r\n\r\n2"
      "Content-Type: text/plain; charset=latin1\r\nContent-Length: 5\r\n\r\n{\"\xE9\"}"
      "Content-Length: 1\r\n\r\n3";
  CHECK(feedAllWays(stream) ==
        Events{"message:{}", "message:[]", "message:1", "message:2", "error+body", "message:3"});
}

TEST_CASE("an empty body is a message (its JSON parse fails later)") {
  CHECK(feedAllWays("Content-Length: 0\r\n\r\nContent-Length: 2\r\n\r\n{}") ==
        Events{"message:", "message:{}"});
}

TEST_CASE("an oversized message is reported at once and skipped without being buffered") {
  std::string body = "{\"text\":\"" + std::string(200, 'x') + "\"}";
  std::string stream = frame(body) + frame("{}");
  CHECK(feedAllWays(stream, 100) == Events{"error+body", "message:{}"});

  FrameReader reader(100);
  reader.append("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n");
  CHECK(drain(reader) == Events{"error+body"});
  size_t mostBuffered = 0;
  for (char c : body) {
    reader.append(std::string_view(&c, 1));
    CHECK(drain(reader).empty());
    mostBuffered = std::max(mostBuffered, reader.bufferedBytes());
  }
  CHECK(mostBuffered <= 1);
  reader.append(frame("[]"));
  CHECK(drain(reader) == Events{"message:[]"});
}

TEST_CASE("a Content-Length too large for any integer is skipped like an oversized one") {
  std::string stream = "Content-Length: 99999999999999999999999\r\n\r\n{\"a\":1}" + frame("{}");
  CHECK(feedAllWays(stream) == Events{"error+body", "message:{}"});
}

TEST_CASE("Content-Length too short: the cut body is delivered, the rest is noise") {
  std::string stream = "Content-Length: 5\r\n\r\n{\"a\":12345}" + frame("{}");
  CHECK(feedAllWays(stream) == Events{R"(message:{"a":)", "error", "message:{}"});
  // A tail that still holds a '{' may be a message its sender waits on: bodyRead.
  std::string nested = "Content-Length: 3\r\n\r\n{\"a\":{\"b\":1}}" + frame("{}");
  CHECK(feedAllWays(nested) == Events{R"(message:{"a)", "error+body", "message:{}"});
}

TEST_CASE("Content-Length too long: the next header is found inside the body") {
  std::string stream = "Content-Length: 30\r\n\r\n{\"a\":1}" + frame(R"({"b":2})");
  CHECK(feedAllWays(stream) == Events{"error+body", R"(message:{"b":2})"});

  FrameReader reader;
  reader.append(stream);
  std::optional<FrameEvent> first = reader.next();
  REQUIRE(first);
  REQUIRE(std::holds_alternative<FrameError>(*first));
  CHECK(std::get<FrameError>(*first).body == R"({"a":1})");
}

TEST_CASE("Content-Length too long by a few bytes: the header line starts inside the body") {
  for (size_t extra = 1; extra <= 20; ++extra) {
    std::string body = R"({"a":1})";
    std::string stream = "Content-Length: " + std::to_string(body.size() + extra) + "\r\n\r\n" +
                         body + frame(R"({"b":2})") + frame("{}");
    CAPTURE(extra);
    CHECK(feedAllWays(stream) == Events{"error+body", R"(message:{"b":2})", "message:{}"});
  }
}

TEST_CASE("'Content-Length:' inside a JSON string is not a header") {
  std::string body = R"({"text":"Content-Length: 12\\r\\n","c":"Content-Length: 5"})";
  CHECK(feedAllWays(frame(body) + frame("{}")) == Events{"message:" + body, "message:{}"});
}

TEST_CASE("a body without a header is reported as soon as its '{' arrives") {
  FrameReader reader;
  reader.append(R"({"jsonrpc":"2.0","id":1,"method":"shutdown"})");
  CHECK(drain(reader) == Events{"error+body"});
  reader.append(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})");
  CHECK(drain(reader).empty());  // the same damaged stretch: reported once
  reader.append(frame("{}"));
  CHECK(drain(reader) == Events{"message:{}"});
  CHECK(feed(R"({"a":1})", 1) == Events{"error+body"});
}

TEST_CASE("garbage without a body is reported when the next header arrives") {
  FrameReader reader;
  reader.append("hello world\r\nmore noise: here");
  CHECK(drain(reader).empty());
  reader.append(frame("{}"));
  CHECK(drain(reader) == Events{"error", "message:{}"});
  CHECK(feedAllWays("noise\r\n" + frame("{}") + "\r\n junk" + frame("[]")) ==
        Events{"error", "message:{}", "error", "message:[]"});
}

TEST_CASE("a header block without Content-Length skips to the next header") {
  CHECK(feedAllWays("Content-Type: application/json\r\n\r\n{\"a\":1}" + frame("{}")) ==
        Events{"error+body", "message:{}"});
  CHECK(feedAllWays("Content-Lenght: 7\r\n\r\n{\"a\":1}" + frame("{}")) ==
        Events{"error+body", "message:{}"});
}

TEST_CASE("a header followed directly by the body (no blank line) is damaged") {
  CHECK(feedAllWays("Content-Length: 7\r\n{\"a\":1}" + frame("{}")) ==
        Events{"error+body", "message:{}"});
}

TEST_CASE("invalid and conflicting Content-Length values") {
  for (const char* value : {"abc", "-5", "5x", "", "0x10", "+5", "1 2"}) {
    CAPTURE(value);
    std::string stream =
        std::string("Content-Length: ") + value + "\r\n\r\n{\"a\":1}" + frame("{}");
    CHECK(feedAllWays(stream) == Events{"error+body", "message:{}"});
  }
  CHECK(feedAllWays("Content-Length: 2\r\nContent-Length: 2\r\n\r\n[]") == Events{"message:[]"});
  CHECK(feedAllWays("Content-Length: 2\r\nContent-Length: 3\r\n\r\n[1]" + frame("{}")) ==
        Events{"error", "message:{}"});
}

TEST_CASE("a bare CR, a space in a header name and an endless header line are garbage") {
  CHECK(feedAllWays("Content-Length: 2\rX\r\n\r\n{}" + frame("[]")) ==
        Events{"error+body", "message:[]"});
  CHECK(feedAllWays("Content Length: 2\r\n\r\n[]" + frame("{}")) == Events{"error", "message:{}"});
  CHECK(feedAllWays(std::string(20000, 'X') + frame("{}")) == Events{"error", "message:{}"});
}

TEST_CASE("a large body fed byte by byte is linear, even full of 'c' and 'C'") {
  std::string body = "{\"text\":\"";
  for (int i = 0; i < 1 << 18; ++i) body += "cC-content-length: ";
  body += "\"}";
  std::string stream = frame(body);
  auto started = std::chrono::steady_clock::now();
  FrameReader reader;
  size_t messages = 0;
  for (char c : stream) {
    reader.append(std::string_view(&c, 1));
    while (std::optional<FrameEvent> event = reader.next()) {
      REQUIRE(std::holds_alternative<FrameMessage>(*event));
      CHECK(std::get<FrameMessage>(*event).body == body);
      ++messages;
    }
  }
  CHECK(messages == 1);
  auto elapsed = std::chrono::steady_clock::now() - started;
  CHECK(elapsed < std::chrono::seconds(10));  // quadratic rescanning would take hours
}

TEST_CASE("random damage never loses a later well-framed message nor depends on chunking") {
  const std::string pieces[] = {
      frame(R"({"ok":1})"),
      "Content-Length: 3\r\n\r\n{\"short\":1}",
      "Content-Length: 40\r\n\r\n{\"long\":1}",
      "{\"headerless\":1}",
      "junk\r\n",
      "\r\n",
      "Content-Length: x\r\n\r\n",
      "Content-Type: text/plain; charset=ascii\r\nContent-Length: 2\r\n\r\n{}",
      "Content-Length: 999999999\r\n\r\n{\"huge\":1}",
      "Content-Le",
      "ngth: 2\r\n\r\n[]",
      "cc",
  };
  std::mt19937 random(2024);
  std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1);
  for (int round = 0; round < 400; ++round) {
    std::string stream;
    for (int i = 0; i < 6; ++i) stream += pieces[pick(random)];
    // Whatever came before, a well-framed message after a clean break must come through.
    stream += "\r\n" + frame(R"({"last":1})");
    CAPTURE(stream);
    Events events = feedAllWays(stream, 1000);
    REQUIRE_FALSE(events.empty());
    CHECK(events.back() == R"(message:{"last":1})");
  }
}
