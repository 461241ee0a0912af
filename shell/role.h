// An operator's role: what a token may do.
#pragma once

#include <initializer_list>
#include <string_view>

#include "model/enum_names.h"
#include "model/source_name.h"

namespace stonks {
namespace server {

// operator: every route; viewer: GET only (403 for anything else);
// submitter: an algorithm's or a signal sender's token, fixed to one source
// (Operator::source): it may submit, preview, read and cancel its own
// orders and post its own signals (403 for anything else; see HttpServer).
enum class Role { kOperator, kViewer, kSubmitter };

}  // namespace server

// Their names in the tokens file and on the command line.
template <>
struct EnumNames<server::Role> {
  static constexpr EnumName<server::Role> table[] = {{server::Role::kOperator, "operator"},
                                                     {server::Role::kViewer, "viewer"},
                                                     {server::Role::kSubmitter, "submitter"}};
};

namespace server {

// Whether `source` fits a submitter: "strategy:<name>" or "signal:<name>"
// (model/source_name.h).
inline bool valid_submitter_source(std::string_view source) {
  for (std::string_view family : {std::string_view("strategy:"), std::string_view("signal:")})
    if (source.substr(0, family.size()) == family) return valid_source_name(source.substr(family.size()));
  return false;
}

}  // namespace server
}  // namespace stonks
