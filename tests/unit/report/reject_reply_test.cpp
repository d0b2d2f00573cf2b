// Tests for the reject reply text: the kind of problem, never policy internals.
#include <catch2/catch.hpp>

#include "report/reject_reply.hpp"

using sg::core::Finding;
using sg::core::Verdict;

namespace {

Verdict verdict_with(std::vector<Finding> findings, std::string decided_by = "threshold.reject") {
    Verdict verdict;
    verdict.action = sg::core::Action::reject;
    verdict.findings = std::move(findings);
    verdict.decided_by = std::move(decided_by);
    return verdict;
}

}  // namespace

TEST_CASE("the reject text names the deciding finding's kind of problem", "[report]") {
    sg::config::ReportSettings settings;
    struct Row { const char* id; const char* text; };
    const Row rows[] = {
        {"identity.from_not_owned", "Sender address not allowed for this login"},
        {"identity.envelope_not_owned", "Sender address not allowed for this login"},
        {"identity.display_name_impersonation", "Sender display name not accepted"},
        {"header.from_multiple", "From header missing, duplicated or malformed"},
        {"dmarc.fail", "Message fails the sender domain's DMARC policy"},
        {"spf.fail", "Sender domain's SPF policy does not allow this client"},
        {"dkim.fail", "DKIM signature did not verify"},
        {"auth.forged_results", "Message carries forged authentication results"},
    };
    for (const Row& row : rows) {
        INFO(row.id);
        CHECK(sg::report::reject_reply_text(verdict_with({{row.id, "", {}, 15}}), settings) == row.text);
    }
    CHECK(sg::report::reject_reply_text(verdict_with({}), settings) == "Sender identity rejected by policy");
}

TEST_CASE("the heaviest finding, or the one an explicit action names, decides the text", "[report]") {
    sg::config::ReportSettings settings;
    std::vector<Finding> findings{{"spf.fail", "", {}, 4}, {"dmarc.fail", "policy_reject", {}, 15}};
    CHECK(sg::report::reject_reply_text(verdict_with(findings), settings) ==
          "Message fails the sender domain's DMARC policy");
    findings.push_back({"header.from_missing", "", {}, 3});
    CHECK(sg::report::reject_reply_text(verdict_with(findings, "action:header.from_missing"), settings) ==
          "From header missing, duplicated or malformed");
}

TEST_CASE("a configured reject text replaces the derived one", "[report]") {
    sg::config::ReportSettings settings;
    settings.reject_reply = "Go away";
    CHECK(sg::report::reject_reply_text(verdict_with({{"dmarc.fail", "", {}, 15}}), settings) == "Go away");
}
