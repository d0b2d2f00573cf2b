// test_support - helpers shared by unit tests.
#include "test_support.hpp"

#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "mail/message_reader.hpp"

namespace sg::test {

TempDir::TempDir() {
    char pattern[] = "/tmp/sg-test-XXXXXX";
    path_ = mkdtemp(pattern);
}

TempDir::~TempDir() { std::filesystem::remove_all(path_); }

std::string TempDir::write(const std::string& name, const std::string& text) const {
    std::string file = path_ + "/" + name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
}

std::shared_ptr<const config::Config> config_from_toml(const std::string& toml,
                                                       const std::vector<std::pair<std::string, std::string>>& files) {
    TempDir dir;
    for (const auto& [name, text] : files) dir.write(name, text);
    std::string text = toml;
    // Hermetic DNS unless the test brings its own: every name answers NXDOMAIN.
    if (text.find("[dns]") == std::string::npos) {
        dir.write("empty.zone", "");
        text += "\n[dns]\nlocal_data = \"@DIR@/empty.zone\"\n";
    }
    for (std::size_t at = text.find("@DIR@"); at != std::string::npos; at = text.find("@DIR@", at))
        text.replace(at, 5, dir.path());
    return config::load_config(dir.write("senderguard.toml", text));
}

core::Transaction make_transaction(const std::string& header_block, const Envelope& envelope) {
    core::Transaction tx;
    mail::RawMessage message = mail::read_message(header_block + "\r\n\r\nbody\r\n");
    tx.headers = std::move(message.headers);
    tx.body_size = message.body_size;
    tx.auth.login = envelope.login;
    tx.envelope.mail_from = envelope.mail_from;
    tx.envelope.recipients = {"rcpt@example.net"};
    tx.connection.client_ip = envelope.client_ip;
    tx.connection.helo = "client.example";
    return tx;
}

}  // namespace sg::test
