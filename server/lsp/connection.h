// A connection to one LSP client over a byte stream (stdio pipes or a TCP socket).
//
// Design: everything network-facing runs on one io_context thread. One reader coroutine reads
// whatever bytes arrive, feeds them to the FrameReader and hands each complete frame (or framing
// error) to the message handler, in order. One writer coroutine drains a queue of outgoing
// bodies, so frames never interleave no matter which thread produced them. `send` may be called
// from any thread: it posts onto the io thread. While more than 1 MiB of frames wait to be
// written, the reader stops reading (backpressure: a client that does not read its replies
// cannot make the server buffer without bound). When the peer closes its side, the reader stops
// and `onClosed` runs once.
#pragma once

#include "protocol/framing.h"  // FrameReader, FrameEvent

#include <boost/asio/awaitable.hpp>  // coroutines
#include <boost/asio/io_context.hpp>

#include <functional>
#include <memory>
#include <string>

namespace perfhint::lsp {

class Connection {
 public:
  using FrameHandler = std::function<void(protocol::FrameEvent)>;
  using ClosedHandler = std::function<void()>;

  virtual ~Connection() = default;
  /// Starts reading and writing. Handlers run on the io thread.
  virtual void start(FrameHandler onFrame, ClosedHandler onClosed) = 0;
  /// Queues one message body. Thread-safe.
  virtual void send(std::string body) = 0;
  /// Stops accepting messages, writes those already queued, then runs `onFlushed` on the io
  /// thread. Thread-safe.
  virtual void close(std::function<void()> onFlushed) = 0;
};

/// A connection over this process's stdin and stdout.
std::shared_ptr<Connection> makeStdioConnection(boost::asio::io_context& io);

/// Accepts one client on 127.0.0.1:`port` (blocking until it connects) and connects to it.
/// Throws boost::system::system_error when the port cannot be bound.
std::shared_ptr<Connection> makeTcpConnection(boost::asio::io_context& io, unsigned short port);

}  // namespace perfhint::lsp
