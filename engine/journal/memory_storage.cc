// MemoryStorage: files in a std::map, durability tracked per file.
#include "journal/memory_storage.h"

#include <algorithm>

namespace stonks {

Status MemoryStorage::bad_name(std::string_view name) {
  return Status::invalid_argument("storage: invalid file name '" + std::string(name) + "'", "name");
}

MemoryStorage::File* MemoryStorage::find(std::string_view name) {
  auto it = files_.find(name);
  return it == files_.end() ? nullptr : &it->second;
}

static Status missing(std::string_view name) {
  return Status::not_found("storage: no file '" + std::string(name) + "'");
}

Result<std::vector<std::string>> MemoryStorage::list() {
  std::vector<std::string> names;
  names.reserve(files_.size());
  for (const auto& [name, file] : files_) names.push_back(name);  // std::map: already sorted
  return names;
}

Result<std::string> MemoryStorage::read_file(std::string_view name) {
  if (!is_valid_storage_name(name)) return bad_name(name);
  File* f = find(name);
  if (f == nullptr) return missing(name);
  return f->data;
}

Status MemoryStorage::write_file_atomic(std::string_view name, std::string_view data) {
  if (!is_valid_storage_name(name)) return bad_name(name);
  put_file(name, data);
  return Status::ok();
}

Status MemoryStorage::append(std::string_view name, std::string_view data) {
  if (!is_valid_storage_name(name)) return bad_name(name);
  ++append_calls_;
  auto it = files_.find(name);
  if (it == files_.end()) it = files_.emplace(std::string(name), File{}).first;
  if (fail_append_after_) {
    size_t n = std::min(*fail_append_after_, data.size());
    fail_append_after_.reset();
    it->second.data.append(data.data(), n);
    return Status::io_error("storage: injected append failure on '" + std::string(name) + "'");
  }
  it->second.data.append(data.data(), data.size());
  return Status::ok();
}

Status MemoryStorage::sync(std::string_view name) {
  if (!is_valid_storage_name(name)) return bad_name(name);
  ++sync_calls_;
  File* f = find(name);
  if (f == nullptr) return missing(name);
  if (fail_sync_in_ && (*fail_sync_in_)-- == 0) {
    fail_sync_in_.reset();
    return Status::io_error("storage: injected sync failure on '" + std::string(name) + "'");
  }
  f->durable_size = f->data.size();
  f->durable = true;
  return Status::ok();
}

Status MemoryStorage::remove(std::string_view name) {
  if (!is_valid_storage_name(name)) return bad_name(name);
  auto it = files_.find(name);
  if (it == files_.end()) return missing(name);
  files_.erase(it);
  return Status::ok();
}

Result<uint64_t> MemoryStorage::file_size(std::string_view name) {
  if (!is_valid_storage_name(name)) return bad_name(name);
  File* f = find(name);
  if (f == nullptr) return missing(name);
  return uint64_t{f->data.size()};
}

Status MemoryStorage::truncate_file(std::string_view name, uint64_t size) {
  File* f = find(name);
  if (f == nullptr) return missing(name);
  if (size > f->data.size()) return Status::invalid_argument("storage: truncate past end", "size");
  f->data.resize(size);
  f->durable_size = std::min<size_t>(f->durable_size, size);
  return Status::ok();
}

Status MemoryStorage::flip_byte(std::string_view name, uint64_t offset, uint8_t mask) {
  File* f = find(name);
  if (f == nullptr) return missing(name);
  if (offset >= f->data.size()) return Status::invalid_argument("storage: offset past end", "offset");
  if (mask == 0) return Status::invalid_argument("storage: mask must be non-zero", "mask");
  f->data[offset] = static_cast<char>(static_cast<uint8_t>(f->data[offset]) ^ mask);
  return Status::ok();
}

void MemoryStorage::put_file(std::string_view name, std::string_view data) {
  File& f = files_[std::string(name)];
  f.data.assign(data.data(), data.size());
  f.durable_size = f.data.size();
  f.durable = true;
}

void MemoryStorage::crash() {
  for (auto it = files_.begin(); it != files_.end();) {
    if (!it->second.durable) {
      it = files_.erase(it);
      continue;
    }
    it->second.data.resize(it->second.durable_size);
    ++it;
  }
  fail_append_after_.reset();
  fail_sync_in_.reset();
}

void MemoryStorage::fail_next_append(size_t bytes_written) { fail_append_after_ = bytes_written; }

void MemoryStorage::fail_next_sync(uint64_t skip) { fail_sync_in_ = skip; }

}  // namespace stonks
