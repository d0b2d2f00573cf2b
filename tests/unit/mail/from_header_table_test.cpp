// Table of real-world From header forms: input -> display name, address, domain, status.
// Covers RFC 5322 (current and obsolete) syntax, RFC 2047 words in several charsets,
// IDN, and the broken forms phishers send.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "mail/address_parser.hpp"

using sg::mail::ParseStatus;

namespace {

struct FromCase {
    const char* input;
    const char* display_name;
    const char* address;  // empty: no mailbox expected
    const char* domain;
    ParseStatus status;
};

constexpr ParseStatus ok = ParseStatus::ok;
constexpr ParseStatus repaired = ParseStatus::repaired;
constexpr ParseStatus unparsable = ParseStatus::unparsable;

const std::vector<FromCase> from_cases = {
    // plain forms
    {"user@example.org", "", "user@example.org", "example.org", ok},
    {"<user@example.org>", "", "user@example.org", "example.org", ok},
    {"First Last <user@example.org>", "First Last", "user@example.org", "example.org", ok},
    {"\"First Last\" <user@example.org>", "First Last", "user@example.org", "example.org", ok},
    {"\"\" <a@b.example>", "", "a@b.example", "b.example", ok},
    {"Nutswijzer<0YPSesP@alfagroupoo.net>", "Nutswijzer", "0YPSesP@alfagroupoo.net", "alfagroupoo.net", ok},
    {"\"Metamask.io\"<customer_service@tpg.com.au>", "Metamask.io", "customer_service@tpg.com.au", "tpg.com.au", ok},
    {"Netflix.com <join_now_99613@monkey.dyana.shop >", "Netflix.com", "join_now_99613@monkey.dyana.shop",
     "monkey.dyana.shop", ok},
    {"  Spaced   Out   Name   <a@b.example>  ", "Spaced Out Name", "a@b.example", "b.example", ok},
    // quoting, commas and escapes inside quotes
    {"\"Doe, John\" <john@x.example>", "Doe, John", "john@x.example", "x.example", ok},
    {"\"John \\\"Johnny\\\" Doe\" <jd@x.example>", "John \"Johnny\" Doe", "jd@x.example", "x.example", ok},
    {"\"back\\\\slash\" <b@x.example>", "back\\slash", "b@x.example", "x.example", ok},
    {"\"ann@client.example (Calendar)\" <calendar-notification@service.example>", "ann@client.example (Calendar)",
     "calendar-notification@service.example", "service.example", ok},
    {"\"support@metamask.io\" <no-reply@proprofs.com>", "support@metamask.io", "no-reply@proprofs.com",
     "proprofs.com", ok},
    {"\"\\\"quoted\\\" start\" <q@x.example>", "\"quoted\" start", "q@x.example", "x.example", ok},
    {"First \"M.\" Last <user@example.org>", "First M. Last", "user@example.org", "example.org", ok},
    {"First\" M. \"Last <user@example.org>", "First M. Last", "user@example.org", "example.org", ok},
    {"\"quoted local\"@example.org", "", "quoted local@example.org", "example.org", ok},
    // obsolete phrase: unquoted dots
    {"John Q. Public <j@x.example>", "John Q. Public", "j@x.example", "x.example", ok},
    {"Bradesco.recompensas <sac@ubuntu-s-1vcpu-512mb-10gb-nyc1-02>", "Bradesco.recompensas",
     "sac@ubuntu-s-1vcpu-512mb-10gb-nyc1-02", "ubuntu-s-1vcpu-512mb-10gb-nyc1-02", ok},
    // comments
    {"user@example.org (Comment text)", "", "user@example.org", "example.org", ok},
    {"First Last <user@example.org> (Comment text)", "First Last", "user@example.org", "example.org", ok},
    {"Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>", "Pete", "pete@silly.test", "silly.test", ok},
    {"(outer (nested) comment) a@b.example", "", "a@b.example", "b.example", ok},
    {"Instant Translator (<Nc@pagesblanches.es>)", "Instant Translator", "Nc@pagesblanches.es", "pagesblanches.es",
     repaired},
    {"\"phishing@pot-f-p\"  (<noreply@digid.nl>)", "phishing@pot-f-p", "noreply@digid.nl", "digid.nl", repaired},
    {"Gelenkpflege,(<service@stayfriends.de>)", "Gelenkpflege", "service@stayfriends.de", "stayfriends.de",
     repaired},
    // groups
    {"Undisclosed:;", "", "", "", ok},
    {"undisclosed-recipients: ;", "", "", "", ok},
    {"team: a@x.example;", "", "a@x.example", "x.example", ok},
    {"team: Ann <a@x.example>;", "Ann", "a@x.example", "x.example", ok},
    // obsolete route, local part, CFWS
    {"<@a.example,@b.example:user@c.example>", "", "user@c.example", "c.example", ok},
    {"Routed <@relay.example:user@c.example>", "Routed", "user@c.example", "c.example", ok},
    {"john . doe@x.example", "", "john.doe@x.example", "x.example", ok},
    {"john.doe @ x . example", "", "john.doe@x.example", "x.example", ok},
    {"Name < user @ example.org >", "Name", "user@example.org", "example.org", ok},
    // folded values
    {"First Last\r\n <user@example.org>", "First Last", "user@example.org", "example.org", ok},
    {"\"Die Folded\r\n\tName\" <n@md.example>", "Die Folded Name", "n@md.example", "md.example", ok},
    {"Name\n <user@example.org>", "Name", "user@example.org", "example.org", ok},
    // RFC 2047 encoded words
    {"=?UTF-8?B?0JrQuNGA0LjQu9C70LjRhtCw?= <user@example.org>", "Кириллица", "user@example.org", "example.org", ok},
    {"=?utf-8?Q?Oekra=C3=AFense?= Meisjes <info@mail.deseire.co>", "Oekraïense Meisjes", "info@mail.deseire.co",
     "mail.deseire.co", ok},
    {"=?ISO-8859-1?Q?J=F6rg_M=FCller?= <jm@x.example>", "Jörg Müller", "jm@x.example", "x.example", ok},
    {"=?iso-8859-1?q?J=F6rg?= =?iso-8859-1?q?_M=FCller?= <jm@x.example>", "Jörg Müller", "jm@x.example", "x.example",
     ok},
    {"=?windows-1252?Q?=93Smart=94_Quotes_=80?= <w@x.example>", "\u201CSmart\u201D Quotes \u20AC", "w@x.example",
     "x.example", ok},
    {"=?KOI8-R?B?8NLJ18XU?= <k@x.example>", "Привет", "k@x.example", "x.example", ok},
    {"\"=?UTF-8?B?VVBzzLfCri1FUw==?=\"<info@austindunlap.example>", "UPs\u0337\u00AE-ES", "info@austindunlap.example",
     "austindunlap.example", ok},
    {"=?utf-8?B?QmxvY2tjaGFpbi5jb20=?= (=?utf-8?Q?caf=C3=A9?=) <b@x.example>", "Blockchain.com", "b@x.example",
     "x.example", ok},
    // raw 8-bit UTF-8 display names
    {"Google Storage🚨<otto-newsletter@newsletter.otto.de>", "Google Storage🚨", "otto-newsletter@newsletter.otto.de",
     "newsletter.otto.de", ok},
    {"\"🫦Annalisa👅\" <newsmail@appR3.serenitepure.fr>", "🫦Annalisa👅", "newsmail@appr3.serenitepure.fr",
     "appr3.serenitepure.fr", ok},
    // domains: case, trailing dot, IDN, literal
    {"Big <USER@EXAMPLE.ORG>", "Big", "USER@example.org", "example.org", ok},
    {"<a@example.org.>", "", "a@example.org", "example.org", ok},
    {"Jörg <jörg@bücher.example>", "Jörg", "jörg@xn--bcher-kva.example", "xn--bcher-kva.example", ok},
    {"<a@BÜCHER.example>", "", "a@xn--bcher-kva.example", "xn--bcher-kva.example", ok},
    {"<a@xn--bcher-kva.example>", "", "a@xn--bcher-kva.example", "xn--bcher-kva.example", ok},
    {"<a@XN--BCHER-KVA.EXAMPLE>", "", "a@xn--bcher-kva.example", "xn--bcher-kva.example", ok},
    {"user@[192.0.2.1]", "", "user@[192.0.2.1]", "[192.0.2.1]", ok},
    {"DB <noreply@\xF0\x9D\x97\xB1\xF0\x9D\x97\xB2.de>", "DB", "noreply@de.de", "de.de", repaired},  // math bold "de"
    {"<a@\xEF\xBD\x85xample.com>", "", "a@example.com", "example.com", repaired},  // fullwidth e
    {"Lit <user@[IPv6:2001:DB8::1]>", "Lit", "user@[ipv6:2001:db8::1]", "[ipv6:2001:db8::1]", ok},
    // the two known traps
    {"fooo@foo.fo- private <fooo@foo.fo>", "fooo@foo.fo- private", "fooo@foo.fo", "foo.fo", repaired},
    {"phishing@pot-f-p  <noreply@digid.nl>", "phishing@pot-f-p", "noreply@digid.nl", "digid.nl", repaired},
    // unquoted commas as phishers write them
    {"Microsoft account team ,_<x@random.com>", "Microsoft account team ,_", "x@random.com", "random.com", repaired},
    {"Doe, John <john@x.com>", "Doe, John", "john@x.com", "x.com", repaired},
    {"Lowes      ,_<0qvlg@vku1bdeslc.com>", "Lowes ,_", "0qvlg@vku1bdeslc.com", "vku1bdeslc.com", repaired},
    {"UPS, <info@ml.femmeactuelle-news.fr>", "UPS", "info@ml.femmeactuelle-news.fr", "ml.femmeactuelle-news.fr",
     repaired},
    {"Nutella partner, jehd <service@stayfriends.de>", "Nutella partner, jehd", "service@stayfriends.de",
     "stayfriends.de", repaired},
    {"\"ENENCE Übersetzer\", \"ENENCE Übersetzer\" <service@stayfriends.de>", "ENENCE Übersetzer, ENENCE Übersetzer",
     "service@stayfriends.de", "stayfriends.de", repaired},
    {"Dexter Tool Set,<renew@thoitrang4teen.cfd>", "Dexter Tool Set", "renew@thoitrang4teen.cfd",
     "thoitrang4teen.cfd", repaired},
    // other broken forms
    {"\"UPS\"<info@unclosed.example", "UPS", "info@unclosed.example", "unclosed.example", repaired},
    {"Boulanger  [Black Friday]  <renew@staroflife.example>", "Boulanger [Black Friday]", "renew@staroflife.example",
     "staroflife.example", repaired},
    {"Truco <newsletter.phishing@pot@goitrogen.example>", "Truco", "newsletter.phishing@pot@goitrogen.example",
     "goitrogen.example", repaired},
    {"MAILER-DAEMON (Mail Delivery System)", "", "MAILER-DAEMON", "", repaired},
    {"<<a@b.example>>", "", "a@b.example", "b.example", repaired},
    {"<>", "", "", "", unparsable},
    {"", "", "", "", unparsable},
    {"Standard Chartered Kenya PLC Settings---", "", "", "", unparsable},
    {"Rastreamento <correios@923770%meuspedidos.com.br>", "", "", "", unparsable},
    {"Costco Confirmation <noreply@info,boots,com>", "", "", "", unparsable},
    {"user@", "", "", "", unparsable},
};

const char* status_name(ParseStatus status) {
    switch (status) {
        case ParseStatus::ok: return "ok";
        case ParseStatus::repaired: return "repaired";
        case ParseStatus::unparsable: return "unparsable";
    }
    return "?";
}

}  // namespace

