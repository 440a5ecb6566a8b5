#pragma once
// Child processes, free ports and temporary directories for integration tests.
// Servers started here are real binaries (postgres, redis-server, our own
// `myspace`), stopped and cleaned up by destructors so a failing test leaves
// nothing behind.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace myspace::testing {

// A port on 127.0.0.1 that was free a moment ago (bind to 0, read, close).
std::uint16_t free_port();

// Waits until something accepts TCP connections on 127.0.0.1:port.
bool wait_for_port(std::uint16_t port, std::chrono::milliseconds timeout);

// A directory removed (recursively) on destruction.
class TempDir {
 public:
  explicit TempDir(std::string_view prefix = "myspace-test-");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct ProcessOptions {
  std::vector<std::string> argv;                     // argv[0] is the program (absolute or on PATH)
  std::map<std::string, std::string> env_extra;      // added to the inherited environment
  std::optional<std::filesystem::path> stdout_file;  // default: inherit
  std::optional<std::string> run_as_user;            // e.g. "postgres" when running as root
};

// A child process; terminated (SIGTERM, then SIGKILL after a grace period) on destruction.
class Process {
 public:
  explicit Process(ProcessOptions options);
  ~Process();
  Process(Process&& other) noexcept;
  Process& operator=(Process&&) = delete;
  Process(const Process&) = delete;

  pid_t pid() const { return pid_; }
  bool running();
  // Sends `signal` and waits up to `grace` for exit; SIGKILL after. Returns the exit status.
  int stop(int signal, std::chrono::milliseconds grace = std::chrono::seconds(10));
  // Waits for exit; returns the exit code (128 + signal when killed), nullopt on timeout.
  std::optional<int> wait(std::chrono::milliseconds timeout);

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
};

// Runs a command to completion; returns its exit code and captured stdout+stderr.
struct CommandResult {
  int exit_code;
  std::string output;
};
CommandResult run_command(const std::vector<std::string>& argv,
                          const std::optional<std::string>& run_as_user = std::nullopt);

// True when the test process runs as root (PostgreSQL must then run as "postgres").
bool running_as_root();

}  // namespace myspace::testing
