#include "token_commands.h"

#include <cstdio>

#include "token_store.h"

namespace stonks::server {
namespace {

int fail(const Status& st) {
  std::fprintf(stderr, "stonks-server: %s\n", st.message().c_str());
  return 1;
}

}  // namespace

std::string token_file(const std::string& data_dir) { return data_dir + "/tokens"; }

int run_token_command(const Invocation& inv) {
  TokenStore store(token_file(inv.serve.data_dir));
  if (Status st = store.load(); !st.is_ok() && st.code() != StatusCode::kNotFound) return fail(st);
  const std::string role(to_string(inv.role));
  switch (inv.command) {
    case Command::kTokenAdd: {
      Result<std::string> token = store.add(inv.token_name, inv.role);
      if (!token.is_ok()) return fail(token.status());
      std::printf("%s\n", token->c_str());
      std::fprintf(stderr, "stonks-server: token for %s (%s) made; it is shown only this once\n",
                   inv.token_name.c_str(), role.c_str());
      return 0;
    }
    case Command::kTokenRevoke:
      if (Status st = store.revoke(inv.token_name); !st.is_ok()) return fail(st);
      std::fprintf(stderr, "stonks-server: %s revoked (a running server refuses it within a second)\n",
                   inv.token_name.c_str());
      return 0;
    case Command::kTokenList:
      for (const Operator& op : store.list())
        std::printf("%s %s\n", op.name.c_str(), std::string(to_string(op.role)).c_str());
      return 0;
    case Command::kServe:
    case Command::kHelp:
      break;
  }
  return fail(Status::invalid_argument("not a token command"));
}

}  // namespace stonks::server
