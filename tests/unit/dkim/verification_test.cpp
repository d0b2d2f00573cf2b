// verification_test - sign with keys made at test time, verify through the same
// path the milter uses, and break things: body, signed header, key, DNS.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "dkim/message_text.hpp"
#include "dkim/message_verification.hpp"
#include "dkim/signature_outcome.hpp"
#include "dkim/verify_message.hpp"
#include "dkim_test_messages.hpp"
#include "test_signer.hpp"

using namespace sg;
using namespace sg::dkim;
using namespace sg::dkim::test;
using core::AuthResult;

namespace {

core::DkimOutcome verify(const Verifier& verifier, const std::string& message,
                         dns::Deadline deadline = dns::Deadline::after(std::chrono::seconds(5))) {
    return verify_message(verifier.library, message, deadline);
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("RSA and Ed25519 signatures made at test time pass", "[dkim]") {
    Verifier verifier;
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    verifier.resolver.add_txt("ed._domainkey.example.org", shared_ed25519_key().record);

    SECTION("rsa-sha256 relaxed") {
        const auto outcome = verify(verifier, sign_message(plain_message, shared_rsa_key()));
        REQUIRE(outcome.signatures.size() == 1);
        const auto& signature = outcome.signatures[0];
        CHECK(signature.result == AuthResult::pass);
        CHECK(signature.reason.empty());
        CHECK(signature.domain == "example.org");
        CHECK(signature.selector == "sel");
        CHECK(signature.identity == "@example.org");
        CHECK(signature.algorithm == "rsa-sha256");
        CHECK(signature.key_bits == 2048);
        CHECK(signature.header_b.size() == 8);
        CHECK(outcome.reason.empty());
    }
    SECTION("rsa-sha256 simple") {
        SignOptions options;
        options.relaxed = false;
        const auto outcome = verify(verifier, sign_message(plain_message, shared_rsa_key(), options));
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::pass);
    }
    SECTION("ed25519-sha256") {
        SignOptions options;
        options.selector = "ed";
        options.algorithm = SignAlgorithm::ed25519_sha256;
        const auto outcome = verify(verifier, sign_message(plain_message, shared_ed25519_key(), options));
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::pass);
        CHECK(outcome.signatures[0].algorithm == "ed25519-sha256");
    }
}

TEST_CASE("the milter's byte forms verify like the raw message", "[dkim]") {
    Verifier verifier;
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    SignOptions options;
    options.relaxed = false;  // simple/simple: every byte counts
    const std::string signed_message = sign_message(plain_message, shared_rsa_key(), options);

    // What Postfix hands over: leading space kept (SMFIP_HDR_LEADSPC), folds with a
    // bare LF, body in CRLF chunks cut anywhere.
    auto verification = verifier.library.begin(dns::Deadline::after(std::chrono::seconds(5)));
    const SplitMessage parts = split_message(signed_message);
    for (const auto& field : parts.headers) {
        std::string value(field.value);
        std::string lf_folded;
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (value[i] == '\r' && i + 1 < value.size() && value[i + 1] == '\n') continue;
            lf_folded.push_back(value[i]);
        }
        verification->add_header(field.name, lf_folded);
    }
    verification->end_of_headers();
    for (std::size_t at = 0; at < parts.body.size(); at += 3) verification->add_body(parts.body.substr(at, 3));
    const auto streamed = verification->finish();
    REQUIRE(streamed.signatures.size() == 1);
    CHECK(streamed.signatures[0].result == AuthResult::pass);
    CHECK(verification->finish().signatures.size() == 1);  // finish is repeatable

    // An LF-only .eml gives the same answer as the CRLF original.
    std::string lf_only;
    for (const char c : signed_message) {
        if (c != '\r') lf_only.push_back(c);
    }
    const auto from_lf = verify(verifier, lf_only);
    REQUIRE(from_lf.signatures.size() == 1);
    CHECK(from_lf.signatures[0].result == AuthResult::pass);
}

TEST_CASE("tampering and key problems give fail, permerror or temperror with a reason", "[dkim]") {
    Verifier verifier;
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    const std::string signed_message = sign_message(plain_message, shared_rsa_key());

    SECTION("body changed") {
        const auto outcome = verify(verifier, replace(signed_message, "are in", "are out"));
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::fail);
        CHECK(outcome.signatures[0].reason == "body hash mismatch");
    }
    SECTION("signed header changed") {
        const auto outcome = verify(verifier, replace(signed_message, "Subject: Quarterly", "Subject: Yearly"));
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::fail);
        CHECK(outcome.signatures[0].reason == "signature did not verify");
    }
    SECTION("key revoked") {
        verifier.resolver.add_txt("sel._domainkey.example.org", "v=DKIM1; k=rsa; p=");
        const auto outcome = verify(verifier, signed_message);
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::fail);
        CHECK(outcome.signatures[0].reason == "key revoked");
    }
    SECTION("no key") {
        verifier.resolver.set("sel._domainkey.example.org", KeyTableResolver::Behaviour::nx_domain);
        const auto outcome = verify(verifier, signed_message);
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::permerror);
        CHECK(outcome.signatures[0].reason == "no key: no key record (NXDOMAIN)");
    }
    SECTION("SERVFAIL") {
        verifier.resolver.set("sel._domainkey.example.org", KeyTableResolver::Behaviour::servfail);
        const auto outcome = verify(verifier, signed_message);
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::temperror);
        CHECK(outcome.signatures[0].reason == "DNS error: SERVFAIL");
    }
    SECTION("DNS timeout ends at the message deadline") {
        verifier.resolver.set("sel._domainkey.example.org", KeyTableResolver::Behaviour::timeout_wait);
        const auto started = std::chrono::steady_clock::now();
        const auto outcome = verify(verifier, signed_message, dns::Deadline::after(std::chrono::milliseconds(300)));
        const auto took = std::chrono::steady_clock::now() - started;
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::temperror);
        CHECK(outcome.signatures[0].reason.rfind("DNS timeout", 0) == 0);
        CHECK(took >= std::chrono::milliseconds(250));
        CHECK(took < std::chrono::seconds(2));
    }
    SECTION("deadline already spent: no lookup at all") {
        const auto outcome = verify(verifier, signed_message, dns::Deadline(dns::Clock::now()));
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::temperror);
        CHECK(verifier.resolver.query_count() == 0);
    }
    SECTION("key record unusable") {
        verifier.resolver.add_txt("sel._domainkey.example.org", "v=DKIM1; k=rsa; p=bm90IGEga2V5");
        const auto outcome = verify(verifier, signed_message);
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::permerror);
        CHECK(outcome.signatures[0].reason.rfind("unusable key record", 0) == 0);
    }
}

