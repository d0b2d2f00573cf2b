// Tests for dmarc.fail, header.from_envelope_misaligned, header.reply_to_diverges
// (with its legitimate shapes) and auth.forged_results, each check run directly on
// a context with hand-made Authentication results.
#include <catch2/catch.hpp>

#include "checks/dmarc_check.hpp"
#include "checks/envelope_alignment_check.hpp"
#include "checks/forged_results_check.hpp"
#include "checks/reply_to_check.hpp"
#include "mail/message_identities.hpp"
#include "test_support.hpp"

using sg::core::AuthResult;
using sg::core::CheckStatus;

namespace {

struct Scenario {
    sg::core::Transaction transaction;
    sg::mail::MessageIdentities identities;
    sg::core::Authentication authentication;
    std::shared_ptr<const sg::config::Config> config = sg::test::config_from_toml("");

    explicit Scenario(const std::string& headers, const std::string& mail_from = "", const std::string& login = "")
        : transaction(sg::test::make_transaction(headers, {login, mail_from})),
          identities(sg::mail::extract_identities(transaction)) {
        authentication.evaluated = true;
    }

    void dmarc(AuthResult result, const std::string& from_domain, const std::string& policy,
               bool dkim_aligned = false) {
        authentication.dmarc.result = result;
        authentication.dmarc.from_domain = from_domain;
        authentication.dmarc.record_domain = from_domain;
        authentication.dmarc.policy = policy;
        authentication.dmarc.dkim_aligned = dkim_aligned;
    }

    // Our authserv-id, plus any other configuration lines.
    Scenario& configure(const std::string& authserv_id, const std::string& more_toml = "") {
        config = sg::test::config_from_toml("[authentication]\nauthserv_id = \"" + authserv_id + "\"\n" + more_toml);
        return *this;
    }

    sg::core::CheckResult run(const sg::core::Check& check) const {
        sg::core::CheckContext context{transaction, identities, *config, authentication};
        return check.run(context);
    }
};

std::string evidence(const sg::core::Finding& finding, const std::string& key) {
    for (const auto& [k, v] : finding.evidence)
        if (k == key) return v;
    return "<none>";
}

std::vector<std::string> evidence_all(const sg::core::Finding& finding, const std::string& key) {
    std::vector<std::string> values;
    for (const auto& [k, v] : finding.evidence)
        if (k == key) values.push_back(v);
    return values;
}

}  // namespace

// --- dmarc.fail -------------------------------------------------------------

TEST_CASE("dmarc.fail carries policy, SPF, DKIM and alignment evidence", "[dmarc][checks]") {
    Scenario s("From: ceo@example.com", "ceo@example.com");
    s.dmarc(AuthResult::fail, "example.com", "reject");
    s.authentication.dmarc.percent = 100;
    s.authentication.dmarc.reason = "no aligned SPF or DKIM pass";
    s.authentication.spf = {AuthResult::fail, "mailfrom", "example.com", "203.0.113.9", "-all", ""};
    s.authentication.dkim.signatures.push_back({});
    s.authentication.dkim.signatures[0].result = AuthResult::pass;
    s.authentication.dkim.signatures[0].domain = "attacker.example";
    auto result = s.run(sg::checks::DmarcCheck{});
    CHECK(result.status == CheckStatus::ok);
    REQUIRE(result.findings.size() == 1);
    const auto& finding = result.findings[0];
    CHECK(finding.weight_key() == "dmarc.fail.policy_reject");  // p=reject at pct=100 is honoured
    CHECK(evidence(finding, "from_domain") == "example.com");
    CHECK(evidence(finding, "policy") == "reject");
    CHECK(evidence(finding, "pct") == "100");
    CHECK(evidence(finding, "spf_result") == "fail");
    CHECK(evidence(finding, "spf_domain") == "example.com");
    CHECK(evidence(finding, "dkim_domains") == "attacker.example:pass");
    CHECK(evidence(finding, "spf_aligned") == "false");
    CHECK(evidence(finding, "dkim_aligned") == "false");
}

TEST_CASE("dmarc.fail for a p=none domain is the policy_none variant", "[dmarc][checks]") {
    Scenario s("From: a@example.net", "a@example.net");
    s.dmarc(AuthResult::fail, "example.net", "none");
    auto result = s.run(sg::checks::DmarcCheck{});
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].weight_key() == "dmarc.fail.policy_none");
    CHECK(evidence(result.findings[0], "dkim_domains") == "none");
}

