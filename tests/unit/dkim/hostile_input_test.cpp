// hostile_input_test - DKIM-Signature fields written to hurt: huge h= lists, ten
// thousand signatures, garbage base64, NUL and 8-bit bytes, misuse of the API. The
// verifier must stay up, stay bounded and say permerror (or none).
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "dkim/message_verification.hpp"
#include "dkim/verify_message.hpp"
#include "dkim_test_messages.hpp"
#include "test_signer.hpp"

using namespace sg;
using namespace sg::dkim;
using namespace sg::dkim::test;
using core::AuthResult;

namespace {

const std::string headers_and_body =
    "From: a@example.org\r\nTo: b@example.net\r\nSubject: x\r\n\r\nbody\r\n";

std::string signature_field(const std::string& tags) { return "DKIM-Signature: " + tags + "\r\n"; }

core::DkimOutcome verify(const Verifier& verifier, const std::string& message) {
    return verify_message(verifier.library, message, dns::Deadline::after(std::chrono::seconds(5)));
}

bool is_error(AuthResult result) { return result == AuthResult::permerror || result == AuthResult::fail; }

const std::string valid_tags = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=sel; h=from:to:subject; "
                               "bh=frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=; b=AAAA";

}  // namespace

TEST_CASE("huge h= lists are refused without work", "[dkim]") {
    Verifier verifier;
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    std::string list = "from";
    for (int i = 0; i < 100000; ++i) list += ":from";
    const auto started = std::chrono::steady_clock::now();
    const auto outcome = verify(verifier, signature_field("v=1; a=rsa-sha256; d=example.org; s=sel; h=" + list +
                                                          "; bh=AAAA; b=AAAA") + headers_and_body);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    REQUIRE(outcome.signatures.size() == 1);
    CHECK(outcome.signatures[0].result == AuthResult::permerror);
    CHECK(outcome.signatures[0].reason == "h= lists too many header fields (100001)");
    CHECK(verifier.resolver.query_count() == 0);
}

TEST_CASE("an h= list longer than the header stays inside libopendkim's arrays", "[dkim]") {
    // dkim_canon_selecthdrs writes past its array when h= names more fields than the
    // message has and all of them are used; the verifier pads the header so it
    // cannot. Run under valgrind or ASan to see the difference.
    Verifier verifier;
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    std::string list = "from:dkim-signature:to:subject";
    for (int i = 0; i < 200; ++i) list += ":from";
    const auto outcome = verify(verifier, signature_field("v=1; a=rsa-sha256; d=example.org; s=sel; h=" + list +
                                                          "; bh=AAAA; b=AAAA") + headers_and_body);
    REQUIRE(outcome.signatures.size() == 1);
    CHECK(is_error(outcome.signatures[0].result));
}

TEST_CASE("ten thousand signatures cost at most max_signatures lookups", "[dkim]") {
    Verifier verifier;
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    std::string message;
    for (int i = 0; i < 10000; ++i) message += signature_field(valid_tags);
    message += headers_and_body;
    const auto started = std::chrono::steady_clock::now();
    const auto outcome = verify(verifier, message);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    CHECK(outcome.signatures.size() == verifier.library.settings().max_signatures);
    CHECK(verifier.resolver.query_count() <= verifier.library.settings().max_signatures);
    CHECK(outcome.reason.find("10000 DKIM-Signature fields") == 0);
    for (const auto& signature : outcome.signatures) CHECK(signature.result != AuthResult::pass);
}

