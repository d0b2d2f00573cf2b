// Tests for the Authentication-Results writer (exact values, quoting, folding) and
// reader (our own output read back; authentication_milter's headers from the corpus).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "report/authentication_results.hpp"

using sg::core::AuthResult;
using sg::report::authentication_results_value;
using sg::report::parse_authentication_results;

namespace {

sg::core::DkimSignatureOutcome signature(AuthResult result, std::string d, std::string s, std::string a,
                                         std::string b) {
    sg::core::DkimSignatureOutcome sig;
    sig.result = result;
    sig.domain = std::move(d);
    sig.selector = std::move(s);
    sig.algorithm = std::move(a);
    sig.header_b = std::move(b);
    return sig;
}

sg::core::Authentication example() {
    sg::core::Authentication auth;
    auth.evaluated = true;
    auth.spf.result = AuthResult::pass;
    auth.spf.identity = "mailfrom";
    auth.spf.domain = "example.com";
    auth.dkim.signatures.push_back(signature(AuthResult::pass, "example.com", "sel", "rsa-sha256", "abcdefgh"));
    auth.dmarc.result = AuthResult::fail;
    auth.dmarc.from_domain = "example.com";
    auth.dmarc.policy = "reject";
    auth.dmarc.percent = 100;
    return auth;
}

std::vector<std::string> lines_of(const std::string& value) {
    std::vector<std::string> lines;
    std::istringstream in("Authentication-Results: " + value);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("Authentication-Results: SPF, DKIM and DMARC, folded per result", "[report]") {
    CHECK(authentication_results_value("mx.example.org", example()) ==
          "mx.example.org;\n"
          "\tspf=pass smtp.mailfrom=example.com;\n"
          "\tdkim=pass header.d=example.com header.s=sel header.a=rsa-sha256\n"
          "\theader.b=abcdefgh;\n"
          "\tdmarc=fail (p=reject pct=100) header.from=example.com");
}

TEST_CASE("Authentication-Results: short values stay on one line", "[report]") {
    sg::core::Authentication auth;
    auth.evaluated = true;
    CHECK(authentication_results_value("mx.example.org", auth) == "mx.example.org; spf=none; dkim=none; dmarc=none");
    CHECK(authentication_results_value("mx.example.org", sg::core::Authentication{}) == "mx.example.org; none");
}

TEST_CASE("Authentication-Results: HELO identity, reasons and none", "[report]") {
    sg::core::Authentication auth;
    auth.evaluated = true;
    auth.spf = {AuthResult::softfail, "helo", "mx1.example.net", "192.0.2.1", "~all matched", ""};
    auth.dkim.reason = "no signatures";
    auth.dmarc.result = AuthResult::none;
    auth.dmarc.from_domain = "example.net";
    auth.dmarc.reason = "no DMARC record at _dmarc.example.net";
    CHECK(authentication_results_value("mx.example.org", auth) ==
          "mx.example.org;\n"
          "\tspf=softfail reason=\"~all matched\" smtp.helo=mx1.example.net;\n"
          "\tdkim=none reason=\"no signatures\";\n"
          "\tdmarc=none reason=\"no DMARC record at _dmarc.example.net\"\n"
          "\theader.from=example.net");
}

TEST_CASE("Authentication-Results: temperror with and without a known policy", "[report]") {
    sg::core::Authentication auth = example();
    auth.dkim.signatures.clear();
    auth.dmarc.result = AuthResult::temperror;
    auth.dmarc.reason = "_dmarc.example.com: timeout";
    auth.dmarc.policy.clear();
    CHECK(authentication_results_value("mx", auth) ==
          "mx;\n"
          "\tspf=pass smtp.mailfrom=example.com;\n"
          "\tdkim=none;\n"
          "\tdmarc=temperror (policy unknown) reason=\"_dmarc.example.com: timeout\"\n"
          "\theader.from=example.com");
    auth.dmarc.policy = "reject";
    auth.dmarc.reason = "no aligned pass, and SPF for example.com could not be checked (temperror)";
    CHECK(authentication_results_value("mx", auth) ==
          "mx;\n"
          "\tspf=pass smtp.mailfrom=example.com;\n"
          "\tdkim=none;\n"
          "\tdmarc=temperror (p=reject pct=100)\n"
          "\treason=\"no aligned pass, and SPF for example.com could not be checked (temperror)\"\n"
          "\theader.from=example.com");
}

TEST_CASE("Authentication-Results: quoting and escaping", "[report]") {
    sg::core::Authentication auth = example();
    auth.dkim.signatures = {signature(AuthResult::fail, "example.com", "s1", "rsa-sha256", "S/mtomBF")};
    auth.dkim.signatures[0].identity = "@example.com";
    auth.dkim.signatures[0].reason = "key \"s1\" said \\ no\r\n\tmore\x01";
    std::string value = authentication_results_value("mail gateway", auth);
    CHECK(value ==
          "\"mail gateway\";\n"
          "\tspf=pass smtp.mailfrom=example.com;\n"
          "\tdkim=fail reason=\"key \\\"s1\\\" said \\\\ no more\" header.d=example.com\n"
          "\theader.i=@example.com header.s=s1 header.a=rsa-sha256 header.b=\"S/mtomBF\";\n"
          "\tdmarc=fail (p=reject pct=100) header.from=example.com");
    auto parsed = parse_authentication_results(value);
    REQUIRE(parsed.ok);
    CHECK(parsed.authserv_id == "mail gateway");
    CHECK(parsed.results[1].reason == "key \"s1\" said \\ no more");
    CHECK(parsed.results[1].property("header.b") == "S/mtomBF");
    CHECK(parsed.results[1].property("header.i") == "@example.com");
}

TEST_CASE("Authentication-Results: long reasons are clipped, non-ASCII replaced", "[report]") {
    sg::core::Authentication auth = example();
    auth.dmarc.reason = std::string(400, 'x') + "\xC3\xA9";
    std::string value = authentication_results_value("mx", auth);
    auto parsed = parse_authentication_results(value);
    REQUIRE(parsed.ok);
    CHECK(parsed.results.back().reason == std::string(160, 'x') + "...");
    auth.dmarc.reason = "caf\xC3\xA9";
    CHECK(parse_authentication_results(authentication_results_value("mx", auth)).results.back().reason == "caf??");
}

TEST_CASE("Authentication-Results: one dkim= per signature, lines under 78", "[report]") {
    sg::core::Authentication auth = example();
    auth.dkim.signatures = {
        signature(AuthResult::pass, "example.com", "2024a", "rsa-sha256", "AbCdEfGh"),
        signature(AuthResult::fail, "lists.example.org", "list", "ed25519-sha256", "12345678"),
        signature(AuthResult::permerror, "esp.example", "k1", "rsa-sha1", "zzzzzzzz"),
    };
    auth.dkim.signatures[1].reason = "body hash mismatch";
    std::string value = authentication_results_value("mx.example.org", auth);
    for (const std::string& line : lines_of(value)) {
        INFO(line);
        CHECK(line.size() < 78);
    }
    auto parsed = parse_authentication_results(value);
    REQUIRE(parsed.ok);
    REQUIRE(parsed.results.size() == 5);
    CHECK(parsed.results[0].method == "spf");
    CHECK(parsed.results[0].property("smtp.mailfrom") == "example.com");
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(parsed.results[i + 1].method == "dkim");
        CHECK(parsed.results[i + 1].result == sg::core::to_string(auth.dkim.signatures[i].result));
        CHECK(parsed.results[i + 1].property("header.d") == auth.dkim.signatures[i].domain);
        CHECK(parsed.results[i + 1].property("header.s") == auth.dkim.signatures[i].selector);
        CHECK(parsed.results[i + 1].property("header.a") == auth.dkim.signatures[i].algorithm);
        CHECK(parsed.results[i + 1].property("header.b") == auth.dkim.signatures[i].header_b);
    }
    CHECK(parsed.results[2].reason == "body hash mismatch");
    CHECK(parsed.results[4].method == "dmarc");
    CHECK(parsed.results[4].comments == std::vector<std::string>{"p=reject pct=100"});
    CHECK(parsed.results[4].property("header.from") == "example.com");
}

TEST_CASE("Authentication-Results reader: RFC 8601 appendix B shapes", "[report]") {
    auto none = parse_authentication_results("example.org 1; none");
    CHECK(none.ok);
    CHECK(none.authserv_id == "example.org");
    CHECK(none.results.empty());

    auto rfc = parse_authentication_results(
        "example.com;\r\n          spf=pass smtp.mailfrom=example.net\r\n          (comment (nested)) ;\r\n"
        "          sender-id=fail header.from=example.com;\r\n          dkim=pass (good signature) "
        "header.d=example.com");
    REQUIRE(rfc.ok);
    REQUIRE(rfc.results.size() == 3);
    CHECK(rfc.results[0].comments == std::vector<std::string>{"comment (nested)"});
    CHECK(rfc.results[1].method == "sender-id");
    CHECK(rfc.results[2].comments == std::vector<std::string>{"good signature"});

    auto microsoft = parse_authentication_results(
        "spf=fail (sender IP is 23.26.253.8) smtp.mailfrom=spfuvictim.com; dkim=none (message not signed) "
        "header.d=none;dmarc=fail action=oreject header.from=foobar.spfuvictim.com;");
    CHECK(microsoft.authserv_id == "spf=fail");  // no authserv-id: never ours
    CHECK_FALSE(microsoft.ok);

    auto broken = parse_authentication_results("mx.example.org; dkim=pass reason=\"unterminated");
    CHECK_FALSE(broken.ok);
    CHECK(broken.authserv_id == "mx.example.org");
    CHECK(parse_authentication_results("").authserv_id.empty());
    CHECK(parse_authentication_results("(only a comment").authserv_id.empty());
}

TEST_CASE("Authentication-Results: our vocabulary matches authentication_milter's", "[report]") {
    namespace fs = std::filesystem;
    const char* override_dir = std::getenv("SENDERGUARD_CORPUS");
    fs::path corpus =
        override_dir ? fs::path(override_dir) : fs::path(SENDERGUARD_SOURCE_DIR) / ".." / "shared" / "corpus";
    fs::path expected = corpus / "authentication-milter" / "expected";
    if (!fs::is_directory(expected)) {
        WARN("SKIPPED: corpus not found at " << expected.string());
        return;
    }
    std::map<std::string, std::set<std::string>> corpus_properties;  // method -> property names
    std::set<std::string> corpus_results;
    std::size_t headers = 0;
    for (const auto& entry : fs::directory_iterator(expected)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::string line, value;
        bool inside = false;
        auto finish = [&] {
            if (!inside) return;
            inside = false;
            auto parsed = parse_authentication_results(value);
            INFO(entry.path().filename().string() << ": " << value);
            CHECK(parsed.ok);
            ++headers;
            for (const auto& result : parsed.results) {
                corpus_results.insert(result.method + "=" + result.result);
                for (const auto& property : result.properties) corpus_properties[result.method].insert(property.name);
            }
        };
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (inside && !line.empty() && (line[0] == ' ' || line[0] == '\t')) {
                value += "\r\n" + line;
                continue;
            }
            finish();
            if (line.rfind("Authentication-Results:", 0) == 0) {
                inside = true;
                value = line.substr(23);
            }
            if (line.empty()) break;  // end of the header section
        }
        finish();
    }
    CHECK(headers >= 60);
    for (const char* seen : {"spf=pass", "spf=fail", "spf=softfail", "spf=none", "dkim=pass", "dkim=fail", "dkim=none",
                             "dmarc=pass", "dmarc=fail", "dmarc=none"})
        CHECK(corpus_results.count(seen) == 1);

    // Everything our writer emits for spf/dkim/dmarc is vocabulary the corpus uses.
    sg::core::Authentication auth = example();
    auth.dkim.signatures[0].identity = "@example.com";
    for (const char* identity : {"mailfrom", "helo"}) {
        auth.spf.identity = identity;
        auto ours = parse_authentication_results(authentication_results_value("mx.example.org", auth));
        REQUIRE(ours.ok);
        for (const auto& result : ours.results)
            for (const auto& property : result.properties) {
                INFO(result.method << " " << property.name);
                CHECK(corpus_properties[result.method].count(property.name) == 1);
            }
    }
}