TEST_CASE("DMARC pass, none and unevaluated raise nothing", "[dmarc][checks]") {
    Scenario s("From: a@example.net", "a@example.net");
    for (AuthResult result : {AuthResult::pass, AuthResult::none}) {
        s.dmarc(result, "example.net", "reject");
        auto outcome = s.run(sg::checks::DmarcCheck{});
        CHECK(outcome.findings.empty());
        CHECK(outcome.status == CheckStatus::ok);
    }
    s.authentication.evaluated = false;
    auto skipped = s.run(sg::checks::DmarcCheck{});
    CHECK(skipped.status == CheckStatus::skipped);
    CHECK(skipped.note == "authentication not evaluated");
}

TEST_CASE("DMARC temperror is a temporary error with the known policy, not a finding", "[dmarc][checks]") {
    Scenario s("From: a@example.com", "a@example.com");
    s.dmarc(AuthResult::temperror, "example.com", "reject");
    s.authentication.dmarc.reason = "_dmarc.example.com: timeout";
    auto known = s.run(sg::checks::DmarcCheck{});
    CHECK(known.findings.empty());
    CHECK(known.status == CheckStatus::temporary_error);
    CHECK(known.note == "DMARC temperror for example.com: _dmarc.example.com: timeout (published policy p=reject)");
    s.authentication.dmarc.policy.clear();
    CHECK(s.run(sg::checks::DmarcCheck{}).note ==
          "DMARC temperror for example.com: _dmarc.example.com: timeout (policy unknown)");
}

// --- header.from_envelope_misaligned -----------------------------------------

TEST_CASE("envelope and From in one organization are aligned", "[dmarc][checks]") {
    Scenario s("From: news@example.com", "bounces+123@mail.example.com");
    auto result = s.run(sg::checks::EnvelopeAlignmentCheck{});
    CHECK(result.status == CheckStatus::ok);
    CHECK(result.findings.empty());
}

TEST_CASE("a MAIL FROM of another organization is misaligned", "[dmarc][checks]") {
    Scenario s("From: \"Payroll\" <payroll@example.com>", "x@mail.attacker.example");
    auto result = s.run(sg::checks::EnvelopeAlignmentCheck{});
    REQUIRE(result.findings.size() == 1);
    const auto& finding = result.findings[0];
    CHECK(finding.weight_key() == "header.from_envelope_misaligned");
    CHECK(evidence(finding, "from_domain") == "example.com");
    CHECK(evidence(finding, "from_org_domain") == "example.com");
    CHECK(evidence(finding, "envelope_domain") == "mail.attacker.example");
    CHECK(evidence(finding, "envelope_org_domain") == "attacker.example");
}

TEST_CASE("an ESP bounce domain with the author's aligned DKIM is the authenticated variant", "[dmarc][checks]") {
    Scenario s("From: news@shop.example", "bounce-abc@esp-mailer.example");
    s.dmarc(AuthResult::pass, "shop.example", "reject", true);
    auto result = s.run(sg::checks::EnvelopeAlignmentCheck{});
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].weight_key() == "header.from_envelope_misaligned.authenticated");
    CHECK(evidence(result.findings[0], "dmarc") == "pass (aligned DKIM)");
}

TEST_CASE("the null sender is not judged for envelope alignment", "[dmarc][checks]") {
    Scenario s("From: MAILER-DAEMON@mx.example.net", "");
    auto result = s.run(sg::checks::EnvelopeAlignmentCheck{});
    CHECK(result.status == CheckStatus::skipped);
    CHECK(result.note == "null sender");
    CHECK(result.findings.empty());
}

TEST_CASE("two From headers: each foreign From domain is reported once", "[dmarc][checks]") {
    Scenario s("From: <any@attack.example>\r\nFrom: <admin@legitimate.example>\r\nFrom: <x@attack.example>",
               "any@attack.example");
    auto result = s.run(sg::checks::EnvelopeAlignmentCheck{});
    REQUIRE(result.findings.size() == 1);
    CHECK(evidence(result.findings[0], "from_domain") == "legitimate.example");
}

