// Tests for FileStorage on real files in a fresh temp directory.
#include "journal/file_storage.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "journal/journal_format.h"
#include "journal_test_util.h"

namespace stonks {
namespace {

using namespace journal_test;

void remove_tree(const std::string& path) {
  if (DIR* d = opendir(path.c_str())) {
    while (struct dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      remove_tree(path + "/" + name);
    }
    closedir(d);
    rmdir(path.c_str());
  } else {
    unlink(path.c_str());
  }
}

bool exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

class JournalFileStorage : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir();
    if (tmpl.empty() || tmpl.back() != '/') tmpl += '/';
    tmpl += "stonks_journal_XXXXXX";
    ASSERT_NE(nullptr, mkdtemp(tmpl.data())) << "mkdtemp " << tmpl;
    root_ = tmpl;
  }
  void TearDown() override {
    if (!root_.empty()) remove_tree(root_);
  }

  std::unique_ptr<FileStorage> open_storage(const std::string& dir) {
    auto storage = FileStorage::open(dir);
    EXPECT_TRUE(succeeded(storage));
    return storage.is_ok() ? std::move(storage).value() : nullptr;
  }

  std::string root_;
};

TEST_F(JournalFileStorage, CreatesMissingDirectoriesAndRoundTripsFiles) {
  const std::string dir = root_ + "/a/b/journal";
  auto storage = open_storage(dir);
  ASSERT_NE(nullptr, storage);
  ASSERT_TRUE(exists(dir));

  ASSERT_TRUE(succeeded(storage->append("b.log", "hello ")));
  ASSERT_TRUE(succeeded(storage->append("b.log", std::string("wor\0ld", 6))));
  ASSERT_TRUE(succeeded(storage->sync("b.log")));
  ASSERT_TRUE(succeeded(storage->write_file_atomic("a.snap", "snapshot")));
  ASSERT_TRUE(succeeded(storage->append("c.log", "x")));
  EXPECT_EQ((std::vector<std::string>{"a.snap", "b.log", "c.log"}), *storage->list());
  EXPECT_EQ(std::string("hello wor\0ld", 12), *storage->read_file("b.log"));
  EXPECT_EQ(12u, *storage->file_size("b.log"));
  EXPECT_EQ("snapshot", *storage->read_file("a.snap"));

  ASSERT_TRUE(succeeded(storage->write_file_atomic("a.snap", "v2")));
  EXPECT_EQ("v2", *storage->read_file("a.snap"));
  ASSERT_TRUE(succeeded(storage->remove("c.log")));
  EXPECT_FALSE(exists(dir + "/c.log"));
  EXPECT_EQ((std::vector<std::string>{"a.snap", "b.log"}), *storage->list());

  EXPECT_EQ(StatusCode::kNotFound, storage->read_file("c.log").status().code());
  EXPECT_EQ(StatusCode::kNotFound, storage->file_size("c.log").status().code());
  EXPECT_EQ(StatusCode::kNotFound, storage->remove("c.log").code());
  EXPECT_EQ(StatusCode::kInvalidArgument, storage->append("../escape", "x").code());
  EXPECT_EQ(StatusCode::kInvalidArgument, storage->read_file("..").status().code());
  EXPECT_EQ(StatusCode::kInvalidArgument, storage->write_file_atomic("x.stonks-tmp", "x").code());

  // Reopening sees the same files.
  storage.reset();
  auto reopened = open_storage(dir);
  ASSERT_NE(nullptr, reopened);
  EXPECT_EQ(std::string("hello wor\0ld", 12), *reopened->read_file("b.log"));
}