TEST_CASE("RFC 8301: small RSA keys and rsa-sha1", "[dkim]") {
    SECTION("rsa-sha1 is policy by default, pass when allowed") {
        SignOptions options;
        options.algorithm = SignAlgorithm::rsa_sha1;
        const std::string signed_message = sign_message(plain_message, shared_rsa_key(), options);
        Verifier strict;
        strict.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
        const auto outcome = verify(strict, signed_message);
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::policy);
        CHECK(outcome.signatures[0].reason == "rsa-sha1 not accepted (RFC 8301)");
        CHECK(outcome.signatures[0].algorithm == "rsa-sha1");

        VerifierSettings lenient_settings;
        lenient_settings.reject_sha1 = false;
        Verifier lenient(lenient_settings);
        lenient.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
        CHECK(verify(lenient, signed_message).signatures.at(0).result == AuthResult::pass);
    }
    SECTION("a key below min_key_bits is permerror") {
        const TestKey small = generate_key(KeyKind::rsa, 1024);
        VerifierSettings settings;
        settings.min_key_bits = 2048;
        Verifier verifier(settings);
        verifier.resolver.add_txt("sel._domainkey.example.org", small.record);
        const auto outcome = verify(verifier, sign_message(plain_message, small));
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(outcome.signatures[0].result == AuthResult::permerror);
        CHECK(outcome.signatures[0].reason == "key too small (1024 bits)");
        CHECK(outcome.signatures[0].key_bits == 1024);
    }
}

TEST_CASE("several signatures each get their own result, in header order", "[dkim]") {
    Verifier verifier;
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    verifier.resolver.add_txt("ed._domainkey.other.example", shared_ed25519_key().record);
    SignOptions ed;
    ed.domain = "other.example";
    ed.selector = "ed";
    ed.algorithm = SignAlgorithm::ed25519_sha256;
    SignOptions missing;
    missing.selector = "gone";
    std::string message = sign_message(plain_message, shared_rsa_key());
    message = sign_message(message, shared_ed25519_key(), ed);
    message = sign_message(message, shared_rsa_key(), missing);

    const auto outcome = verify(verifier, message);
    REQUIRE(outcome.signatures.size() == 3);
    CHECK(outcome.signatures[0].selector == "gone");
    CHECK(outcome.signatures[0].result == AuthResult::permerror);
    CHECK(outcome.signatures[1].domain == "other.example");
    CHECK(outcome.signatures[1].result == AuthResult::pass);
    CHECK(outcome.signatures[2].domain == "example.org");
    CHECK(outcome.signatures[2].result == AuthResult::pass);

    // One broken signature does not spoil the others.
    const auto tampered = verify(verifier, replace(message, "Hello Bob", "Hello Eve"));
    REQUIRE(tampered.signatures.size() == 3);
    CHECK(tampered.signatures[1].result == AuthResult::fail);
    CHECK(tampered.signatures[2].result == AuthResult::fail);
}

TEST_CASE("signatures beyond max_signatures are not evaluated and cost no lookups", "[dkim]") {
    VerifierSettings settings;
    settings.max_signatures = 3;
    Verifier verifier(settings);
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    std::string message = plain_message;
    for (int i = 0; i < 6; ++i) {
        SignOptions options;
        options.selector = "s" + std::to_string(i);
        message = sign_message(message, shared_rsa_key(), options);
    }
    const auto outcome = verify(verifier, message);
    CHECK(outcome.signatures.size() == 3);
    CHECK(verifier.resolver.query_count() <= 3);
    CHECK(outcome.reason == "6 DKIM-Signature fields, only the first 3 evaluated");
}

TEST_CASE("unsigned mail is dkim=none and duplicate From fields are permerror", "[dkim]") {
    Verifier verifier;
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    const auto unsigned_outcome = verify(verifier, plain_message);
    CHECK(unsigned_outcome.signatures.empty());
    CHECK(unsigned_outcome.reason.empty());

    const std::string signed_message = sign_message(plain_message, shared_rsa_key());
    const auto outcome = verify(verifier, replace(signed_message, "To: bob", "From: mallory@example.org\r\nTo: bob"));
    REQUIRE(outcome.signatures.size() == 1);
    CHECK(outcome.signatures[0].result == AuthResult::permerror);
    CHECK(outcome.signatures[0].reason.find("multiple From") != std::string::npos);
}

TEST_CASE("header.b is the shortest prefix that tells signatures apart", "[dkim]") {
    std::vector<core::DkimSignatureOutcome> signatures(3);
    assign_header_b(signatures, {"ABCDEFGHIJ", "ABCDEFGHXY", "short"});
    CHECK(signatures[0].header_b == "ABCDEFGHI");
    CHECK(signatures[1].header_b == "ABCDEFGHX");
    CHECK(signatures[2].header_b == "short");
}
