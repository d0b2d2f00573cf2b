// Tests for configuration loading: defaults, every parameter, errors with
// file:line, map files, and the documentation of every parameter.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/config.hpp"
#include "config/parameters.hpp"
#include "core/error.hpp"
#include "core/finding_catalog.hpp"

namespace {

namespace fs = std::filesystem;

struct TempDir {
    fs::path path;
    TempDir() {
        char pattern[] = "/tmp/sg-config-XXXXXX";
        path = mkdtemp(pattern);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
        return (path / name).string();
    }
};

std::string load_error(const std::string& toml) {
    TempDir dir;
    std::string file = dir.write("sg.toml", toml);
    try {
        sg::config::load_config(file);
    } catch (const sg::core::ConfigError& error) {
        std::string message = error.what();
        REQUIRE(message.rfind(file, 0) == 0);  // always names the file first
        return message.substr(file.size());
    }
    FAIL("configuration was accepted: " << toml);
    return {};
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("an empty file gives the built-in defaults", "[config]") {
    TempDir dir;
    auto config = sg::config::load_config(dir.write("empty.toml", ""));
    auto defaults = sg::config::default_config();
    CHECK(config->milter.socket == defaults->milter.socket);
    CHECK(config->milter.error_action == sg::core::Action::tempfail);
    CHECK(config->policy.weights == defaults->policy.weights);
    CHECK(config->identity.default_domain.empty());
    CHECK(config->identity.trusted_networks.empty());
    CHECK_FALSE(config->policy.monitor);
    CHECK(config->weight_for("identity.from_not_owned", "identity.from_not_owned") == 10);
    CHECK(config->weight_for("identity.from_not_owned.on_behalf", "identity.from_not_owned") == 4);
    REQUIRE(config->identity.ownership != nullptr);
    REQUIRE(config->identity.protected_names != nullptr);
}

TEST_CASE("every parameter is read", "[config]") {
    TempDir dir;
    std::string maps = dir.write("maps", "team@example.com alice@example.com\n");
    std::string names = dir.write("names", "Jane Doe: jane@example.com\n");
    auto config = sg::config::load_config(dir.write("full.toml", R"(
[milter]
socket = "unix:/run/sg.sock"
user = "nobody"
group = "nogroup"
backlog = 1024
timeout = 60
error_action = "accept"
pid_file = "/run/sg.pid"
[identity]
default_domain = "EXAMPLE.com."
protected_domains = ["bücher.example"]
recipient_delimiter = "+-"
delegation_map = ")" + maps + R"("
protected_names = ")" + names + R"("
trusted_networks = ["10.0.0.0/8", "2001:db8::/32"]
[policy]
mode = "monitor"
tag_threshold = 2
quarantine_threshold = 5.5
reject_threshold = 9
[policy.weights]
"identity.from_not_owned" = 7
[policy.actions]
"header.from_multiple" = "reject"
[report]
evidence_file = "/tmp/e.jsonl"
syslog = false
header_name = "X-Identity-Check"
reject_reply = "Not your address"
tempfail_reply = "Later please"
)"));
    CHECK(config->milter.socket == "unix:/run/sg.sock");
    CHECK(config->milter.user == "nobody");
    CHECK(config->milter.group == "nogroup");
    CHECK(config->milter.backlog == 1024);
    CHECK(config->milter.timeout_seconds == 60);
    CHECK(config->milter.error_action == sg::core::Action::accept);
    CHECK(config->milter.pid_file == "/run/sg.pid");
    CHECK(config->identity.default_domain == "example.com");
    REQUIRE(config->identity.protected_domains.size() == 1);
    CHECK(config->identity.protected_domains[0] == "xn--bcher-kva.example");
    CHECK(config->identity.recipient_delimiters == "+-");
    CHECK(config->identity.trusted_networks.size() == 2);
    CHECK(config->policy.monitor);
    CHECK(config->policy.tag_threshold == 2);
    CHECK(config->policy.quarantine_threshold == 5.5);
    CHECK(config->policy.reject_threshold == 9);
    CHECK(config->policy.weights.at("identity.from_not_owned") == 7);
    CHECK(config->policy.weights.at("header.from_missing") == 3);  // untouched defaults stay
    CHECK(config->policy.actions.at("header.from_multiple") == sg::core::Action::reject);
    CHECK(config->report.evidence_file == "/tmp/e.jsonl");
    CHECK_FALSE(config->report.syslog);
    CHECK(config->report.header_name == "X-Identity-Check");
    CHECK(config->report.reject_reply == "Not your address");
    CHECK(config->report.tempfail_reply == "Later please");
    CHECK(config->identity.protected_names->people().size() == 1);
    CHECK(config->version.size() == 16);
}

TEST_CASE("bad configuration is refused with file:line and the reason", "[config]") {
    struct Row { std::string toml; std::string expected; };
    const Row rows[] = {
        {"[milter]\nsocket = 5\n", ":2: milter.socket: expected a string"},
        {"[milter]\nsocket = \"tcp:25\"\n", ":2: milter.socket: expected inet:PORT@HOST"},
        {"[milter]\n\nbacklog = 3\n", ":3: milter.backlog: must be between 16 and 65535"},
        {"[milter]\nerror_action = \"reject\"\n", ":2: milter.error_action: must be accept or tempfail"},
        {"[milter]\nsokcet = \"unix:/x\"\n", ":2: unknown parameter \"milter.sokcet\""},
        {"[milters]\nsocket = \"unix:/x\"\n", ":1: unknown parameter \"milters\""},
        {"[identity]\ndefault_domain = \"not a domain\"\n", ":2: identity.default_domain: \"not a domain\" is not"},
        {"[identity]\ntrusted_networks = [\n \"10.0.0.0/8\",\n \"10.0.0.0/99\"]\n",
         ":4: identity.trusted_networks: \"10.0.0.0/99\" is not an address or CIDR prefix"},
        {"[identity]\ntrusted_networks = \"10.0.0.0/8\"\n", ":2: identity.trusted_networks: expected a list"},
        {"[policy]\nmode = \"strict\"\n", ":2: policy.mode: must be \"enforce\" or \"monitor\""},
        {"[policy]\ntag_threshold = \"high\"\n", ":2: policy.tag_threshold: expected a number"},
        {"[policy.weights]\n\"identity.from_not_owned\" = 3\n\"identity.form_not_owned\" = 3\n",
         ":3: policy.weights: unknown finding id \"identity.form_not_owned\""},
        {"[policy.weights]\n\"header.from_missing\" = -1\n", ":2: policy.weights: weight of header.from_missing: must be"},
        {"[policy.actions]\n\"header.from_missing\" = \"discard\"\n",
         ":2: policy.actions: action for header.from_missing: unknown action \"discard\""},
        {"[report]\nheader_name = \"X Bad\"\n", ":2: report.header_name: a header name is printable ASCII"},
        {"[report]\nreject_reply = \"two\\nlines\"\n", ":2: report.reject_reply: SMTP reply text must be printable"},
        {"[report]\nsyslog = \"yes\"\n", ":2: report.syslog: expected true or false"},
        {"[milter\nsocket = 1\n", ":1: "},
        {"[policy]\ntag_threshold = 9\nquarantine_threshold = 5\n", ": policy thresholds must satisfy"},
    };
    for (const Row& row : rows) {
        INFO(row.toml);
        std::string message = load_error(row.toml);
        CHECK(message.rfind(row.expected, 0) == 0);
        if (message.rfind(row.expected, 0) != 0) WARN("got: " << message);
    }
}

TEST_CASE("errors in referenced map files name that file and line", "[config]") {
    TempDir dir;
    std::string maps = dir.write("maps", "# comment\nteam@example.com alice\n@\n");
    std::string toml = dir.write("sg.toml", "[identity]\ndelegation_map = \"" + maps + "\"\n");
    try {
        sg::config::load_config(toml);
        FAIL("accepted a broken map");
    } catch (const sg::core::ConfigError& error) {
        CHECK(std::string(error.what()).rfind(maps + ":3:", 0) == 0);
    }
    std::string missing = dir.write("sg2.toml", "[identity]\nprotected_names = \"/nonexistent/names\"\n");
    CHECK_THROWS_WITH(sg::config::load_config(missing), Catch::Contains("/nonexistent/names"));
    CHECK_THROWS_WITH(sg::config::load_config("/nonexistent/sg.toml"),
                      Catch::StartsWith("/nonexistent/sg.toml: cannot read"));
}

TEST_CASE("the shipped example configuration loads once its maps are in place", "[config]") {
    std::string text = read_text(SENDERGUARD_SOURCE_DIR "/conf/senderguard.toml");
    REQUIRE_FALSE(text.empty());
    // Point the /etc paths at the example maps shipped beside it.
    for (const std::string name : {"sender_login_maps", "protected_names"}) {
        std::string from = "/etc/senderguard/" + name;
        text.replace(text.find(from), from.size(), SENDERGUARD_SOURCE_DIR "/conf/" + name);
    }
    TempDir dir;
    auto config = sg::config::load_config(dir.write("example.toml", text));
    CHECK(config->identity.default_domain == "example.com");
    CHECK(config->policy.actions.count("identity.from_not_owned") == 1);
    CHECK_FALSE(config->identity.protected_names->empty());
}

TEST_CASE("every parameter and finding id is documented", "[config]") {
    std::string configuration = read_text(SENDERGUARD_SOURCE_DIR "/docs/configuration.md");
    std::string findings = read_text(SENDERGUARD_SOURCE_DIR "/docs/findings.md");
    REQUIRE_FALSE(configuration.empty());
    REQUIRE_FALSE(findings.empty());
    for (const sg::config::Parameter& parameter : sg::config::parameter_table()) {
        INFO(parameter.key);
        CHECK(configuration.find("`" + std::string(parameter.key) + "`") != std::string::npos);
    }
    for (const sg::core::FindingInfo& info : sg::core::finding_catalog()) {
        INFO(info.id);
        CHECK(findings.find("`" + std::string(info.id) + "`") != std::string::npos);
    }
}
