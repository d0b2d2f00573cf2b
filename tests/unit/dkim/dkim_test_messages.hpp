// dkim_test_messages - the message and verifier setup shared by the DKIM unit tests.
#pragma once

#include <memory>
#include <string>

#include "dkim/verifier_library.hpp"
#include "key_table_resolver.hpp"

namespace sg::dkim::test {

inline const std::string plain_message =
    "From: Alice <alice@example.org>\r\n"
    "To: bob@example.net\r\n"
    "Subject: Quarterly\r\n"
    " numbers\r\n"
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
    "Message-ID: <1@example.org>\r\n"
    "\r\n"
    "Hello Bob,\r\n"
    "\r\n"
    "the numbers are in.\r\n";

// A resolver plus a verifier over it.
struct Verifier {
    explicit Verifier(VerifierSettings settings = {}) : library(resolver, settings) {}
    KeyTableResolver resolver;
    VerifierLibrary library;
};

}  // namespace sg::dkim::test
