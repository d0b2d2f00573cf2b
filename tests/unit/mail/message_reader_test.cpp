// Raw message bytes to headers and body, as an MTA hands them to a milter.
#include <catch2/catch.hpp>

#include <string>

#include "mail/message_reader.hpp"

using sg::mail::read_message;

TEST_CASE("headers and body split at the first empty line (CRLF)", "[mail]") {
    const auto message = read_message("From: a@b.example\r\nSubject: hi\r\n\r\nbody line\r\n");
    REQUIRE(message.headers.size() == 2);
    CHECK(message.headers[0].name == "From");
    CHECK(message.headers[0].value == "a@b.example");
    CHECK(message.headers[1].name == "Subject");
    CHECK(message.headers[1].value == "hi");
    CHECK(message.body == "body line\r\n");
    CHECK(message.body_size == 11);
    CHECK_FALSE(message.headers_truncated);
}

TEST_CASE("folded headers keep their line breaks as bare LF", "[mail]") {
    const auto crlf = read_message("To: a@b.example,\r\n\tc@d.example\r\nX: y\r\n\r\n");
    REQUIRE(crlf.headers.size() == 2);
    CHECK(crlf.headers[0].value == "a@b.example,\n\tc@d.example");
    const auto lf = read_message("To: a@b.example,\n  c@d.example\n\nbody\n");
    REQUIRE(lf.headers.size() == 1);
    CHECK(lf.headers[0].value == "a@b.example,\n  c@d.example");
    CHECK(lf.body == "body\n");
}

TEST_CASE("only one leading space after the colon is removed", "[mail]") {
    const auto message = read_message("A:  two\nB:\ttab\nC:none\nD :spaced name\nE:\n\n");
    REQUIRE(message.headers.size() == 5);
    CHECK(message.headers[0].value == " two");
    CHECK(message.headers[1].value == "\ttab");
    CHECK(message.headers[2].value == "none");
    CHECK(message.headers[3].name == "D");
    CHECK(message.headers[3].value == "spaced name");
    CHECK(message.headers[4].value.empty());
}

TEST_CASE("a leading mbox From line is skipped", "[mail]") {
    const auto message = read_message("From sender@example.org Mon Jan  1 00:00:00 2024\nFrom: a@b.example\n\nx");
    REQUIRE(message.headers.size() == 1);
    CHECK(message.headers[0].name == "From");
    CHECK(message.body == "x");
}

TEST_CASE("a line that is not a header starts the body", "[mail]") {
    const auto message = read_message("From: a@b.example\nthis is not a header\nmore\n");
    REQUIRE(message.headers.size() == 1);
    CHECK(message.body == "this is not a header\nmore\n");
}

TEST_CASE("a message without an empty line is headers only", "[mail]") {
    const auto message = read_message("From: a@b.example\r\nSubject: s");
    REQUIRE(message.headers.size() == 2);
    CHECK(message.headers[1].value == "s");
    CHECK(message.body.empty());
    CHECK(message.body_size == 0);
}

TEST_CASE("empty input and leading continuation lines are handled", "[mail]") {
    CHECK(read_message("").headers.empty());
    const auto message = read_message(" orphan continuation\nFrom: a@b.example\n\n");
    CHECK(message.headers.empty());
    CHECK(message.body == " orphan continuation\nFrom: a@b.example\n\n");
}

TEST_CASE("headers beyond the size limit are dropped, the body is still found", "[mail]") {
    const std::string bytes = "A: 1\nB: " + std::string(100, 'x') + "\n continued\nC: 3\n\nbody";
    const auto message = read_message(bytes, 50);
    REQUIRE(message.headers.size() == 1);
    CHECK(message.headers[0].name == "A");
    CHECK(message.headers_truncated);
    CHECK(message.body == "body");
}
