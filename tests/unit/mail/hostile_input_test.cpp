// Hostile address headers: huge, unbalanced, deeply nested, NUL bytes, invalid UTF-8.
// Each must return quickly with a sensible status and never crash.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "mail/address_parser.hpp"
#include "mail/encoded_words.hpp"

using sg::mail::ParseStatus;
using sg::mail::parse_address_list;

namespace {

std::string repeat(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

bool valid_utf8(const std::string& text) { return sg::mail::sanitize_utf8(text) == text; }

}  // namespace

TEST_CASE("hostile address headers end unparsable, quickly, without a crash", "[mail]") {
    const std::vector<std::string> inputs = {
        repeat("<", 100000),
        repeat("\"", 100000),
        repeat("\"", 100001),
        repeat("(", 100000),
        repeat("[", 100000),
        repeat("@", 100000),
        repeat(",<", 50000),
        repeat("\\\"", 50000),
        repeat("=?", 50000),
        "\"unbalanced <a@b.example>",
        "(unbalanced <a@b.example>",
        "[unbalanced <a@b.example>",
        ")",
        std::string("\0\0\0", 3),
    };
    for (const std::string& input : inputs) {
        INFO("input starts with: " << input.substr(0, 20));
        const auto start = std::chrono::steady_clock::now();
        const auto list = parse_address_list(input);
        const auto elapsed = std::chrono::steady_clock::now() - start;
        CHECK(elapsed < std::chrono::seconds(2));
        CHECK(list.status != ParseStatus::ok);
        CHECK_FALSE(list.problem.empty());
        for (const auto& mailbox : list.mailboxes) CHECK(valid_utf8(mailbox.display_name));
    }
}

TEST_CASE("over-long input is capped with a note", "[mail]") {
    const auto list = parse_address_list(repeat("a", 100000) + " <a@b.example>");
    CHECK(list.mailboxes.empty());  // the address lies beyond the 64 KiB that are read
    CHECK(list.status == ParseStatus::unparsable);
    CHECK(list.problem.find("64 KiB") != std::string::npos);
}

TEST_CASE("a 10,000-character display name is kept and the address found", "[mail]") {
    const auto list = parse_address_list(repeat("A", 10000) + " <a@b.example>");
    REQUIRE(list.mailboxes.size() == 1);
    CHECK(list.status == ParseStatus::ok);
    CHECK(list.mailboxes[0].display_name.size() == 10000);
    CHECK(list.mailboxes[0].address() == "a@b.example");
}

TEST_CASE("the number of mailboxes is capped", "[mail]") {
    const auto list = parse_address_list(repeat("a@b.example, ", 5000));
    CHECK(list.mailboxes.size() == 1000);
    CHECK(list.status == ParseStatus::repaired);
    CHECK(list.problem.find("1000 mailboxes") != std::string::npos);
}

TEST_CASE("deeply nested comments are reported but do not hide the address", "[mail]") {
    const auto list = parse_address_list(repeat("(", 40) + "x" + repeat(")", 40) + " <a@b.example>");
    REQUIRE(list.mailboxes.size() == 1);
    CHECK(list.mailboxes[0].address() == "a@b.example");
    CHECK(list.status == ParseStatus::repaired);
    CHECK(list.problem.find("nested too deeply") != std::string::npos);
}

TEST_CASE("an unterminated quote does not swallow the address", "[mail]") {
    const auto list = parse_address_list("\"Broken <a@b.example>");
    REQUIRE(list.mailboxes.size() == 1);
    CHECK(list.mailboxes[0].address() == "a@b.example");
    CHECK(list.status == ParseStatus::repaired);
    CHECK(list.problem.find("unterminated quoted string") != std::string::npos);
}

TEST_CASE("NUL bytes and control characters are dropped from display names", "[mail]") {
    const std::string input("Pay\0Pal\x07 <a@b.example>", 22);
    const auto list = parse_address_list(input);
    REQUIRE(list.mailboxes.size() == 1);
    CHECK(list.mailboxes[0].display_name == "Pay Pal");
    CHECK(list.status == ParseStatus::repaired);
    CHECK(list.problem.find("control characters") != std::string::npos);
}

TEST_CASE("invalid UTF-8 in a display name is replaced, never passed on", "[mail]") {
    const auto list = parse_address_list("Bad\xFF\xFEName <a@b.example>");
    REQUIRE(list.mailboxes.size() == 1);
    CHECK(list.mailboxes[0].display_name == "Bad\xEF\xBF\xBD\xEF\xBF\xBDName");
    CHECK(list.status == ParseStatus::repaired);
    CHECK(list.problem.find("invalid UTF-8") != std::string::npos);
    const auto local = parse_address_list("<\xC3\x28@b.example>");
    for (const auto& mailbox : local.mailboxes) CHECK(valid_utf8(mailbox.local_part));
}

TEST_CASE("an encoded word hiding NULs and controls decodes to clean text", "[mail]") {
    // "Pay\0Pal\r\n" in base64
    const auto list = parse_address_list("=?utf-8?B?UGF5AFBhbA0K?= <a@b.example>");
    REQUIRE(list.mailboxes.size() == 1);
    CHECK(list.mailboxes[0].display_name == "PayPal");
}