TEST_CASE("garbage signatures are permerror or fail, never pass", "[dkim]") {
    Verifier verifier;
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    const std::vector<std::string> garbage = {
        "",
        ";;;;",
        "=",
        "v",
        "v=1; a=rsa-sha256; d=example.org; s=sel; h=from; bh=!!!!; b=****",
        "v=1; a=rsa-sha256; d=example.org; s=sel; h=from; bh=" + std::string(5000, '=') + "; b=" +
            std::string(5000, 'A'),
        "v=1; a=rsa-sha256; d=exa\xc3\xa9mple.org; s=sel; h=from; bh=AAAA; b=AAAA",
        "v=1; a=rsa-sha256; d=" + std::string(300, 'd') + "; s=sel; h=from; bh=AAAA; b=AAAA",
        "v=1; a=rsa-sha256; d=example.org; s=" + std::string(250, 's') + "; h=from; bh=AAAA; b=AAAA",
        "v=1; a=rsa-sha256; d=example.org; s=sel; h=from; l=-1; bh=AAAA; b=AAAA",
        "v=1; a=rsa-sha256; d=example.org; s=sel; h=from; l=99999999999999999999999; bh=AAAA; b=AAAA",
        "v=1; a=rsa-sha256; d=example.org; s=sel; h=from; x=1; t=2; bh=AAAA; b=AAAA",
        "v=1; a=hmac-md5; d=example.org; s=sel; h=from; bh=AAAA; b=AAAA",
        "v=1; a=rsa-sha256; c=weird/odd; d=example.org; s=sel; h=from; bh=AAAA; b=AAAA",
        "v=1; a=rsa-sha256; d=example.org; s=sel; h=to; bh=AAAA; b=AAAA",  // From not signed
        "v=1; a=rsa-sha256; d=example.org; s=sel; i=@elsewhere.example; h=from; bh=AAAA; b=AAAA",
        std::string(20000, 'x'),
    };
    for (const auto& tags : garbage) {
        CAPTURE(tags.substr(0, 80));
        const auto outcome = verify(verifier, signature_field(tags) + headers_and_body);
        REQUIRE(outcome.signatures.size() == 1);
        CHECK(is_error(outcome.signatures[0].result));
    }
}

TEST_CASE("NUL bytes and 8-bit bytes anywhere are survived", "[dkim]") {
    Verifier verifier;
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    const std::string signed_message = sign_message(plain_message, shared_rsa_key());

    std::string nul_in_signature = signed_message;
    nul_in_signature.insert(nul_in_signature.find("d=example.org"), 1, '\0');
    auto outcome = verify(verifier, nul_in_signature);
    REQUIRE(outcome.signatures.size() == 1);
    CHECK(outcome.signatures[0].result == AuthResult::permerror);

    std::string nul_in_subject = signed_message;
    nul_in_subject.insert(nul_in_subject.find("Quarterly"), 1, '\0');
    outcome = verify(verifier, nul_in_subject);
    REQUIRE(outcome.signatures.size() == 1);
    CHECK(outcome.signatures[0].result == AuthResult::fail);
    CHECK(outcome.reason.find("malformed header fields") != std::string::npos);

    std::string nul_in_body = signed_message;
    nul_in_body.insert(nul_in_body.find("numbers are"), std::string("\0\xff\x80", 3));
    outcome = verify(verifier, nul_in_body);
    REQUIRE(outcome.signatures.size() == 1);
    CHECK(outcome.signatures[0].result == AuthResult::fail);
    CHECK(outcome.signatures[0].reason == "body hash mismatch");
}

TEST_CASE("the streaming API tolerates misuse", "[dkim]") {
    Verifier verifier;
    verifier.resolver.add_txt("sel._domainkey.example.org", shared_rsa_key().record);
    auto verification = verifier.library.begin(dns::Deadline::after(std::chrono::seconds(5)));
    verification->add_body("body first\r\n");
    verification->add_header("From", " late@example.org");
    verification->add_header("", " no name");
    verification->add_header("Bad:Name", " x");
    verification->end_of_headers();
    verification->end_of_headers();
    const auto outcome = verification->finish();
    CHECK(outcome.signatures.empty());
    CHECK(verification->finish().signatures.empty());

    // Dropped without finish: no leak, no crash.
    auto abandoned = verifier.library.begin(dns::Deadline::after(std::chrono::seconds(5)));
    abandoned->add_header("DKIM-Signature", " " + valid_tags);
    abandoned->add_header("From", " a@example.org");
    abandoned->end_of_headers();
    abandoned->add_body("x\r\n");
}
