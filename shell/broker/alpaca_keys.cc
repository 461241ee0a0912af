#include "alpaca_keys.h"

#include <sys/stat.h>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace stonks::alpaca {
namespace {

constexpr const char* kKeyIdName = "APCA_API_KEY_ID";
constexpr const char* kSecretName = "APCA_API_SECRET_KEY";

std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

Result<AlpacaKeys> from_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return Status::io_error("cannot read the key file " + path + ": " + std::strerror(errno));
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
    return Status::invalid_argument(
        "the key file " + path + " is open to group or others (mode " + mode + "); chmod 600 it", "--alpaca-key-file");
  }
  std::ifstream in(path);
  if (!in) return Status::io_error("cannot read the key file " + path);
  AlpacaKeys keys;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    const std::size_t eq = line.find('=');
    const std::string name = eq == std::string::npos ? line : trim(line.substr(0, eq));
    const std::string value = eq == std::string::npos ? "" : trim(line.substr(eq + 1));
    if (name == kKeyIdName) {
      keys.key_id = value;
    } else if (name == kSecretName) {
      keys.secret_key = value;
    } else {
      return Status::invalid_argument("the key file " + path + ", line " + std::to_string(line_no) + ": want " +
                                          kKeyIdName + "=... or " + kSecretName + "=...",
                                      "--alpaca-key-file");
    }
  }
  if (keys.key_id.empty() || keys.secret_key.empty())
    return Status::invalid_argument("the key file " + path + " needs both " + kKeyIdName + " and " + kSecretName,
                                    "--alpaca-key-file");
  return keys;
}

}  // namespace

Result<AlpacaKeys> load_alpaca_keys(const std::string& key_file) {
  if (!key_file.empty()) return from_file(key_file);
  const char* id = std::getenv(kKeyIdName);
  const char* secret = std::getenv(kSecretName);
  if (!id || !*id || !secret || !*secret)
    return Status::invalid_argument(std::string("--broker alpaca needs its keys: set ") + kKeyIdName + " and " +
                                    kSecretName + ", or pass --alpaca-key-file FILE");
  return AlpacaKeys{id, secret};
}

}  // namespace stonks::alpaca
