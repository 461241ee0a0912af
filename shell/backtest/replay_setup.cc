#include "replay_setup.h"

#include "strategy/strategy_registry.h"

namespace stonks {

Result<std::vector<SymbolStrategy>> make_strategies(const std::vector<StrategyArg>& args,
                                                    const std::set<Symbol>& symbols) {
  std::vector<SymbolStrategy> out;
  for (const StrategyArg& a : args) {
    if (a.only && !symbols.count(*a.only))
      return Status::invalid_argument(
          "--strategy " + a.name + "@" + a.only->str() + ": the data has no bars of " + a.only->str(), "strategies");
    const std::set<Symbol> targets = a.only ? std::set<Symbol>{*a.only} : symbols;
    for (const Symbol& s : targets) {
      Result<std::unique_ptr<Strategy>> made = make_strategy(StrategySpec{a.name, s, a.params});
      if (!made.is_ok()) {  // kInvalidArgument naming the field
        const Status st = made.status();
        return Status::invalid_argument(
            "--strategy " + a.name + " for " + s.str() + ": " + st.field() + ": " + st.message(), st.field());
      }
      out.push_back(SymbolStrategy{s, std::move(made).value()});
    }
  }
  return out;
}

BacktestConfig backtest_config(const BacktestArgs& args) {
  BacktestConfig config;
  config.starting_cash = args.cash;
  config.risk.paper.slippage_bps = args.slippage_bps;
  config.risk.paper.fee_bps = args.fee_bps;
  config.risk.paper.fee_per_fill = args.fee_per_fill;
  return config;
}

}  // namespace stonks
