// e2e_dkim_sign - sign a message for the Postfix end-to-end tests (test-only).
//
//   e2e_dkim_sign KEY.pem DOMAIN SELECTOR < message > signed
//
// Reads an RSA private key in PEM (openssl genpkey), signs stdin with rsa-sha256,
// relaxed/relaxed, d=DOMAIN s=SELECTOR (tests/dkim/support/test_signer, i.e.
// libopendkim's dkim_sign) and writes the message with the DKIM-Signature on top, with
// LF line ends (swaks turns them into CRLF on the wire). Exit 0, or 1 with a message.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>

#include "test_signer.hpp"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: e2e_dkim_sign KEY.pem DOMAIN SELECTOR < message > signed\n";
        return 1;
    }
    try {
        std::ifstream key_file(argv[1], std::ios::binary);
        if (!key_file) throw std::runtime_error(std::string("cannot read ") + argv[1]);
        sg::dkim::test::TestKey key;
        key.kind = sg::dkim::test::KeyKind::rsa;
        key.private_pem.assign(std::istreambuf_iterator<char>(key_file), std::istreambuf_iterator<char>());
        const std::string message(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>{});
        sg::dkim::test::SignOptions options;
        options.domain = argv[2];
        options.selector = argv[3];
        std::string signed_message = sg::dkim::test::sign_message(message, key, options);
        std::string out;
        out.reserve(signed_message.size());
        for (char c : signed_message)
            if (c != '\r') out.push_back(c);
        std::cout << out;
        return std::cout.flush() ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "e2e_dkim_sign: " << e.what() << '\n';
        return 1;
    }
}
