// default_weights - the weight each finding carries when the configuration does not
// set one (docs/findings.md lists them with the reasoning). With the default
// thresholds (tag 1, quarantine 8, reject 15) a forged From alone is quarantined,
// never rejected: rejecting is a site's explicit choice.
#pragma once

#include <map>
#include <string>

namespace sg::config {

const std::map<std::string, double>& default_weights();

}  // namespace sg::config
