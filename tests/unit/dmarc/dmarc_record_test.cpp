// Tests for the DMARC record parser (RFC 7489 section 6.3 and 6.6.3 step 6).
#include <catch2/catch.hpp>

#include "dmarc/dmarc_record.hpp"

using sg::dmarc::AlignmentMode;
using sg::dmarc::parse_dmarc_record;
using sg::dmarc::Policy;
using sg::dmarc::RecordStatus;

namespace {

struct Row {
    const char* record;
    RecordStatus status;
    Policy policy = Policy::none;
    const char* subdomain_policy = "";  // "" = absent
    int percent = 100;
    AlignmentMode adkim = AlignmentMode::relaxed;
    AlignmentMode aspf = AlignmentMode::relaxed;
    std::size_t problems = 0;
};

std::string sp_text(const sg::dmarc::DmarcRecord& record) {
    return record.subdomain_policy ? std::string(sg::dmarc::to_string(*record.subdomain_policy)) : "";
}

}  // namespace

TEST_CASE("DMARC record table", "[dmarc]") {
    using enum RecordStatus;
    const AlignmentMode r = AlignmentMode::relaxed, s = AlignmentMode::strict;
    const Row rows[] = {
        {"v=DMARC1; p=none", ok},
        {"v=DMARC1; p=reject", ok, Policy::reject},
        {"v=DMARC1; p=quarantine;", ok, Policy::quarantine},
        {"v=DMARC1;p=reject;sp=none", ok, Policy::reject, "none"},
        {"  v = DMARC1 ;  p = Reject ; sp = QUARANTINE ; ", ok, Policy::reject, "quarantine"},
        {"v=DMARC1; p=reject; adkim=s; aspf=s", ok, Policy::reject, "", 100, s, s},
        {"v=DMARC1; p=reject; adkim=S; aspf=r", ok, Policy::reject, "", 100, s, r},
        {"v=DMARC1; p=quarantine; pct=0", ok, Policy::quarantine, "", 0},
        {"v=DMARC1; p=quarantine; pct=25", ok, Policy::quarantine, "", 25},
        {"v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.net!10m", ok},
        {"v=DMARC1; p=none; ruf=mailto:f@example.com; fo=1:d:s; rf=afrf; ri=3600", ok},
        {"v=DMARC1; p=none; foo=bar; x-unknown=1", ok},
        // Invalid optional values fall back to defaults (section 6.3) and are noted.
        {"v=DMARC1; p=reject; adkim=bob", ok, Policy::reject, "", 100, r, r, 1},
        {"v=DMARC1; p=reject; aspf=x", ok, Policy::reject, "", 100, r, r, 1},
        {"v=DMARC1; p=reject; pct=500", ok, Policy::reject, "", 100, r, r, 1},
        {"v=DMARC1; p=reject; pct=-1", ok, Policy::reject, "", 100, r, r, 1},
        {"v=DMARC1; p=reject; pct=ten", ok, Policy::reject, "", 100, r, r, 1},
        {"v=DMARC1; p=none; rf=bob", ok, Policy::none, "", 100, r, r, 1},
        {"v=DMARC1; p=none; ri=soon", ok, Policy::none, "", 100, r, r, 1},
        {"v=DMARC1; p=none; fo=2", ok, Policy::none, "", 100, r, r, 1},
        {"v=DMARC1; p=none; rua=not a uri", ok, Policy::none, "", 100, r, r, 1},
        {"v=DMARC1; p=reject; p=none", ok, Policy::reject, "", 100, r, r, 1},
        {"v=DMARC1; p=reject; garbage", ok, Policy::reject, "", 100, r, r, 1},
        // Unusable records.
        {"", empty},
        {" ; ; ", empty},
        {"V=BOB", bad_version},
        {"v=DMARC2; p=reject", bad_version},
        {"v=dmarc1; p=reject", bad_version},
        {"p=reject; v=DMARC1", bad_version},
        {"v=spf1 -all", bad_version},
        {"v=DMARC1", missing_policy},
        {"v=DMARC1; pct=100;", missing_policy},
        {"v=DMARC1; p=bob", bad_policy},
        {"v=DMARC1; p=n", bad_policy},
        {"v=DMARC1; p=none; sp=bob", bad_policy},
        {"v=DMARC1; p=", bad_policy},
        // Section 6.6.3 step 6: a valid rua= turns a bad or missing p= into p=none.
        {"v=DMARC1; rua=mailto:d@example.com", ok, Policy::none, "", 100, r, r, 1},
        {"v=DMARC1; p=bogus; rua=mailto:d@example.com", ok, Policy::none, "", 100, r, r, 1},
        {"v=DMARC1; p=reject; sp=bogus; rua=mailto:d@example.com", ok, Policy::none, "", 100, r, r, 1},
        {"v=DMARC1; p=bogus; rua=bogus", bad_policy},
    };
    STATIC_REQUIRE(std::size(rows) >= 25);
    for (const Row& row : rows) {
        INFO(row.record);
        auto record = parse_dmarc_record(row.record);
        CHECK(record.status == row.status);
        CHECK(record.usable() == (row.status == ok));
        if (row.status != ok) {
            CHECK_FALSE(record.reason.empty());
            continue;
        }
        CHECK(record.policy == row.policy);
        CHECK(sp_text(record) == row.subdomain_policy);
        CHECK(record.percent == row.percent);
        CHECK(record.dkim_alignment == row.adkim);
        CHECK(record.spf_alignment == row.aspf);
        CHECK(record.problems.size() == row.problems);
    }
}

TEST_CASE("DMARC record report tags are kept", "[dmarc]") {
    auto record = parse_dmarc_record(
        "v=DMARC1; p=quarantine; rua=mailto:agg@example.com, mailto:x@example.net!5k; ruf=mailto:f@example.com; "
        "fo=1:D; ri=3600");
    REQUIRE(record.usable());
    CHECK(record.aggregate_uris == std::vector<std::string>{"mailto:agg@example.com", "mailto:x@example.net!5k"});
    CHECK(record.failure_uris == std::vector<std::string>{"mailto:f@example.com"});
    CHECK(record.failure_options == "1:d");
    CHECK(record.report_interval == 3600);
    CHECK(record.problems.empty());
}

TEST_CASE("p=none assumed from rua is noted", "[dmarc]") {
    auto record = parse_dmarc_record("v=DMARC1; p=rejectt; rua=mailto:d@example.com");
    REQUIRE(record.usable());
    CHECK(record.policy_from_rua);
    REQUIRE(record.problems.size() == 1);
    CHECK(record.problems[0] == "invalid p= value, p=none assumed because rua= is valid");
}

TEST_CASE("is_dmarc_record filters other TXT strings", "[dmarc]") {
    CHECK(sg::dmarc::is_dmarc_record("v=DMARC1; p=none"));
    CHECK(sg::dmarc::is_dmarc_record("v=DMARC1"));
    CHECK(sg::dmarc::is_dmarc_record(" v = DMARC1 ;"));
    CHECK_FALSE(sg::dmarc::is_dmarc_record("v=DMARC10; p=none"));
    CHECK_FALSE(sg::dmarc::is_dmarc_record("bio=a263adeab8acdcdb8b89e127b67d696061fdfbee"));
    CHECK_FALSE(sg::dmarc::is_dmarc_record(""));
}
