// RecordingBroker: a PaperBroker that also remembers every order it was sent,
// so tests can assert "the broker received nothing".
#pragma once

#include <vector>

#include "execution/paper_broker.h"

namespace stonks::testing {

class RecordingBroker final : public Broker {
 public:
  std::vector<ExecutionReport> submit(const Order& order, const BrokerView& view) override {
    submitted.push_back(order.id());
    return paper_.submit(order, view);
  }
  std::vector<ExecutionReport> on_quote(const std::vector<const Order*>& working, const BrokerView& view) override {
    return paper_.on_quote(working, view);
  }
  std::vector<ExecutionReport> on_bar(const std::vector<const Order*>& working, const Bar& bar,
                                      const BrokerView& view) override {
    return paper_.on_bar(working, bar, view);
  }
  std::vector<ExecutionReport> cancel(const Order& order, const BrokerView& view) override {
    cancelled.push_back(order.id());
    if (!answers_cancels) return {};
    return paper_.cancel(order, view);
  }

  // Stands in for a live venue too, unless a test says otherwise.
  bool can_trade_live() const override { return live_capable; }
  bool can_trade_paper() const override { return paper_capable; }

  bool live_capable = true;
  bool paper_capable = true;
  // false: a remote venue, whose cancel is answered later (report_execution).
  bool answers_cancels = true;
  std::vector<OrderId> submitted;
  std::vector<OrderId> cancelled;

 private:
  PaperBroker paper_;
};

}  // namespace stonks::testing
