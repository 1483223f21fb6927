#include "measure/child_process.h"

#include <cerrno>
#include <cstring>  // strerror

#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace perfhint::measure {
namespace {

struct Pipe {
  int read = -1;
  int write = -1;
  ~Pipe() {
    if (read >= 0) close(read);
    if (write >= 0) close(write);
  }
};

bool openPipe(Pipe& pipe) {
  int ends[2];
  if (::pipe(ends) != 0) return false;
  pipe.read = ends[0];
  pipe.write = ends[1];
  return true;
}

// Reads both pipes until both are closed, so a child that fills one cannot block on it.
void drain(Pipe& out, Pipe& err, ChildResult& result) {
  pollfd fds[2] = {{out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
  std::string* targets[2] = {&result.output, &result.errors};
  int open = 2;
  char buffer[4096];
  while (open > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t count = ::read(fds[i].fd, buffer, sizeof buffer);
      if (count > 0) {
        targets[i]->append(buffer, static_cast<size_t>(count));
      } else if (count == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open;
      }
    }
  }
}

}  // namespace

ChildResult runChild(const std::vector<std::string>& arguments) {
  ChildResult result;
  Pipe out, err;
  if (arguments.empty() || !openPipe(out) || !openPipe(err)) {
    result.error = "cannot create pipes";
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out.read);
  posix_spawn_file_actions_addclose(&actions, err.read);
  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int status = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (status != 0) {
    result.error = std::string("cannot run ") + arguments[0] + ": " + std::strerror(status);
    return result;
  }
  close(out.write);
  out.write = -1;
  close(err.write);
  err.write = -1;
  drain(out, err, result);
  int waitStatus = 0;
  while (waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR) {
  }
  result.started = true;
  result.exitStatus = WIFEXITED(waitStatus) ? WEXITSTATUS(waitStatus) : 128 + WTERMSIG(waitStatus);
  return result;
}

}  // namespace perfhint::measure