// --- header.reply_to_diverges ------------------------------------------------

TEST_CASE("Reply-To to a free mailbox is the plain finding", "[dmarc][checks]") {
    Scenario s("From: \"CEO\" <ceo@example.com>\r\nReply-To: ceo.private@freemail.example", "ceo@example.com");
    auto result = s.run(sg::checks::ReplyToCheck{});
    REQUIRE(result.findings.size() == 1);
    const auto& finding = result.findings[0];
    CHECK(finding.weight_key() == "header.reply_to_diverges");
    CHECK(evidence(finding, "shape") == "plain");
    CHECK(evidence(finding, "from_address") == "ceo@example.com");
    CHECK(evidence(finding, "reply_to_address") == "ceo.private@freemail.example");
    CHECK(evidence(finding, "reply_to_org_domain") == "freemail.example");
}

TEST_CASE("Reply-To in the From's organization is fine", "[dmarc][checks]") {
    for (const char* headers :
         {"From: news@example.com\r\nReply-To: support@help.example.com",
          "From: user@example.org\r\nReply-To: User <user@example.org>", "From: news@example.com"}) {
        INFO(headers);
        Scenario s(headers, "news@example.com");
        CHECK(s.run(sg::checks::ReplyToCheck{}).findings.empty());
    }
}

TEST_CASE("ticket system: Sender and Reply-To are the helpdesk", "[dmarc][checks]") {
    Scenario s(
        "From: Customer <customer@freemail.example>\r\n"
        "Sender: Helpdesk <support@helpdesk.example>\r\n"
        "Reply-To: support+ticket-4711@helpdesk.example",
        "bounces@helpdesk.example");
    auto result = s.run(sg::checks::ReplyToCheck{});
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].weight_key() == "header.reply_to_diverges.ticket_system");
    CHECK(evidence(result.findings[0], "shape") == "ticket_system");
    CHECK(evidence(result.findings[0], "sender_address") == "support@helpdesk.example");
}

TEST_CASE("mailing list: Reply-To is the list address", "[dmarc][checks]") {
    Scenario s(
        "From: Alice <alice@example.com>\r\n"
        "Reply-To: users@lists.example.org\r\n"
        "List-Id: Users of Example <users.lists.example.org>\r\n"
        "List-Post: <mailto:users@lists.example.org>",
        "users-bounces@lists.example.org");
    auto result = s.run(sg::checks::ReplyToCheck{});
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].weight_key() == "header.reply_to_diverges.mailing_list");
    CHECK(evidence(result.findings[0], "list_domain") == "lists.example.org");
    CHECK(evidence(result.findings[0], "list_id") == "Users of Example <users.lists.example.org>");
}

TEST_CASE("mailing list: List-Id alone identifies the list domain", "[dmarc][checks]") {
    Scenario s(
        "From: alice@example.com\r\nReply-To: dev@lists.project.example\r\n"
        "List-Id: <dev.lists.project.example>",
        "dev-bounces@lists.project.example");
    auto result = s.run(sg::checks::ReplyToCheck{});
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].variant == "mailing_list");
}

TEST_CASE("list headers do not excuse a Reply-To outside the list", "[dmarc][checks]") {
    Scenario s(
        "From: alice@example.com\r\nReply-To: alice@freemail.example\r\n"
        "List-Id: <users.lists.example.org>\r\nList-Post: <mailto:users@lists.example.org>",
        "users-bounces@lists.example.org");
    auto result = s.run(sg::checks::ReplyToCheck{});
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].weight_key() == "header.reply_to_diverges");
}

TEST_CASE("contact form: authenticated site address, Reply-To the visitor", "[dmarc][checks]") {
    Scenario s("From: Website <noreply@shop.example>\r\nReply-To: Visitor <visitor@freemail.example>",
               "noreply@shop.example");
    s.dmarc(AuthResult::pass, "shop.example", "reject", true);
    auto result = s.run(sg::checks::ReplyToCheck{});
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].weight_key() == "header.reply_to_diverges.contact_form");
    CHECK(evidence(result.findings[0], "from_authenticated_by") == "dmarc");
}

