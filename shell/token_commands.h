// The token subcommands: stonks-server token add|list|revoke.
#pragma once

#include "server_options.h"

namespace stonks::server {

// Runs inv.command (kTokenAdd, kTokenList or kTokenRevoke) on the token file
// in inv.serve.data_dir. add prints the new token alone on stdout (so
// `TOKEN=$(stonks-server token add ...)` works) and a note on stderr; list
// prints "NAME ROLE" lines, a submitter's with its source after. The
// process exit status: 0, or 1 with the reason on stderr.
int run_token_command(const Invocation& inv);

// DATA_DIR/tokens.
std::string token_file(const std::string& data_dir);

}  // namespace stonks::server
