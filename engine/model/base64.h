// Base64 (RFC 4648, standard alphabet, padded): binary files inside JSON
// (a sandbox export).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace stonks {

std::string base64_encode(std::string_view bytes);
// Strict: the standard alphabet, padding to a multiple of 4, no whitespace,
// no bits left over; nullopt otherwise.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace stonks
