// What a replay is set up from on the command line, shared by a single
// backtest and each run of a sweep: the strategies per symbol and the config.
#pragma once

#include <set>
#include <vector>

#include "backtest/backtest_config.h"
#include "backtest/backtest_runner.h"
#include "backtest_args.h"

namespace stonks {

// Each --strategy for its symbol, or for every symbol of the data: a
// strategy's refusal is kInvalidArgument naming the flag, the symbol and the
// field ("--strategy sma for IBM: params.slow: ..."); NAME@TICKER for a
// ticker without bars is refused too.
Result<std::vector<SymbolStrategy>> make_strategies(const std::vector<StrategyArg>& args,
                                                    const std::set<Symbol>& symbols);

// The cash and the paper fills' costs of the flags, backtest_risk_config() otherwise.
BacktestConfig backtest_config(const BacktestArgs& args);

}  // namespace stonks
