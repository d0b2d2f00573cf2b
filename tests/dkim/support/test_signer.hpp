// test_signer - test-only DKIM signing: keys generated at test time with OpenSSL
// (RSA of any size, Ed25519), their DNS key records, and libopendkim's dkim_sign to
// put a DKIM-Signature on a message. senderguard itself never signs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sg::dkim::test {

enum class KeyKind { rsa, ed25519 };

struct TestKey {
    KeyKind kind = KeyKind::rsa;
    unsigned bits = 0;
    std::string private_pem;
    std::string record;  // "v=DKIM1; k=rsa; p=..." for the selector's TXT record
};

TestKey generate_key(KeyKind kind, unsigned bits = 2048);
// Generated once per process.
const TestKey& shared_rsa_key();
const TestKey& shared_ed25519_key();

enum class SignAlgorithm { rsa_sha256, rsa_sha1, ed25519_sha256 };

struct SignOptions {
    std::string domain = "example.org";
    std::string selector = "sel";
    SignAlgorithm algorithm = SignAlgorithm::rsa_sha256;
    bool relaxed = true;  // relaxed/relaxed, else simple/simple
};

// `message` with a DKIM-Signature field added on top; CRLF or LF input, CRLF output.
// Throws std::runtime_error when libopendkim refuses.
std::string sign_message(std::string_view message, const TestKey& key, const SignOptions& options = {});

}  // namespace sg::dkim::test
