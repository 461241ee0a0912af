#include "sim/headline_templates.h"

#include <array>

namespace stonks {

std::span<const HeadlineTemplate> headline_templates() {
  // Severities: routine news stays low; what moves a stock hard sits near or
  // above the news-shock guard's default of 80, so some headlines lock.
  static constexpr std::array<HeadlineTemplate, 30> kTemplates = {{
      {"{company} ({ticker}) beats Q{n} earnings estimates", 25, 55, std::nullopt},
      {"{company} ({ticker}) misses Q{n} earnings estimates, shares slide", 55, 85, std::nullopt},
      {"{company} raises full-year guidance", 30, 55, std::nullopt},
      {"{company} cuts full-year guidance, citing weaker demand", 70, 92, std::nullopt},
      {"Analyst downgrades {company} ({ticker}) to sell", 35, 65, std::nullopt},
      {"Analyst upgrades {company} ({ticker}) to buy", 20, 45, std::nullopt},
      {"{company} CEO steps down unexpectedly", 75, 95, std::nullopt},
      {"{company} faces class-action lawsuit over disclosures", 40, 70, std::nullopt},
      {"Regulators open probe into {company} accounting", 75, 98, std::nullopt},
      {"{company} announces ${n} billion share buyback", 15, 35, std::nullopt},
      {"{company} unveils new product line", 5, 25, std::nullopt},
      {"{company} to cut {n}% of its workforce", 45, 70, std::nullopt},
      {"{company} in talks to acquire a rival, sources say", 50, 80, std::nullopt},
      {"Unusual options activity in {ticker} ahead of the open", 10, 30, std::nullopt},
      {"{company} raises its dividend {n}%", 10, 30, std::nullopt},
      {"Short seller targets {company} in new report", 60, 85, std::nullopt},
      {"Cyberattack disrupts {company} operations", 65, 90, std::nullopt},
      {"FDA approves {company} treatment after priority review", 40, 70, Sector::kHealth},
      {"FDA rejects {company} drug application", 80, 97, Sector::kHealth},
      {"{company} halts late-stage trial after safety signal", 82, 98, Sector::kHealth},
      {"{company} output hit by refinery outage", 50, 80, Sector::kEnergy},
      {"Oil price swing of {n}% weighs on {company}", 25, 50, Sector::kEnergy},
      {"EU antitrust ruling goes against {company}", 60, 85, Sector::kTech},
      {"New chip export curbs threaten {company} sales", 65, 90, Sector::kTech},
      {"{company} sets aside more for loan losses", 50, 75, Sector::kFinance},
      {"{company} fined by regulators over compliance lapses", 55, 80, Sector::kFinance},
      {"{company} halts production at a key plant", 60, 85, Sector::kIndustrial},
      {"{company} wins ${n} billion contract", 25, 50, Sector::kIndustrial},
      {"{company} recalls products over safety concerns", 55, 85, Sector::kConsumer},
      {"{company} subscriber growth tops forecasts", 30, 55, Sector::kMedia},
  }};
  return kTemplates;
}

std::string fill_headline(const HeadlineTemplate& t, const TickerSpec& ticker, int number) {
  std::string out;
  std::string_view rest = t.text;
  while (!rest.empty()) {
    const std::size_t open = rest.find('{');
    out.append(rest.substr(0, open));
    if (open == std::string_view::npos) break;
    const std::size_t close = rest.find('}', open);
    const std::string_view name = rest.substr(open + 1, close - open - 1);
    if (name == "company") {
      out.append(ticker.company);
    } else if (name == "ticker") {
      out.append(ticker.symbol);
    } else {  // "n": a quarter after "Q", else the number as given
      const bool quarter = !out.empty() && out.back() == 'Q';
      out += std::to_string(quarter ? 1 + number % 4 : number);
    }
    rest = rest.substr(close + 1);
  }
  return out;
}

}  // namespace stonks
