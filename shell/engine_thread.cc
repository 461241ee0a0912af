#include "engine_thread.h"

#include <cstdio>
#include <utility>

#include "api/api_response.h"

namespace stonks::server {
namespace {

ApiResponse unavailable(const std::string& why) { return error_response(503, "unavailable", why); }

}  // namespace

EngineThread::EngineThread(std::unique_ptr<EngineBackend> backend, Clock clock)
    : backend_(std::move(backend)), clock_(std::move(clock)) {
  published_seq_ = backend_->last_seq();
}

EngineThread::~EngineThread() {
  if (thread_.joinable()) (void)stop();
}

void EngineThread::start() {
  backend_->start_background([this] { wake(); });
  thread_ = std::thread([this] { run(); });
}

void EngineThread::wake() {
  {
    std::lock_guard lock(queue_mu_);
    background_ = true;
  }
  queue_cv_.notify_one();
}

Timestamp EngineThread::now() {
  last_now_ = std::max(last_now_, clock_());
  return last_now_;
}

EngineThread::Answer EngineThread::call(ApiRequest request) {
  std::optional<ApiRequest> read;  // a read whose answer may be kept
  if (ReadCache::cacheable(request)) {
    const std::uint64_t seq = published_seq();
    if (std::optional<ApiResponse> kept = reads_.find(request, seq)) return Answer{std::move(*kept), seq, seq};
    read = request;
  }
  std::future<Answer> answer;
  {
    std::lock_guard lock(queue_mu_);
    if (stopping_) return Answer{unavailable("the server is shutting down"), 0, 0};
    queue_.push_back(Job{std::move(request), {}});
    answer = queue_.back().promise.get_future();
  }
  queue_cv_.notify_one();
  Answer out = answer.get();
  if (read && healthy_) reads_.put(*read, out.read_seq, out.response);
  return out;
}

std::uint64_t EngineThread::published_seq() {
  std::lock_guard lock(seq_mu_);
  return published_seq_;
}

bool EngineThread::wait_for_events_after(std::uint64_t seq, std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(seq_mu_);
  seq_cv_.wait_until(lock, deadline, [&] { return published_seq_ > seq || waiters_released_; });
  return published_seq_ > seq;
}

void EngineThread::wake_waiters() {
  {
    std::lock_guard lock(seq_mu_);
    waiters_released_ = true;
  }
  seq_cv_.notify_all();
}

void EngineThread::publish(std::uint64_t seq) {
  {
    std::lock_guard lock(seq_mu_);
    if (seq == published_seq_) return;
    published_seq_ = seq;
  }
  seq_cv_.notify_all();
}

void EngineThread::answer_batch(std::deque<Job>& batch) {
  backend_->absorb(now());
  std::vector<ApiResponse> responses;
  std::vector<std::uint64_t> read_at;  // the seq each answer was read at: later jobs may move the state on
  responses.reserve(batch.size());
  read_at.reserve(batch.size());
  for (Job& job : batch) {
    responses.push_back(backend_->handle(job.request, now()));
    read_at.push_back(backend_->last_seq());
  }
  const Status flushed = backend_->flush();
  if (!flushed.is_ok()) {
    healthy_ = false;
    std::fprintf(stderr, "stonks-server: journal flush failed, refusing commands from now on: %s\n",
                 flushed.to_string().c_str());
    for (std::size_t i = 0; i < batch.size(); ++i)
      if (batch[i].request.method != "GET" && responses[i].status < 400)
        responses[i] = unavailable("the journal could not be written; the command was not kept: " + flushed.message());
  }
  const std::uint64_t seq = backend_->last_seq();
  if (flushed.is_ok()) publish(seq);
  for (std::size_t i = 0; i < batch.size(); ++i)
    batch[i].promise.set_value(Answer{std::move(responses[i]), seq, read_at[i]});
}

void EngineThread::run() {
  auto next_tick = std::chrono::steady_clock::now();
  for (;;) {
    std::deque<Job> batch;
    bool stop = false, background = false;
    {
      std::unique_lock lock(queue_mu_);
      queue_cv_.wait_until(lock, next_tick, [&] { return !queue_.empty() || background_ || stopping_; });
      batch.swap(queue_);
      stop = stopping_;
      background = std::exchange(background_, false);
    }
    if (!batch.empty() || background) answer_batch(batch);
    if (stop) break;
    if (std::chrono::steady_clock::now() < next_tick) continue;
    next_tick = std::chrono::steady_clock::now() + kTickInterval;
    Status ticked = backend_->advance(now());
    if (ticked.is_ok()) ticked = backend_->flush();
    if (!ticked.is_ok() && healthy_.exchange(false))
      std::fprintf(stderr, "stonks-server: the engine stopped: %s\n", ticked.to_string().c_str());
    if (ticked.is_ok()) publish(backend_->last_seq());
  }
  Status closed = backend_->close();
  if (!closed.is_ok()) std::fprintf(stderr, "stonks-server: final snapshot failed: %s\n", closed.to_string().c_str());
  final_status_ = closed;
}

Status EngineThread::stop() {
  {
    std::lock_guard lock(queue_mu_);
    stopping_ = true;
  }
  queue_cv_.notify_one();
  wake_waiters();
  if (thread_.joinable()) thread_.join();
  return final_status_;
}

}  // namespace stonks::server
