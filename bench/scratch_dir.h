// ScratchDir: a fresh directory for one workload's journal, removed afterwards.
#pragma once

#include <string>

namespace stonks::bench {

class ScratchDir {
 public:
  // Creates "<root>/stonks-bench-<tag>-<unique>". Exits on failure.
  ScratchDir(const std::string& root, const std::string& tag);
  // Removes the directory and everything in it.
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }
  // Total size of the files in it, in bytes.
  unsigned long long bytes() const;

 private:
  std::string path_;
};

}  // namespace stonks::bench
