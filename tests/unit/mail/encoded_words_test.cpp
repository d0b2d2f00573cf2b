// RFC 2047 encoded-word decoding and UTF-8 sanitizing.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "mail/encoded_words.hpp"

using sg::mail::decode_encoded_words;
using sg::mail::sanitize_utf8;

namespace {

struct DecodeCase {
    const char* input;
    const char* expected;
};

const std::vector<DecodeCase> decode_cases = {
    {"plain text", "plain text"},
    {"=?UTF-8?B?w6l0w6k=?=", "été"},
    {"=?utf-8?b?w6l0w6k?=", "été"},  // missing padding
    {"=?UTF-8?Q?caf=C3=A9_au_lait?=", "café au lait"},
    {"=?US-ASCII?Q?Keith_Moore?=", "Keith Moore"},
    {"=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard"},
    {"=?ISO-8859-2?Q?=A3=F3d=BC?=", "Łódź"},
    {"=?ISO-8859-15?Q?=A4?=", "€"},
    {"=?iso-8859-5?B?tNDe?=", "Дао"},
    {"=?windows-1250?Q?=8Akoda?=", "Škoda"},
    {"=?Windows-1251?B?z/Do4uXy?=", "Привет"},
    {"=?windows-1252?Q?=80uro?=", "€uro"},
    {"=?KOI8-R?B?8NLJ18XU?=", "Привет"},
    {"=?KOI8-U?Q?=A4?=", "є"},
    {"=?GB2312?B?1tDOxA==?=", "中文"},
    {"=?GBK?B?1tDOxA==?=", "中文"},
    {"=?Big5?B?pKSk5Q==?=", "中文"},
    {"=?Shift_JIS?B?k/qWe4zq?=", "日本語"},
    {"=?EUC-JP?B?xvzL3Ljs?=", "日本語"},
    {"=?EUC-KR?B?x9Gxub7u?=", "한국어"},
    {"=?utf-8*en?Q?with_language?=", "with language"},
    {"=?ISO-8859-1*fr?Q?fran=E7ais?=", "français"},
    {"=?utf-8?Q?a?= =?utf-8?Q?b?=", "ab"},        // whitespace between words dropped
    {"=?utf-8?Q?a?=\r\n =?utf-8?Q?b?=", "ab"},   // also when folded
    {"=?utf-8?Q?a?= x =?utf-8?Q?b?=", "a x b"},  // kept next to ordinary text
    {"=?x-unknown?Q?abc?=", "=?x-unknown?Q?abc?="},  // unknown charset: kept literally
    {"=?utf-8?X?abc?=", "=?utf-8?X?abc?="},          // unknown encoding
    {"=?utf-8?Q?no end", "=?utf-8?Q?no end"},
    {"=?utf-8?Q?sp ace?=", "=?utf-8?Q?sp ace?="},
    {"=?utf-8?Q?bad=ZZhex?=", "bad=ZZhex"},
    {"prefix=?utf-8?Q?glued?=suffix", "prefixgluedsuffix"},
};

}  // namespace

TEST_CASE("encoded words decode to UTF-8 in many charsets", "[mail]") {
    for (const DecodeCase& c : decode_cases) {
        INFO("input: " << c.input);
        CHECK(decode_encoded_words(c.input) == c.expected);
    }
}

TEST_CASE("decoded text is always valid UTF-8", "[mail]") {
    // B-encoded invalid UTF-8 bytes "\xFF\xFE" declared as UTF-8
    CHECK(decode_encoded_words("=?utf-8?B?//4=?=") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(decode_encoded_words("raw \xC0\xAF") == "raw \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("sanitize_utf8 replaces invalid sequences and drops controls", "[mail]") {
    CHECK(sanitize_utf8("ok") == "ok");
    CHECK(sanitize_utf8("tab\tkept") == "tab\tkept");
    CHECK(sanitize_utf8(std::string("nul\0gone", 8)) == "nulgone");
    CHECK(sanitize_utf8("line\r\nbreak") == "linebreak");
    CHECK(sanitize_utf8("\xE2\x82\xAC") == "€");
    CHECK(sanitize_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated sequence
    CHECK(sanitize_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
    CHECK(sanitize_utf8("\xC0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong NUL
    CHECK(sanitize_utf8("\xF4\x90\x80\x80").find("\xEF\xBF\xBD") == 0);  // above U+10FFFF
    CHECK(sanitize_utf8("\xF0\x9F\x9A\xA8") == "🚨");
}
