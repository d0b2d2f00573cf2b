// check - the interface every check implements. A check reads the transaction, the
// identities parsed from it and the configuration snapshot; it changes nothing, calls
// nothing outside its context, never throws, and returns findings plus a status.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/authentication.hpp"
#include "core/finding.hpp"
#include "core/transaction.hpp"

namespace sg::mail { struct MessageIdentities; }
namespace sg::config { struct Config; }

namespace sg::core {

enum class CheckStatus { ok, temporary_error, permanent_error, skipped };

std::string_view to_string(CheckStatus status);

struct CheckResult {
    CheckStatus status = CheckStatus::ok;
    std::vector<Finding> findings;
    std::string note;  // why skipped or failed; empty when ok
};

struct CheckContext {
    const Transaction& transaction;
    const mail::MessageIdentities& identities;
    const config::Config& config;
    const Authentication& authentication;
};

class Check {
public:
    virtual ~Check() = default;
    virtual std::string_view name() const = 0;
    virtual CheckResult run(const CheckContext& context) const = 0;
};

}  // namespace sg::core