TEST_CASE("contact form over SMTP AUTH", "[dmarc][checks]") {
    Scenario s("From: webform@example.com\r\nReply-To: visitor@freemail.example", "webform@example.com", "webform");
    auto result = s.run(sg::checks::ReplyToCheck{});
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].variant == "contact_form");
    CHECK(evidence(result.findings[0], "from_authenticated_by") == "smtp_auth");
}

TEST_CASE("contact form shape needs an authenticated From and a single Reply-To", "[dmarc][checks]") {
    Scenario unauthenticated("From: noreply@shop.example\r\nReply-To: visitor@freemail.example", "x@shop.example");
    unauthenticated.dmarc(AuthResult::fail, "shop.example", "reject");
    auto plain = unauthenticated.run(sg::checks::ReplyToCheck{});
    REQUIRE(plain.findings.size() == 1);
    CHECK(plain.findings[0].variant.empty());

    Scenario two("From: noreply@shop.example\r\nReply-To: a@freemail.example, b@other.example", "x@shop.example");
    two.dmarc(AuthResult::pass, "shop.example", "reject", true);
    auto both = two.run(sg::checks::ReplyToCheck{});
    REQUIRE(both.findings.size() == 1);
    CHECK(both.findings[0].variant.empty());
    CHECK(evidence_all(both.findings[0], "reply_to_address") ==
          std::vector<std::string>{"a@freemail.example", "b@other.example"});
}

// --- auth.forged_results ------------------------------------------------------

TEST_CASE("forged Authentication-Results are found by authserv-id", "[dmarc][checks]") {
    const std::string headers =
        "Authentication-Results: upstream.example; spf=pass smtp.mailfrom=example.com\r\n"
        "Authentication-Results: MX.Example.Org;\r\n\tdkim=pass header.d=bank.example\r\n"
        "ARC-Authentication-Results: i=1; mx.example.org; dmarc=pass\r\n"
        "X-Authentication-Results: mx.example.org; dmarc=pass\r\n"
        "Authentication-Results: (forged) \"mx.example.org\" 1; none\r\n"
        "From: a@bank.example";
    Scenario s(headers, "a@bank.example");
    CHECK(sg::checks::forged_results_indices(s.transaction, "mx.example.org") == std::vector<std::size_t>{2, 3});
    CHECK(sg::checks::forged_results_indices(s.transaction, "upstream.example") == std::vector<std::size_t>{1});
    CHECK(sg::checks::forged_results_indices(s.transaction, "").empty());

    auto result = s.configure("mx.example.org").run(sg::checks::ForgedResultsCheck{});
    REQUIRE(result.findings.size() == 1);
    const auto& finding = result.findings[0];
    CHECK(finding.weight_key() == "auth.forged_results");
    CHECK(evidence(finding, "count") == "2");
    CHECK(evidence_all(finding, "header_value") ==
          std::vector<std::string>{"MX.Example.Org;\tdkim=pass header.d=bank.example",
                                   "(forged) \"mx.example.org\" 1; none"});
}

TEST_CASE("forged results: long values are clipped, other ids ignored", "[dmarc][checks]") {
    Scenario s("Authentication-Results: mx.example.org; dkim=pass reason=\"" + std::string(300, 'a') +
                   "\"\r\nFrom: a@example.com",
               "a@example.com");
    auto result = s.configure("mx.example.org").run(sg::checks::ForgedResultsCheck{});
    REQUIRE(result.findings.size() == 1);
    CHECK(evidence(result.findings[0], "header_value").size() == 203);
    CHECK(s.configure("other.example.org").run(sg::checks::ForgedResultsCheck{}).findings.empty());
}

TEST_CASE("forged results: an internal hop in trusted_networks is not judged", "[dmarc][checks]") {
    Scenario s("Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=example.com\r\nFrom: a@example.com",
               "a@example.com");
    s.configure("mx.example.org", "[identity]\ntrusted_networks = [\"192.0.2.0/24\"]\n");
    auto result = s.run(sg::checks::ForgedResultsCheck{});
    CHECK(result.findings.empty());
    CHECK(result.status == CheckStatus::skipped);
    CHECK(result.note == "client in trusted network 192.0.2.0/24");
    s.transaction.connection.client_ip = "203.0.113.7";
    CHECK(s.run(sg::checks::ForgedResultsCheck{}).findings.size() == 1);
}
