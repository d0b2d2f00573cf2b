// Tests for the evidence record (ECS field names, findings, hostile bytes), the
// summary header and the evidence log file.
#include <catch2/catch.hpp>

#include <fstream>

#include "engine/engine.hpp"
#include "report/evidence_log.hpp"
#include "report/evidence_record.hpp"
#include "report/summary_header.hpp"
#include "test_support.hpp"

TEST_CASE("the evidence record carries ECS fields, findings and the verdict", "[report]") {
    auto config = sg::test::config_from_toml("[identity]\ndefault_domain = \"example.com\"\n");
    auto tx = sg::test::make_transaction(
        "From: CEO <ceo@example.com>\r\nSender: alice@example.com\r\nReply-To: r@example.com\r\n"
        "Message-ID: <m1@example.com>\r\nX-Mailer: Outlook 16",
        {"alice@example.com", "alice@example.com", "192.0.2.10"});
    tx.queue_id = "4ABCD123";
    auto evaluation = sg::engine::evaluate(tx, *config);
    auto record = sg::report::evidence_record(tx, evaluation, *config);

    CHECK(record["email"]["from"]["address"] == nlohmann::json::array({"ceo@example.com"}));
    CHECK(record["email"]["from"]["display_name"] == "CEO");
    CHECK(record["email"]["sender"]["address"] == nlohmann::json::array({"alice@example.com"}));
    CHECK(record["email"]["reply_to"]["address"] == nlohmann::json::array({"r@example.com"}));
    CHECK(record["email"]["to"]["address"] == nlohmann::json::array({"rcpt@example.net"}));
    CHECK(record["email"]["message_id"] == "<m1@example.com>");
    CHECK(record["email"]["local_id"] == "4ABCD123");
    CHECK(record["email"]["x_mailer"] == "Outlook 16");
    CHECK(record["source"]["ip"] == "192.0.2.10");
    CHECK(record["user"]["name"] == "alice@example.com");
    CHECK(record["event"]["action"] == "tag");
    CHECK(record["senderguard"]["score"] == 4);
    CHECK(record["senderguard"]["config_version"] == config->version);
    REQUIRE(record["senderguard"]["findings"].size() == 1);
    auto finding = record["senderguard"]["findings"][0];
    CHECK(finding["id"] == "identity.from_not_owned");
    CHECK(finding["variant"] == "on_behalf");
    CHECK(finding["score"] == 4);
    CHECK(finding["evidence"]["sender_owned"] == "true");
    CHECK(record["senderguard"]["checks"]["from_ownership"]["status"] == "ok");
    CHECK(record["event"]["duration"].get<long long>() >= 0);
    // An authenticated submission: SPF and DMARC do not apply, the login is reported.
    auto authentication = record["senderguard"]["authentication"];
    CHECK(authentication["smtp_auth"] == "alice@example.com");
    CHECK(authentication["spf"]["result"] == "none");
    CHECK(authentication["spf"]["reason"] == "not evaluated: authenticated submission");
    CHECK(authentication["dkim"] == nlohmann::json::array());
}

TEST_CASE("the evidence record carries SPF, DKIM and DMARC results", "[report]") {
    sg::test::TempDir dir;
    std::string zone = dir.write("zone", "example.org. TXT \"v=spf1 -all\"\n"
                                         "_dmarc.example.org. TXT \"v=DMARC1; p=reject\"\n");
    auto config = sg::test::config_from_toml("[dns]\nlocal_data = \"" + zone + "\"\n");
    auto tx = sg::test::make_transaction("From: boss@example.org", {"", "boss@example.org", "192.0.2.66"});
    sg::core::DkimOutcome dkim;
    dkim.signatures.push_back({sg::core::AuthResult::fail, "example.org", "sel", "", "rsa-sha256", "abcdefgh",
                               "body hash mismatch", 2048});
    auto evaluation = sg::engine::evaluate(tx, *config, dkim);
    auto record = sg::report::evidence_record(tx, evaluation, *config);
    auto authentication = record["senderguard"]["authentication"];
    CHECK(authentication["spf"]["result"] == "fail");
    CHECK(authentication["spf"]["domain"] == "example.org");
    CHECK(authentication["spf"]["identity"] == "mailfrom");
    REQUIRE(authentication["dkim"].size() == 1);
    CHECK(authentication["dkim"][0]["result"] == "fail");
    CHECK(authentication["dkim"][0]["domain"] == "example.org");
    CHECK(authentication["dkim"][0]["reason"] == "body hash mismatch");
    CHECK(authentication["dmarc"]["result"] == "fail");
    CHECK(authentication["dmarc"]["policy"] == "reject");
    CHECK(record["event"]["action"] == "reject");
    CHECK(record["event"]["outcome"] == "threshold.reject");
}

TEST_CASE("hostile header bytes still give valid JSON", "[report]") {
    auto config = sg::test::config_from_toml("");
    std::string nasty = "From: \"\xff\xfe\x01 evil\" <a@example.net>\r\nMessage-ID: <\xc3\x28@x>";
    auto tx = sg::test::make_transaction(nasty, {});
    auto record = sg::report::evidence_record(tx, sg::engine::evaluate(tx, *config), *config);
    std::string line = record.dump();
    CHECK(nlohmann::json::parse(line)["email"]["from"]["address"][0] == "a@example.net");
}

TEST_CASE("the summary header lists action, score and finding keys", "[report]") {
    sg::core::Verdict verdict;
    verdict.action = sg::core::Action::quarantine;
    verdict.score = 13;
    verdict.findings = {{"identity.from_not_owned", "", {}, 10}, {"identity.display_name_address", "", {}, 3}};
    CHECK(sg::report::summary_header_value(verdict) ==
          "action=quarantine score=13.0 findings=identity.from_not_owned,identity.display_name_address");
    verdict.monitor = true;
    verdict.findings.clear();
    CHECK(sg::report::summary_header_value(verdict) == "action=quarantine score=13.0 mode=monitor");
}

TEST_CASE("the evidence log appends one JSON line per record", "[report]") {
    sg::test::TempDir dir;
    std::string path = dir.path() + "/evidence.jsonl";
    {
        sg::report::EvidenceLog log(path, false);
        log.write({{"n", 1}});
        log.write({{"n", 2}});
    }
    std::ifstream in(path);
    std::string first, second, third;
    REQUIRE(std::getline(in, first));
    REQUIRE(std::getline(in, second));
    CHECK_FALSE(std::getline(in, third));
    CHECK(nlohmann::json::parse(first)["n"] == 1);
    CHECK(nlohmann::json::parse(second)["n"] == 2);
}

TEST_CASE("an unwritable evidence file does not throw", "[report]") {
    sg::report::EvidenceLog log("/nonexistent/dir/evidence.jsonl", false);
    CHECK_NOTHROW(log.write({{"n", 1}}));
}
