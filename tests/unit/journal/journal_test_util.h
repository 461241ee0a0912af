// Helpers shared by the journal tests: payloads, writing and recovering journals.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "journal/journal.h"
#include "journal/journal_format.h"
#include "journal/storage.h"
#include "model/status.h"

namespace stonks::journal_test {

using Records = std::vector<std::pair<uint64_t, std::string>>;

inline ::testing::AssertionResult succeeded(const Status& s) {
  if (s.is_ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << s.to_string();
}
template <class T>
::testing::AssertionResult succeeded(const Result<T>& r) {
  return succeeded(r.status());
}

// A deterministic payload of varying length (seq % 41 filler bytes), so
// records straddle segment boundaries unevenly.
inline std::string payload_for(uint64_t seq) {
  std::string p = "p" + std::to_string(seq) + ":";
  p.append(seq % 41, static_cast<char>('a' + seq % 26));
  return p;
}

inline Records expected_records(uint64_t first, uint64_t last) {
  Records out;
  for (uint64_t seq = first; seq <= last; ++seq) out.emplace_back(seq, payload_for(seq));
  return out;
}

// Appends payload_for(seq) for seq in [first, last], committing after every
// `batch` records and at the end.
inline ::testing::AssertionResult write_records(Journal& journal, uint64_t first, uint64_t last, uint64_t batch = 1) {
  for (uint64_t seq = first; seq <= last; ++seq) {
    Status s = journal.append(seq, payload_for(seq));
    if (!s.is_ok()) return ::testing::AssertionFailure() << "append " << seq << ": " << s.to_string();
    if ((seq - first + 1) % batch == 0 || seq == last) {
      s = journal.commit();
      if (!s.is_ok()) return ::testing::AssertionFailure() << "commit at " << seq << ": " << s.to_string();
    }
  }
  return ::testing::AssertionSuccess();
}

// Everything one recover() produced, in call order.
struct Recovered {
  Status status;                     // of open() or recover()
  std::unique_ptr<Journal> journal;  // set when open() worked
  RecoveryStats stats;
  int snapshot_calls = 0;
  uint64_t snapshot_seq = 0;
  std::string snapshot_state;
  bool snapshot_after_records = false;  // on_snapshot came after an on_record: wrong
  Records records;
};

inline Recovered recover_all(Storage& storage, JournalOptions options = {}) {
  Recovered r;
  auto opened = Journal::open(storage, options);
  if (!opened.is_ok()) {
    r.status = opened.status();
    return r;
  }
  r.journal = std::move(opened).value();
  auto stats = r.journal->recover(
      [&r](uint64_t last_seq, std::string_view state) {
        ++r.snapshot_calls;
        r.snapshot_seq = last_seq;
        r.snapshot_state = std::string(state);
        if (!r.records.empty()) r.snapshot_after_records = true;
        return Status::ok();
      },
      [&r](uint64_t seq, std::string_view payload) {
        r.records.emplace_back(seq, std::string(payload));
        return Status::ok();
      });
  if (stats.is_ok()) {
    r.stats = *stats;
  } else {
    r.status = stats.status();
  }
  return r;
}

// Names in `storage` starting with `prefix` ("seg-", "snap-"), sorted.
inline std::vector<std::string> names_with_prefix(Storage& storage, std::string_view prefix) {
  std::vector<std::string> out;
  auto names = storage.list();
  if (!names.is_ok()) return out;
  for (const std::string& n : *names) {
    if (std::string_view(n).substr(0, prefix.size()) == prefix) out.push_back(n);
  }
  return out;
}

// Start offsets of the records in a well-formed segment.
inline std::vector<uint64_t> record_offsets(std::string_view segment) {
  std::vector<uint64_t> out;
  uint64_t off = 0;
  while (off + journal_format::kRecordHeaderBytes <= segment.size()) {
    out.push_back(off);
    const uint32_t length_field = journal_format::get_fixed32(segment.data() + off + 4);
    off += journal_format::kRecordHeaderBytes + journal_format::payload_length(length_field);
  }
  return out;
}

}  // namespace stonks::journal_test
