// Tests for ProtectedNames: file parsing and errors, and the impersonation table of
// display names that must and must not match a protected person.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "identity/protected_names.hpp"

using sg::identity::ProtectedNames;

namespace {

const char* const people =
    "# test people\n"
    "Jane Doe: jane.doe@example.com, jdoe@example.com\n"
    "Paul Martin: paul.martin@example.com\n"
    "José Núñez: jose.nunez@example.com\n"
    "Sam Smith: sam.smith@example.com\n"
    "Madonna: madonna@example.com\n";

}  // namespace

TEST_CASE("display names that impersonate, and names that do not", "[identity]") {
    const ProtectedNames names = ProtectedNames::parse(people, "protected_names");
    struct Row {
        const char* display_name;
        const char* person;  // empty: no match
        const char* how;
    };
    const Row rows[] = {
        {"Jane Doe", "Jane Doe", "exact"},
        {"  Jane Doe ", "Jane Doe", "exact"},
        {"jane doe", "Jane Doe", "normalized"},
        {"JANE DOE", "Jane Doe", "normalized"},
        {"Jane  Doe", "Jane Doe", "normalized"},
        {"Jane.Doe", "Jane Doe", "normalized"},
        {"Jane-Doe", "Jane Doe", "normalized"},
        {"\"Jane Doe.\"", "Jane Doe", "normalized"},
        {"Jane\xC2\xA0" "Doe", "Jane Doe", "normalized"},              // no-break space
        {"J\xE2\x80\x8B" "ane Doe", "Jane Doe", "normalized"},         // zero-width space
        {"\xEF\xBC\xAA\xEF\xBD\x81\xEF\xBD\x8E\xEF\xBD\x85 \xEF\xBC\xA4\xEF\xBD\x8F\xEF\xBD\x85", "Jane Doe",
         "normalized"},                                                 // fullwidth
        {"Doe, Jane", "Jane Doe", "reordered"},
        {"DOE JANE", "Jane Doe", "reordered"},
        {"Jane Doe (CEO)", "Jane Doe", "extra_words"},
        {"Jane Doe, CEO", "Jane Doe", "extra_words"},
        {"CEO Jane Doe", "Jane Doe", "extra_words"},
        {"Dr. Jane Doe", "Jane Doe", "extra_words"},
        {"Jane Doe - Chief Executive Officer", "Jane Doe", "extra_words"},
        {"Jane Doe via Email", "Jane Doe", "extra_words"},
        {"Jane A. Doe", "Jane Doe", "extra_words"},
        {"Doe, Jane (CEO)", "Jane Doe", "reordered+extra_words"},
        {"J\xD0\xB0ne D\xD0\xBE\xD0\xB5", "Jane Doe", "confusable"},   // Cyrillic а о е
        {"J\xCE\xB1ne D\xCE\xBF" "e", "Jane Doe", "confusable"},       // Greek α ο
        {"Jane D0e", "Jane Doe", "confusable"},
        {"Pau1 Martin", "Paul Martin", "confusable"},                  // digit one for l
        {"Jane Doe \xF0\x9F\x99\x82", "Jane Doe", "normalized"},         // emoji is not a word
        {"Jan\xC3\xA9 Doe", "Jane Doe", "diacritics"},                 // Jané
        {"J\xC3\xA4ne D\xC3\xB6" "e", "Jane Doe", "diacritics"},       // Jäne Döe
        {"Pau" "I Martin", "Paul Martin", "confusable"},               // capital I for l
        {"PAUL MARTIN", "Paul Martin", "normalized"},
        {"Jose Nunez", "José Núñez", "diacritics"},
        {"JOSÉ NÚÑEZ", "José Núñez", "normalized"},
        {"Jose\xCC\x81 Nu\xCC\x81n\xCC\x83" "ez", "José Núñez", "normalized"},  // decomposed accents
        {"Sarn Srnith", "Sam Smith", "confusable"},                    // rn for m
        {"Madonna", "Madonna", "exact"},
        {"MADONNA!", "Madonna", "normalized"},
        // not an impersonation
        {"", "", ""},
        {"   ", "", ""},
        {"...", "", ""},
        {"Jane Smith", "", ""},
        {"Janet Doering", "", ""},
        {"Jane Doering", "", ""},
        {"Jane", "", ""},
        {"Doe", "", ""},
        {"J. Doe", "", ""},
        {"JaneDoe", "", ""},
        {"John Doe", "", ""},
        {"Iane Doe", "", ""},
        {"Paula Martin", "", ""},
        {"Sam Smithers", "", ""},
        {"Madonna Fan Club", "", ""},
        {"\xFF\xFE Jane", "", ""},                                     // invalid UTF-8
    };
    for (const Row& row : rows) {
        INFO("display name: [" << row.display_name << "]");
        const auto match = names.match(row.display_name);
        if (*row.person == '\0') {
            CHECK_FALSE(match.has_value());
            continue;
        }
        REQUIRE(match.has_value());
        CHECK(match->person->name == row.person);
        CHECK(match->how == row.how);
    }
}

