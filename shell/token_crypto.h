// The cryptography of tokens: random tokens, their SHA-256, constant-time equality.
#pragma once

#include <string>
#include <string_view>

#include "model/status.h"

namespace stonks::server {

// "so_" + 64 hex digits: 256 bits from /dev/urandom. kIoError when it cannot be read.
Result<std::string> random_token();

// SHA-256 of `text` as 64 lowercase hex digits (OpenSSL libcrypto).
std::string sha256_hex(std::string_view text);

// Equal sizes and bytes, in time that depends only on the size.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace stonks::server