TEST_CASE("From header forms parse to the expected first mailbox", "[mail]") {
    REQUIRE(from_cases.size() >= 60);
    for (const FromCase& c : from_cases) {
        INFO("From: " << c.input);
        const sg::mail::AddressList list = sg::mail::parse_address_list(c.input);
        INFO("problem: " << list.problem);
        CHECK(std::string(status_name(list.status)) == status_name(c.status));
        if (c.status != ParseStatus::ok) CHECK_FALSE(list.problem.empty());
        if (std::string(c.address).empty()) {
            CHECK(list.mailboxes.empty());
            continue;
        }
        REQUIRE_FALSE(list.mailboxes.empty());
        const sg::mail::Mailbox& first = list.mailboxes.front();
        CHECK(first.display_name == c.display_name);
        CHECK(first.address() == c.address);
        CHECK(first.domain == c.domain);
    }
}

TEST_CASE("the display-text trap never yields the display text as a domain", "[mail]") {
    const auto list = sg::mail::parse_address_list("fooo@foo.fo- private <fooo@foo.fo>");
    REQUIRE(list.mailboxes.size() == 1);
    CHECK(list.mailboxes[0].domain == "foo.fo");
    CHECK(list.mailboxes[0].domain.find("private") == std::string::npos);
}

TEST_CASE("U-label and A-label spellings of a domain compare equal", "[mail]") {
    const auto unicode = sg::mail::parse_address_list("a@Bücher.Example");
    const auto ascii = sg::mail::parse_address_list("a@xn--bcher-kva.example");
    REQUIRE(unicode.mailboxes.size() == 1);
    REQUIRE(ascii.mailboxes.size() == 1);
    CHECK(unicode.mailboxes[0].domain == ascii.mailboxes[0].domain);
    CHECK(unicode.mailboxes[0].domain_unicode == "bücher.example");
    CHECK(ascii.mailboxes[0].domain_unicode == "bücher.example");
}

