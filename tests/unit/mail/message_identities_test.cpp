// The identities a message claims, extracted from a transaction.
#include <catch2/catch.hpp>

#include <string>

#include "mail/message_identities.hpp"
#include "mail/message_reader.hpp"

using sg::mail::ParseStatus;

namespace {

sg::core::Transaction transaction_with(std::vector<sg::core::Header> headers, std::string mail_from = "") {
    sg::core::Transaction transaction;
    transaction.headers = std::move(headers);
    transaction.envelope.mail_from = std::move(mail_from);
    return transaction;
}

}  // namespace

TEST_CASE("From, Sender, Reply-To and To are parsed once", "[mail]") {
    const auto identities = sg::mail::extract_identities(transaction_with(
        {{"From", "\"Ann\" <ann@Example.ORG>"},
         {"Sender", "list@lists.example"},
         {"Reply-To", "Other <other@elsewhere.example>"},
         {"To", "a@x.example,\n\tb@y.example"},
         {"to", "c@z.example"}},
        "bounce@example.org"));
    CHECK(identities.from.header_count == 1);
    REQUIRE(identities.from.addresses.mailboxes.size() == 1);
    CHECK(identities.from.addresses.mailboxes[0].display_name == "Ann");
    CHECK(identities.from.addresses.mailboxes[0].domain == "example.org");
    CHECK(identities.from.raw == "\"Ann\" <ann@Example.ORG>");
    REQUIRE(identities.sender.addresses.mailboxes.size() == 1);
    CHECK(identities.sender.addresses.mailboxes[0].domain == "lists.example");
    REQUIRE(identities.reply_to.addresses.mailboxes.size() == 1);
    CHECK(identities.reply_to.addresses.mailboxes[0].address() == "other@elsewhere.example");
    CHECK(identities.to.header_count == 2);
    REQUIRE(identities.to.addresses.mailboxes.size() == 3);
    CHECK(identities.to.addresses.mailboxes[2].address() == "c@z.example");
    CHECK(identities.to.raw == "a@x.example,\tb@y.example");
    REQUIRE(identities.envelope_from.has_value());
    CHECK(identities.envelope_from->address() == "bounce@example.org");
}

TEST_CASE("missing headers and the null sender leave empty identities", "[mail]") {
    const auto identities = sg::mail::extract_identities(transaction_with({{"Subject", "x"}}));
    CHECK(identities.from.header_count == 0);
    CHECK(identities.from.addresses.mailboxes.empty());
    CHECK(identities.from.raw.empty());
    CHECK_FALSE(identities.envelope_from.has_value());
    CHECK_FALSE(identities.return_path.has_value());
    CHECK(identities.client_software.empty());
    CHECK(identities.message_id.empty());
}

TEST_CASE("several From headers are counted and concatenated", "[mail]") {
    const auto identities = sg::mail::extract_identities(
        transaction_with({{"From", "a@one.example"}, {"FROM", "Standard Chartered Settings---"}, {"From", "b@two.example"}}));
    CHECK(identities.from.header_count == 3);
    REQUIRE(identities.from.addresses.mailboxes.size() == 2);
    CHECK(identities.from.addresses.mailboxes[1].domain == "two.example");
    CHECK(identities.from.addresses.status == ParseStatus::repaired);
    CHECK(identities.from.addresses.problem.find("text without an address") != std::string::npos);
    const auto only_bad = sg::mail::extract_identities(transaction_with({{"From", "<>"}}));
    CHECK(only_bad.from.addresses.status == ParseStatus::unparsable);
}

TEST_CASE("Return-Path, client software and Message-ID are read", "[mail]") {
    const auto identities = sg::mail::extract_identities(transaction_with({
        {"Return-Path", "<bounce@Mail.Example>"},
        {"User-Agent", "Mutt/2.2"},
        {"X-Mailer", "Microsoft Outlook\n 16.0"},
        {"Message-ID", "  <id@host.example>  "},
    }));
    REQUIRE(identities.return_path.has_value());
    CHECK(identities.return_path->address() == "bounce@mail.example");
    CHECK(identities.client_software == "Microsoft Outlook 16.0");
    CHECK(identities.message_id == "<id@host.example>");

    const auto agent = sg::mail::extract_identities(transaction_with({{"User-Agent", "Mutt/2.2"}}));
    CHECK(agent.client_software == "Mutt/2.2");
    const auto null_path = sg::mail::extract_identities(transaction_with({{"Return-Path", "<>"}}));
    CHECK_FALSE(null_path.return_path.has_value());
}

TEST_CASE("client software is sanitized and capped at 512 bytes", "[mail]") {
    std::string long_name(600, 'x');
    long_name[510] = '\xC3';  // a two-byte character straddling the cap
    long_name[511] = '\xA9';
    long_name[512] = '\xC3';
    long_name[513] = '\xA9';
    const auto identities = sg::mail::extract_identities(transaction_with({{"X-Mailer", long_name + "\x01\xFF"}}));
    CHECK(identities.client_software.size() <= 512);
    CHECK(identities.client_software.size() == 512);
    CHECK(identities.client_software.substr(510) == "é");
}

TEST_CASE("unfold joins continuation lines", "[mail]") {
    CHECK(sg::mail::unfold("a\r\n b") == "a b");
    CHECK(sg::mail::unfold("a\n\tb") == "a\tb");
    CHECK(sg::mail::unfold("a\r\nb") == "a b");
    CHECK(sg::mail::unfold("plain") == "plain");
}

TEST_CASE("a message read from bytes yields its identities", "[mail]") {
    const auto message = sg::mail::read_message(
        "Return-Path: <b@bounce.example>\r\n"
        "From: =?utf-8?Q?J=C3=B6rg?=\r\n <jorg@B\xC3\x9C" "CHER.example>\r\n"
        "X-Mailer: PHPMailer 6.0\r\n"
        "\r\n"
        "Hello\r\n");
    sg::core::Transaction transaction;
    transaction.headers = message.headers;
    transaction.body_size = message.body_size;
    const auto identities = sg::mail::extract_identities(transaction);
    REQUIRE(identities.from.addresses.mailboxes.size() == 1);
    const auto& from = identities.from.addresses.mailboxes[0];
    CHECK(from.display_name == "Jörg");
    CHECK(from.domain == "xn--bcher-kva.example");
    CHECK(from.domain_unicode == "bücher.example");
    CHECK(identities.return_path->domain == "bounce.example");
    CHECK(identities.client_software == "PHPMailer 6.0");
    CHECK(transaction.body_size == 7);
}
