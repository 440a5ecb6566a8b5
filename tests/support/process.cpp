#include "support/process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace myspace::testing {
namespace {

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// Switches to `user` in the child. Returns false on failure.
bool become_user(const std::string& user) {
  const passwd* pw = getpwnam(user.c_str());
  if (pw == nullptr) return false;
  return setgid(pw->pw_gid) == 0 && setuid(pw->pw_uid) == 0;
}

[[noreturn]] void exec_child(const ProcessOptions& options, int output_fd) {
  if (output_fd >= 0) {
    dup2(output_fd, STDOUT_FILENO);
    dup2(output_fd, STDERR_FILENO);
    close(output_fd);
  }
  // Detach from the test's process group so a Ctrl-C on ctest reaches us via the destructor.
  setpgid(0, 0);
  if (options.run_as_user && !become_user(*options.run_as_user)) _exit(126);
  // A crashed test must not leave servers behind. Set after the user switch,
  // which clears it.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  for (const auto& [key, value] : options.env_extra) setenv(key.c_str(), value.c_str(), 1);
  std::vector<char*> argv;
  for (const auto& arg : options.argv) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  execvp(argv[0], argv.data());
  _exit(127);
}

}  // namespace

std::uint16_t free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    throw std::runtime_error("bind to a free port failed");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

bool wait_for_port(std::uint16_t port, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    if (ok) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

TempDir::TempDir(std::string_view prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (std::string(prefix) + "XXXXXX"));
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
  // Servers that drop root privileges (postgres) must be able to enter and write here.
  std::filesystem::permissions(path_, std::filesystem::perms::all);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

Process::Process(ProcessOptions options) {
  int output_fd = -1;
  if (options.stdout_file) {
    output_fd = open(options.stdout_file->c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
    if (output_fd < 0) throw std::runtime_error("cannot open " + options.stdout_file->string());
    if (options.run_as_user) {
      if (const passwd* pw = getpwnam(options.run_as_user->c_str())) {
        (void)fchown(output_fd, pw->pw_uid, pw->pw_gid);
      }
    }
  }
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) exec_child(options, output_fd);
  if (output_fd >= 0) close(output_fd);
}

Process::Process(Process&& other) noexcept : pid_(other.pid_), status_(other.status_) {
  other.pid_ = -1;
}

Process::~Process() {
  if (pid_ > 0 && running()) stop(SIGTERM, std::chrono::seconds(10));
}

bool Process::running() {
  if (pid_ <= 0 || status_) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    status_ = decode_status(status);
    return false;
  }
  return true;
}

std::optional<int> Process::wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (running()) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return status_;
}

int Process::stop(int signal, std::chrono::milliseconds grace) {
  if (!running()) return status_.value_or(-1);
  kill(pid_, signal);
  if (auto status = wait(grace)) return *status;
  kill(pid_, SIGKILL);
  return wait(std::chrono::seconds(5)).value_or(-1);
}

CommandResult run_command(const std::vector<std::string>& argv,
                          const std::optional<std::string>& run_as_user) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(pipe_fds[0]);
    ProcessOptions options{argv, {}, std::nullopt, run_as_user};
    exec_child(options, dup(pipe_fds[1]));
  }
  close(pipe_fds[1]);
  std::string output;
  std::array<char, 4096> buffer{};
  ssize_t n = 0;
  while ((n = read(pipe_fds[0], buffer.data(), buffer.size())) > 0) {
    output.append(buffer.data(), static_cast<std::size_t>(n));
  }
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return {decode_status(status), std::move(output)};
}

bool running_as_root() {
  return geteuid() == 0;
}

}  // namespace myspace::testing