TEST_CASE("a more specific protected name is the best match; match_all lists every one", "[identity]") {
    const ProtectedNames names = ProtectedNames::parse(
        "Jane Doe: jane.doe@example.com\n"
        "Jane Doe Smith: jds@example.com\n",
        "p");
    const auto all = names.match_all("Jane Doe Smith");
    REQUIRE(all.size() == 2);
    CHECK(all[0].person->name == "Jane Doe Smith");
    CHECK(all[0].how == "exact");
    CHECK(all[1].person->name == "Jane Doe");
    CHECK(all[1].how == "extra_words");
    CHECK(names.match_all("Jane Smith").empty());
}

TEST_CASE("a repeated name token needs as many display tokens", "[identity]") {
    const ProtectedNames names = ProtectedNames::parse("Maria Maria: maria@example.com\n", "p");
    CHECK_FALSE(names.match("Maria Lopez"));
    CHECK(names.match("Maria  maria"));
}

TEST_CASE("protected people own their addresses, with extensions and IDN", "[identity]") {
    const ProtectedNames names = ProtectedNames::parse(
        "Jane Doe: Jane.Doe@Example.com, jdoe@bücher.example\n"
        "John Smith: john.smith@example.com\n"
        "Smith, John: jsmith2@example.com\n",
        "p");
    REQUIRE(names.people().size() == 2);  // the two John Smith lines are merged
    const auto& jane = names.people()[0];
    CHECK(jane.addresses == std::vector<std::string>{"jane.doe@example.com", "jdoe@xn--bcher-kva.example"});
    CHECK(jane.name_tokens == std::vector<std::string>{"doe", "jane"});
    CHECK(jane.owns_address("jane.doe@example.com"));
    CHECK(jane.owns_address("JANE.DOE@example.COM"));
    CHECK(jane.owns_address("jane.doe+news@example.com"));
    CHECK(jane.owns_address("jane.doe-news@example.com", "+-"));
    CHECK_FALSE(jane.owns_address("jane.doe-news@example.com"));
    CHECK(jane.owns_address("jdoe@xn--bcher-kva.example"));
    CHECK(jane.owns_address("jdoe@Bücher.example"));
    CHECK_FALSE(jane.owns_address("jane.doe@example.net"));
    CHECK_FALSE(jane.owns_address("jane.doe"));
    CHECK_FALSE(jane.owns_address(""));

    const auto john = names.match("John Smith");
    REQUIRE(john);
    CHECK(john->person->owns_address("john.smith@example.com"));
    CHECK(john->person->owns_address("jsmith2@example.com"));
}

TEST_CASE("malformed protected-name lines are ConfigErrors naming file and line", "[identity]") {
    struct Row {
        const char* text;
        std::size_t line;
        const char* reason;
    };
    const Row rows[] = {
        {"Jane Doe jane.doe@example.com\n", 1, "no ':' found"},
        {"# people\nJane Doe: jane@example.com\n\nRichard Roe\n", 4, "no ':' found"},
        {": jane@example.com\n", 1, "empty name"},
        {"!!! -- : jane@example.com\n", 1, "has no letters or digits"},
        {"Jane Doe:\n", 1, "no addresses"},
        {"Jane Doe:   ,  \n", 1, "no addresses"},
        {"Jane Doe: jane\n", 1, "invalid address 'jane'"},
        {"Jane Doe: jane@exa..mple.com\n", 1, "invalid address"},
        {"Jane Doe: a@b@example.com\n", 1, "invalid address"},
        {"Jane Doe: jane@example.com,\n   jdoe@\n", 2, "invalid address 'jdoe@'"},
        {"Jane Doe: jane@example.com # CEO\n", 1, "'#' starts a comment"},
        {"  jane@example.com\nJane Doe: jane@example.com\n", 1, "continuation line"},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        try {
            ProtectedNames::parse(row.text, "conf/protected_names");
            FAIL("no ConfigError");
        } catch (const sg::core::ConfigError& error) {
            CHECK(error.line() == row.line);
            const std::string what = error.what();
            CHECK_THAT(what, Catch::StartsWith("conf/protected_names:" + std::to_string(row.line) + ": "));
            CHECK_THAT(what, Catch::Contains(row.reason));
        }
    }
    CHECK_THROWS_AS(ProtectedNames::load_file("/nonexistent/protected_names"), sg::core::ConfigError);
}

TEST_CASE("a huge display name is bounded and still matched at its start", "[identity]") {
    const ProtectedNames names = ProtectedNames::parse(people, "p");
    std::string huge = "Jane Doe";
    while (huge.size() < 300 * 1024) huge += " lorem ipsum";
    const auto match = names.match(huge);
    REQUIRE(match);
    CHECK(match->how == "extra_words");
}

TEST_CASE("an empty list matches nothing", "[identity]") {
    const ProtectedNames names = ProtectedNames::parse("# nobody yet\n", "p");
    CHECK(names.empty());
    CHECK_FALSE(names.match("Jane Doe"));
}

TEST_CASE("matching is safe from several threads at once", "[identity]") {
    const ProtectedNames names = ProtectedNames::parse(people, "p");
    std::vector<std::thread> threads;
    std::vector<int> found(4, 0);
    for (std::size_t t = 0; t < found.size(); ++t) {
        threads.emplace_back([&names, &found, t] {
            for (int i = 0; i < 200; ++i) {
                if (names.match("J\xD0\xB0ne D\xD0\xBE\xD0\xB5 (CEO)")) ++found[t];
                if (names.match("Janet Doering")) --found[t];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(found == std::vector<int>(4, 200));
}
