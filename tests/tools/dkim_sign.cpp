// dkim_sign - test-only: puts a DKIM-Signature on a message so the integration and
// end-to-end tests can send signed mail through the daemon, Postfix and `check`.
//
//   dkim_sign KEY.pem DOMAIN SELECTOR [relaxed|simple] < message > signed
//
// KEY.pem is an RSA private key (the tests make one with openssl at run time; the
// public half goes into the hermetic local.zone). Signing is libopendkim's dkim_sign
// through tests/dkim/support (rsa-sha256); output has CRLF line endings. Exit 0, or
// 2 with a message on stderr. senderguard itself never signs.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>

#include "test_signer.hpp"

int main(int argc, char** argv) {
    if (argc < 4 || argc > 5) {
        std::cerr << "usage: dkim_sign KEY.pem DOMAIN SELECTOR [relaxed|simple] < message\n";
        return 2;
    }
    try {
        std::ifstream key_file(argv[1], std::ios::binary);
        if (!key_file) throw std::runtime_error(std::string("cannot read ") + argv[1]);
        sg::dkim::test::TestKey key;
        key.kind = sg::dkim::test::KeyKind::rsa;
        key.private_pem.assign(std::istreambuf_iterator<char>(key_file), std::istreambuf_iterator<char>());

        sg::dkim::test::SignOptions options;
        options.domain = argv[2];
        options.selector = argv[3];
        const std::string canonicalization = argc == 5 ? argv[4] : "relaxed";
        if (canonicalization != "relaxed" && canonicalization != "simple")
            throw std::runtime_error("canonicalization must be relaxed or simple");
        options.relaxed = canonicalization == "relaxed";

        std::ostringstream message;
        message << std::cin.rdbuf();
        std::cout << sg::dkim::test::sign_message(message.str(), key, options);
        return std::cout.flush() ? 0 : 2;
    } catch (const std::exception& error) {
        std::cerr << "dkim_sign: " << error.what() << '\n';
        return 2;
    }
}
