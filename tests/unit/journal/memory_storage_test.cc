// Tests for MemoryStorage, including its crash and damage hooks.
#include "journal/memory_storage.h"

#include <gtest/gtest.h>

#include "journal_test_util.h"

namespace stonks {
namespace {

using journal_test::succeeded;

TEST(JournalMemoryStorage, AppendsReadsListsAndRemoves) {
  MemoryStorage storage;
  ASSERT_TRUE(succeeded(storage.append("b", "12")));
  ASSERT_TRUE(succeeded(storage.append("b", "345")));
  ASSERT_TRUE(succeeded(storage.write_file_atomic("a", "xyz")));
  EXPECT_EQ((std::vector<std::string>{"a", "b"}), *storage.list());
  EXPECT_EQ("12345", *storage.read_file("b"));
  EXPECT_EQ(5u, *storage.file_size("b"));
  ASSERT_TRUE(succeeded(storage.remove("a")));
  EXPECT_EQ(StatusCode::kNotFound, storage.read_file("a").status().code());
  EXPECT_EQ(StatusCode::kNotFound, storage.remove("a").code());
  EXPECT_EQ(StatusCode::kInvalidArgument, storage.append("x/y", "1").code());
}

TEST(JournalMemoryStorage, CrashKeepsOnlySyncedBytesAndSyncedFiles) {
  MemoryStorage storage;
  ASSERT_TRUE(succeeded(storage.append("seg", "durable")));
  ASSERT_TRUE(succeeded(storage.sync("seg")));
  ASSERT_TRUE(succeeded(storage.append("seg", "-lost")));
  ASSERT_TRUE(succeeded(storage.append("new", "never synced")));
  ASSERT_TRUE(succeeded(storage.write_file_atomic("snap", "atomic")));
  storage.crash();
  EXPECT_EQ("durable", *storage.read_file("seg"));
  EXPECT_EQ("atomic", *storage.read_file("snap"));
  EXPECT_EQ(StatusCode::kNotFound, storage.read_file("new").status().code());
}

TEST(JournalMemoryStorage, TruncateAndFlipChangeTheDurableContents) {
  MemoryStorage storage;
  ASSERT_TRUE(succeeded(storage.append("f", "abcdef")));
  ASSERT_TRUE(succeeded(storage.sync("f")));
  ASSERT_TRUE(succeeded(storage.truncate_file("f", 4)));
  ASSERT_TRUE(succeeded(storage.flip_byte("f", 1, 0x20)));
  storage.crash();
  EXPECT_EQ("aBcd", *storage.read_file("f"));
  EXPECT_EQ(StatusCode::kInvalidArgument, storage.truncate_file("f", 5).code());
  EXPECT_EQ(StatusCode::kInvalidArgument, storage.flip_byte("f", 4).code());
}

TEST(JournalMemoryStorage, InjectedFailuresWritePartiallyAndFailOnce) {
  MemoryStorage storage;
  storage.fail_next_append(2);
  EXPECT_EQ(StatusCode::kIoError, storage.append("f", "abcdef").code());
  EXPECT_EQ("ab", *storage.read_file("f"));
  ASSERT_TRUE(succeeded(storage.append("f", "c")));
  storage.fail_next_sync();
  EXPECT_EQ(StatusCode::kIoError, storage.sync("f").code());
  storage.crash();
  EXPECT_EQ(StatusCode::kNotFound, storage.read_file("f").status().code());
  EXPECT_EQ(2u, storage.append_calls());
  EXPECT_EQ(1u, storage.sync_calls());
}

}  // namespace
}  // namespace stonks