TEST_CASE("comments are kept in the mailbox comment", "[mail]") {
    const auto list = sg::mail::parse_address_list("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>");
    REQUIRE(list.mailboxes.size() == 1);
    CHECK(list.mailboxes[0].comment == "A nice ) chap his account his host");
    const auto encoded = sg::mail::parse_address_list("a@b.example (=?utf-8?Q?caf=C3=A9?=)");
    REQUIRE(encoded.mailboxes.size() == 1);
    CHECK(encoded.mailboxes[0].comment == "café");
}

TEST_CASE("address lists and groups are flattened in order", "[mail]") {
    const auto list = sg::mail::parse_address_list(
        "Ann <a@x.example>, team: b@y.example, \"C, D\" <c@z.example>;, e@w.example");
    CHECK(list.status == ParseStatus::ok);
    REQUIRE(list.mailboxes.size() == 4);
    CHECK(list.mailboxes[0].address() == "a@x.example");
    CHECK(list.mailboxes[1].address() == "b@y.example");
    CHECK(list.mailboxes[2].display_name == "C, D");
    CHECK(list.mailboxes[3].address() == "e@w.example");
}

TEST_CASE("unquoted commas split pieces that each carry their own address", "[mail]") {
    const auto list =
        sg::mail::parse_address_list("Bitcoin, <service@stayfriends.de.>, Office, <service@stayfriends.de>");
    CHECK(list.status == ParseStatus::repaired);
    REQUIRE(list.mailboxes.size() == 2);
    CHECK(list.mailboxes[0].display_name == "Bitcoin");
    CHECK(list.mailboxes[1].display_name == "Office");
    const auto trailing = sg::mail::parse_address_list("Amazon Gutschein, <service@stayfriends.de.>, Office,");
    REQUIRE(trailing.mailboxes.size() == 1);
    CHECK(trailing.status == ParseStatus::repaired);
    CHECK(trailing.problem.find("text without an address") != std::string::npos);
}
