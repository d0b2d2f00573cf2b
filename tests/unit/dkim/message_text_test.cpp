// message_text_test - line-ending normalisation and header/body splitting.
#include <catch2/catch.hpp>

#include "dkim/message_text.hpp"

using namespace sg::dkim;

TEST_CASE("to_crlf turns bare LF into CRLF and leaves CRLF and bare CR alone", "[dkim]") {
    CHECK(to_crlf("a\nb\r\nc\rd\n") == "a\r\nb\r\nc\rd\r\n");
    CHECK(to_crlf("") == "");
    CHECK(to_crlf("\n\n") == "\r\n\r\n");
}

TEST_CASE("split_message keeps values exactly as they followed the colon", "[dkim]") {
    for (const std::string& raw : {std::string("From: a@example.org\r\nSubject:  two\r\n\tlines\r\nX:\r\n\r\nbody\r\n"),
                                  std::string("From: a@example.org\nSubject:  two\n\tlines\nX:\n\nbody\n")}) {
        const SplitMessage message = split_message(raw);
        REQUIRE(message.headers.size() == 3);
        CHECK(message.headers[0].name == "From");
        CHECK(message.headers[0].value == " a@example.org");
        CHECK(message.headers[1].name == "Subject");
        const bool crlf = raw.find('\r') != std::string::npos;
        CHECK(message.headers[1].value == (crlf ? "  two\r\n\tlines" : "  two\n\tlines"));
        CHECK(message.headers[2].value.empty());
        CHECK(message.body == (crlf ? "body\r\n" : "body\n"));
    }
}

TEST_CASE("split_message copes with odd input", "[dkim]") {
    CHECK(split_message("").headers.empty());
    const SplitMessage no_body = split_message("From: a@b");
    REQUIRE(no_body.headers.size() == 1);
    CHECK(no_body.body.empty());
    const SplitMessage mbox = split_message("From someone Tue Jan 1\nFrom: a@b\n garbage-continuation\nnot a field\n\nx");
    REQUIRE(mbox.headers.size() == 1);
    CHECK(mbox.headers[0].value == " a@b\n garbage-continuation");
    CHECK(mbox.skipped_lines == 2);
    CHECK(mbox.body == "x");
}
