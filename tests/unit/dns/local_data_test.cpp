// local_data_test - the zone-style local data format: records, multi-string TXT,
// directives, the unbound line each record becomes, and every error with file:line.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "dns/local_data.hpp"
#include "test_support.hpp"

using namespace sg::dns;

namespace {

std::string error_of(const std::string& text) {
    try {
        LocalData::parse(text, "zone.txt");
    } catch (const sg::core::ConfigError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("local data reads one record per line", "[dns]") {
    const auto data = LocalData::parse(R"(
; a comment
# another comment
example.com. TXT "v=spf1 -all"
_dmarc.Example.COM. 300 IN TXT "v=DMARC1; p=reject"   ; trailing comment
sel._domainkey.example.com. IN 60 TXT "v=DKIM1; k=rsa; p=MIIB" "more"
mail.example.com A 192.0.2.1
mail.example.com. AAAA 2001:DB8:0:0::1
example.com. MX 10 Mail.Example.com.
nullmx.example. MX 0 .
1.2.0.192.in-addr.arpa. PTR mail.example.com.
www.example.com. cname example.com.
example.com. NS ns1.example.net.
plain.example. TXT unquoted words
escaped.example. TXT "say \"hi\"\059 \\ \065"
)", "zone.txt");
    REQUIRE(data.records.size() == 12);
    CHECK(data.failures.empty());

    const auto& spf = data.records[0];
    CHECK(spf.name == "example.com");
    CHECK(spf.type == RecordType::txt);
    CHECK(spf.ttl == 300);
    CHECK(spf.line == 4);
    CHECK(spf.presentation() == "v=spf1 -all");

    CHECK(data.records[1].name == "_dmarc.example.com");
    CHECK(data.records[1].presentation() == "v=DMARC1; p=reject");

    const auto& dkim = data.records[2];
    CHECK(dkim.ttl == 60);
    REQUIRE(dkim.strings.size() == 2);
    CHECK(dkim.strings[1] == "more");
    CHECK(dkim.presentation() == "v=DKIM1; k=rsa; p=MIIBmore");

    CHECK(data.records[3].presentation() == "192.0.2.1");
    CHECK(data.records[4].presentation() == "2001:db8::1");
    CHECK(data.records[5].type == RecordType::mx);
    CHECK(data.records[5].preference == 10);
    CHECK(data.records[5].presentation() == "10 mail.example.com");
    CHECK(data.records[6].presentation() == "0 .");
    CHECK(data.records[7].presentation() == "mail.example.com");
    CHECK(data.records[8].type == RecordType::cname);
    CHECK(data.records[9].type == RecordType::ns);
    CHECK(data.records[10].strings == std::vector<std::string>{"unquoted", "words"});
    CHECK(data.records[11].presentation() == "say \"hi\"; \\ A");
}

TEST_CASE("local data records become unbound local-data lines", "[dns]") {
    const auto data = LocalData::parse("Example.com 60 TXT \"a \\\"b\\\"\" \"c\\\\\" \"\\200\"\n"
                                       "example.com MX 5 mx.example.net\n"
                                       "www.example.com CNAME example.com\n"
                                       "h.example.com A 192.0.2.7\n",
                                       "t");
    REQUIRE(data.records.size() == 4);
    CHECK(data.records[0].zone_line() == "example.com. 60 IN TXT \"a \\\"b\\\"\" \"c\\\\\" \"\\200\"");
    CHECK(data.records[1].zone_line() == "example.com. 300 IN MX 5 mx.example.net.");
    CHECK(data.records[2].zone_line() == "www.example.com. 300 IN CNAME example.com.");
    CHECK(data.records[3].zone_line() == "h.example.com. 300 IN A 192.0.2.7");
}

TEST_CASE("local data directives set TTLs and failures", "[dns]") {
    const auto data = LocalData::parse("$TTL 60\n"
                                       "a.example. TXT \"x\"\n"
                                       "$TEMPFAIL refused.example.\n"
                                       "$servfail broken.example\n"
                                       "$TIMEOUT slow.example.\n"
                                       "$TIMEOUT deep.refused.example.\n",
                                       "t");
    REQUIRE(data.records.size() == 1);
    CHECK(data.records[0].ttl == 60);
    REQUIRE(data.failures.size() == 4);
    CHECK(data.failures[0].line == 3);
    CHECK(data.failure_for("refused.example") == Failure::refused);
    CHECK(data.failure_for("X.Refused.Example.") == Failure::refused);
    CHECK(data.failure_for("a.deep.refused.example") == Failure::timeout);
    CHECK(data.failure_for("broken.example") == Failure::servfail);
    CHECK(data.failure_for("slow.example") == Failure::timeout);
    CHECK_FALSE(data.failure_for("example").has_value());
    CHECK_FALSE(data.failure_for("notrefused.example").has_value());
}

TEST_CASE("local data rejects bad lines with file and line", "[dns]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"ok.example. A 192.0.2.1\nbad.example. A 192.0.2", "zone.txt:2: invalid IPv4 address '192.0.2'"},
        {"bad.example. AAAA 192.0.2.1", "zone.txt:1: invalid IPv6 address '192.0.2.1'"},
        {"bad.example. A", "zone.txt:1: A needs 1 field, found 0"},
        {"bad.example. A 192.0.2.1 192.0.2.2", "zone.txt:1: A needs 1 field, found 2"},
        {"bad.example. MX mail.example.", "zone.txt:1: MX needs 2 fields, found 1"},
        {"bad.example. MX 70000 mail.example.", "zone.txt:1: invalid MX preference '70000'"},
        {"bad.example. MX 10 bad..name", "zone.txt:1: invalid domain name 'bad..name'"},
        {"bad..example. TXT \"x\"", "zone.txt:1: invalid domain name 'bad..example.'"},
        {"bad.example. TXT", "zone.txt:1: TXT needs at least one string"},
        {"bad.example. TXT \"open", "zone.txt:1: unterminated quoted string"},
        {"bad.example. TXT \"\\999\"", "zone.txt:1: bad escape in quoted string"},
        {"bad.example. TXT \"" + std::string(256, 'x') + "\"",
         "zone.txt:1: TXT string of 256 octets (at most 255): split it into several quoted strings"},
        {"bad.example. HINFO \"a\" \"b\"", "zone.txt:1: unknown record type 'HINFO'"},
        {"bad.example. SOA a. b. 1 2 3 4 5", "zone.txt:1: unsupported record type SOA"},
        {"bad.example. CH TXT \"x\"", "zone.txt:1: only class IN is supported"},
        {"bad.example. 300", "zone.txt:1: missing record type"},
        {"bad.example. \"x\"", "zone.txt:1: expected a record type before \"x\""},
        {"$TTL abc", "zone.txt:1: invalid TTL 'abc'"},
        {"$TIMEOUT", "zone.txt:1: $TIMEOUT needs exactly one argument"},
        {"$INCLUDE other", "zone.txt:1: unknown directive $INCLUDE (expected $TTL, $TEMPFAIL, $SERVFAIL or $TIMEOUT)"},
        {"a.example. CNAME b.example.\na.example. TXT \"x\"",
         "zone.txt:2: CNAME and other data for a.example. (line 1)"},
        {"a.example. CNAME b.example.\na.example. CNAME c.example.", "zone.txt:2: second CNAME for a.example."},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text);
        CHECK(error_of(text) == expected);
    }
}

TEST_CASE("local data errors carry file and line separately", "[dns]") {
    try {
        LocalData::parse("\n\nx.example. A nope\n", "zones/test.zone");
        FAIL("no error");
    } catch (const sg::core::ConfigError& e) {
        CHECK(e.file() == "zones/test.zone");
        CHECK(e.line() == 3);
    }
}

TEST_CASE("local data loads from a file", "[dns]") {
    sg::test::TempDir dir;
    const auto path = dir.write("zone", "example.com. TXT \"v=spf1 -all\"\n");
    const auto data = LocalData::load(path);
    REQUIRE(data.records.size() == 1);
    CHECK(data.records[0].presentation() == "v=spf1 -all");
    CHECK_THROWS_WITH(LocalData::load(dir.path() + "/missing"),
                      Catch::Contains("missing: cannot read DNS local data file"));
}