TEST_F(JournalFileStorage, AppendAfterAtomicRewriteGoesToTheNewFile) {
  auto storage = open_storage(root_);
  ASSERT_NE(nullptr, storage);
  ASSERT_TRUE(succeeded(storage->append("f", "abc")));
  ASSERT_TRUE(succeeded(storage->write_file_atomic("f", "Z")));
  ASSERT_TRUE(succeeded(storage->append("f", "d")));
  ASSERT_TRUE(succeeded(storage->sync("f")));
  EXPECT_EQ("Zd", *storage->read_file("f"));
  ASSERT_TRUE(succeeded(storage->remove("f")));
  ASSERT_TRUE(succeeded(storage->append("f", "new")));
  EXPECT_EQ("new", *storage->read_file("f"));
}

TEST_F(JournalFileStorage, OpenRemovesLeftoverTempFilesAndListHidesThem) {
  const int fd = ::open((root_ + "/snap.snap.stonks-tmp").c_str(), O_WRONLY | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(4, ::write(fd, "half", 4));
  ::close(fd);
  auto storage = open_storage(root_);
  ASSERT_NE(nullptr, storage);
  EXPECT_FALSE(exists(root_ + "/snap.snap.stonks-tmp"));
  EXPECT_TRUE(storage->list()->empty());
}

TEST_F(JournalFileStorage, JournalRoundTripsThroughRealFilesAndDropsATornTail) {
  const std::string dir = root_ + "/journal";
  JournalOptions options;
  options.max_segment_bytes = 1024;
  {
    auto storage = open_storage(dir);
    ASSERT_NE(nullptr, storage);
    Recovered r = recover_all(*storage, options);
    ASSERT_TRUE(succeeded(r.status));
    ASSERT_TRUE(write_records(*r.journal, 1, 300, 16));
    ASSERT_TRUE(succeeded(r.journal->write_snapshot(120, "state@120")));
    ASSERT_TRUE(succeeded(r.journal->write_snapshot(200, "state@200")));
    ASSERT_TRUE(succeeded(r.journal->compact()));
    ASSERT_TRUE(write_records(*r.journal, 301, 320, 16));
  }
  std::string last_segment;
  {
    auto storage = open_storage(dir);
    ASSERT_NE(nullptr, storage);
    const std::vector<std::string> segments = names_with_prefix(*storage, "seg-");
    ASSERT_GE(segments.size(), 3u);
    EXPECT_NE(journal_format::segment_file_name(1), segments.front());  // compacted
    last_segment = segments.back();
    Recovered r = recover_all(*storage, options);
    ASSERT_TRUE(succeeded(r.status));
    EXPECT_EQ(200u, r.snapshot_seq);
    EXPECT_EQ("state@200", r.snapshot_state);
    EXPECT_EQ(expected_records(201, 320), r.records);
  }
  // Tear the last record as a crash would, with a real truncate(2).
  const std::string path = dir + "/" + last_segment;
  struct stat st;
  ASSERT_EQ(0, stat(path.c_str(), &st));
  ASSERT_EQ(0, truncate(path.c_str(), st.st_size - 3));
  {
    auto storage = open_storage(dir);
    ASSERT_NE(nullptr, storage);
    Recovered r = recover_all(*storage, options);
    ASSERT_TRUE(succeeded(r.status));
    EXPECT_EQ(expected_records(201, 319), r.records);
    EXPECT_EQ(last_segment, r.stats.torn_file);
    const uint64_t torn_at = r.stats.torn_offset;
    ASSERT_EQ(0, stat(path.c_str(), &st));
    EXPECT_EQ(torn_at, static_cast<uint64_t>(st.st_size));  // trimmed on disk
    ASSERT_TRUE(succeeded(r.journal->append(320, "again")));
    ASSERT_TRUE(succeeded(r.journal->commit()));
  }
  auto storage = open_storage(dir);
  ASSERT_NE(nullptr, storage);
  Recovered r = recover_all(*storage, options);
  ASSERT_TRUE(succeeded(r.status));
  ASSERT_EQ(120u, r.records.size());
  EXPECT_EQ((std::pair<uint64_t, std::string>{320, "again"}), r.records.back());
}

}  // namespace
}  // namespace stonks
