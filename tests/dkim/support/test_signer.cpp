// test_signer - OpenSSL key generation and libopendkim signing for tests.
#include "test_signer.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <stdexcept>

#include "dkim/message_text.hpp"
#include "dkim/opendkim_api.hpp"

namespace sg::dkim::test {
namespace {

std::string base64(const unsigned char* data, std::size_t size) {
    std::string out(4 * ((size + 2) / 3) + 1, '\0');
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

std::string private_pem(EVP_PKEY* key) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        throw std::runtime_error("cannot write private key");
    }
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

struct SigningLibrary {
    SigningLibrary() : lib(dkim_init(nullptr, nullptr)) {
        if (lib == nullptr) throw std::runtime_error("dkim_init failed");
    }
    ~SigningLibrary() { dkim_close(lib); }
    DKIM_LIB* lib;
};

}  // namespace

TestKey generate_key(KeyKind kind, unsigned bits) {
    TestKey key;
    key.kind = kind;
    EVP_PKEY* raw = kind == KeyKind::rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits))
                                         : EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (raw == nullptr) throw std::runtime_error("key generation failed");
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> pkey(raw, EVP_PKEY_free);
    key.private_pem = private_pem(pkey.get());
    if (kind == KeyKind::rsa) {
        key.bits = bits;
        unsigned char* der = nullptr;
        const int size = i2d_PUBKEY(pkey.get(), &der);
        if (size <= 0) throw std::runtime_error("cannot encode public key");
        key.record = "v=DKIM1; k=rsa; p=" + base64(der, static_cast<std::size_t>(size));
        OPENSSL_free(der);
    } else {
        key.bits = 256;
        unsigned char raw_public[32];
        std::size_t size = sizeof raw_public;
        if (EVP_PKEY_get_raw_public_key(pkey.get(), raw_public, &size) != 1) {
            throw std::runtime_error("cannot read Ed25519 public key");
        }
        key.record = "v=DKIM1; k=ed25519; p=" + base64(raw_public, size);
    }
    return key;
}

const TestKey& shared_rsa_key() {
    static const TestKey key = generate_key(KeyKind::rsa, 2048);
    return key;
}

const TestKey& shared_ed25519_key() {
    static const TestKey key = generate_key(KeyKind::ed25519);
    return key;
}

std::string sign_message(std::string_view message, const TestKey& key, const SignOptions& options) {
    static SigningLibrary signing;
    const std::string crlf = to_crlf(message);
    const SplitMessage parts = split_message(crlf);

    const dkim_alg_t algorithm = options.algorithm == SignAlgorithm::rsa_sha1   ? DKIM_SIGN_RSASHA1
                                 : options.algorithm == SignAlgorithm::rsa_sha256 ? DKIM_SIGN_RSASHA256
                                                                                  : DKIM_SIGN_ED25519SHA256;
    const dkim_canon_t canon = options.relaxed ? DKIM_CANON_RELAXED : DKIM_CANON_SIMPLE;
    DKIM_STAT status = DKIM_STAT_OK;
    std::string secret = key.private_pem;
    DKIM* dkim = dkim_sign(signing.lib, reinterpret_cast<const unsigned char*>("test"), nullptr,
                           reinterpret_cast<dkim_sigkey_t>(secret.data()),
                           reinterpret_cast<const unsigned char*>(options.selector.c_str()),
                           reinterpret_cast<const unsigned char*>(options.domain.c_str()), canon, canon, algorithm,
                           -1, &status);
    if (dkim == nullptr) throw std::runtime_error("dkim_sign failed: " + std::to_string(status));
    std::unique_ptr<DKIM, decltype(&dkim_free)> guard(dkim, dkim_free);

    for (const auto& field : parts.headers) {
        std::string text = std::string(field.name) + ":" + std::string(field.value);
        if (dkim_header(dkim, reinterpret_cast<u_char*>(text.data()), text.size()) != DKIM_STAT_OK) {
            throw std::runtime_error("dkim_header failed");
        }
    }
    if (dkim_eoh(dkim) != DKIM_STAT_OK) throw std::runtime_error("dkim_eoh failed");
    std::string body(parts.body);
    if (!body.empty() && dkim_body(dkim, reinterpret_cast<u_char*>(body.data()), body.size()) != DKIM_STAT_OK) {
        throw std::runtime_error("dkim_body failed");
    }
    status = dkim_eom(dkim, nullptr);
    if (status != DKIM_STAT_OK) {
        const char* why = dkim_geterror(dkim);
        throw std::runtime_error(std::string("dkim_eom failed: ") + (why != nullptr ? why : "?"));
    }
    u_char* header = nullptr;
    size_t length = 0;
    const std::string prefix = "DKIM-Signature: ";
    if (dkim_getsighdr_d(dkim, prefix.size(), &header, &length) != DKIM_STAT_OK) {
        throw std::runtime_error("dkim_getsighdr_d failed");
    }
    // libopendkim folds with bare LF; a message on the wire has CRLF.
    return to_crlf(prefix + std::string(reinterpret_cast<char*>(header), length)) + "\r\n" + crlf;
}

}  // namespace sg::dkim::test
