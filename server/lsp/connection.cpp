#include "server/lsp/connection.h"

#include <boost/asio/co_spawn.hpp>  // reader and writer coroutines
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>                   // --port
#include <boost/asio/posix/stream_descriptor.hpp>  // stdio
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>  // writer wake-up signal
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <unistd.h>  // dup
#include <deque>

namespace perfhint::lsp {
namespace {

namespace asio = boost::asio;

// Backpressure: a client that sends requests without reading the replies must not make the
// server buffer without bound. Above the high mark the reader stops reading, so the client's
// writes block on the full pipe; it resumes once the writer has drained below the low mark.
constexpr size_t kPauseReadingAboveBytes = 1 << 20;
constexpr size_t kResumeReadingBelowBytes = 256 << 10;

template <typename ReadStream, typename WriteStream>
class StreamConnection final
    : public Connection,
      public std::enable_shared_from_this<StreamConnection<ReadStream, WriteStream>> {
 public:
  StreamConnection(asio::io_context& io, ReadStream input, WriteStream output, bool sameStream)
      : io_(io),
        input_(std::move(input)),
        output_(std::move(output)),
        sameStream_(sameStream),
        signal_(io),
        drained_(io) {
    signal_.expires_at(std::chrono::steady_clock::time_point::max());
    drained_.expires_at(std::chrono::steady_clock::time_point::max());
  }

  void start(FrameHandler onFrame, ClosedHandler onClosed) override {
    onFrame_ = std::move(onFrame);
    onClosed_ = std::move(onClosed);
    auto self = this->shared_from_this();
    asio::co_spawn(
        io_, [self] { return self->readLoop(); }, asio::detached);
    asio::co_spawn(
        io_, [self] { return self->writeLoop(); }, asio::detached);
  }

  void send(std::string body) override {
    asio::post(io_,
               [self = this->shared_from_this(), frame = protocol::encodeFrame(body)]() mutable {
                 if (self->closing_) return;
                 self->queuedBytes_ += frame.size();
                 self->queue_.push_back(std::move(frame));
                 self->signal_.cancel_one();
               });
  }

  void close(std::function<void()> onFlushed) override {
    asio::post(io_, [self = this->shared_from_this(), onFlushed = std::move(onFlushed)]() mutable {
      self->closing_ = true;
      if (self->writerDone_) {
        if (onFlushed) onFlushed();
        return;
      }
      self->onFlushed_ = std::move(onFlushed);
      self->signal_.cancel_one();
    });
  }

 private:
  asio::awaitable<void> readLoop() {
    std::array<char, 64 * 1024> buffer;
    boost::system::error_code error;
    while (true) {
      size_t read = co_await input_.async_read_some(
          asio::buffer(buffer), asio::redirect_error(asio::use_awaitable, error));
      if (read > 0) {
        reader_.append(std::string_view(buffer.data(), read));
        while (auto event = reader_.next()) onFrame_(std::move(*event));
      }
      if (error) break;
      while (queuedBytes_ > kPauseReadingAboveBytes && !writerDone_) {
        co_await drained_.async_wait(asio::redirect_error(asio::use_awaitable, error));
        error = {};
      }
    }
    closing_ = true;
    signal_.cancel_one();
    if (onClosed_) onClosed_();
  }

  asio::awaitable<void> writeLoop() {
    boost::system::error_code error;
    while (true) {
      while (!queue_.empty()) {
        co_await asio::async_write(output_, asio::buffer(queue_.front()),
                                   asio::redirect_error(asio::use_awaitable, error));
        if (error) {
          queue_.clear();
          queuedBytes_ = 0;
          break;
        }
        queuedBytes_ -= queue_.front().size();
        queue_.pop_front();
        if (queuedBytes_ < kResumeReadingBelowBytes) drained_.cancel_one();
      }
      if (closing_ || error) break;
      co_await signal_.async_wait(asio::redirect_error(asio::use_awaitable, error));
      error = {};
    }
    if (!sameStream_) {
      boost::system::error_code ignored;
      output_.close(ignored);
    }
    writerDone_ = true;
    drained_.cancel_one();
    if (onFlushed_) std::exchange(onFlushed_, nullptr)();
  }

  asio::io_context& io_;
  ReadStream input_;
  WriteStream output_;
  bool sameStream_;
  asio::steady_timer signal_;
  asio::steady_timer drained_;  ///< wakes a paused reader
  std::deque<std::string> queue_;
  size_t queuedBytes_ = 0;
  protocol::FrameReader reader_;
  FrameHandler onFrame_;
  ClosedHandler onClosed_;
  std::function<void()> onFlushed_;
  bool closing_ = false;
  bool writerDone_ = false;
};

// A TCP socket is one stream for both directions: these adapters let StreamConnection hold it
// twice without owning it twice.
struct SharedSocket {
  std::shared_ptr<asio::ip::tcp::socket> socket;
  template <typename Buffers, typename Token>
  auto async_read_some(const Buffers& buffers, Token&& token) {
    return socket->async_read_some(buffers, std::forward<Token>(token));
  }
  template <typename Buffers, typename Token>
  auto async_write_some(const Buffers& buffers, Token&& token) {
    return socket->async_write_some(buffers, std::forward<Token>(token));
  }
  using executor_type = asio::ip::tcp::socket::executor_type;
  executor_type get_executor() { return socket->get_executor(); }
  void close(boost::system::error_code& error) { socket->close(error); }
};

}  // namespace

std::shared_ptr<Connection> makeStdioConnection(asio::io_context& io) {
  using Descriptor = asio::posix::stream_descriptor;
  return std::make_shared<StreamConnection<Descriptor, Descriptor>>(
      io, Descriptor(io, ::dup(STDIN_FILENO)), Descriptor(io, ::dup(STDOUT_FILENO)), false);
}

std::shared_ptr<Connection> makeTcpConnection(asio::io_context& io, unsigned short port) {
  asio::ip::tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), port});
  auto socket = std::make_shared<asio::ip::tcp::socket>(io);
  acceptor.accept(*socket);
  return std::make_shared<StreamConnection<SharedSocket, SharedSocket>>(io, SharedSocket{socket},
                                                                        SharedSocket{socket}, true);
}

}  // namespace perfhint::lsp
