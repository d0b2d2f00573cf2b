// test_support - helpers shared by unit tests: a temporary directory, a
// configuration built from TOML text, and a transaction built from message text.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "core/transaction.hpp"

namespace sg::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string write(const std::string& name, const std::string& text) const;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Loads `toml` as a configuration file; map files may be given as name -> text
// and are referred to in the TOML as "@DIR@/name". Without a [dns] table the
// resolver answers from an empty local-data file: no test ever reaches the network.
std::shared_ptr<const config::Config> config_from_toml(const std::string& toml,
                                                       const std::vector<std::pair<std::string, std::string>>& files = {});

struct Envelope {
    std::string login;
    std::string mail_from;
    std::string client_ip = "192.0.2.10";
};

// A transaction whose headers come from "Name: value" lines (folded lines allowed).
core::Transaction make_transaction(const std::string& header_block, const Envelope& envelope = {});

}  // namespace sg::test
