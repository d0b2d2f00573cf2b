// suffix_list - libpsl contexts: the system one, or one loaded from a file.
#include "dmarc/suffix_list.hpp"

#include <libpsl.h>

#include <cctype>
#include <cstdlib>

#include "mail/organizational_domain.hpp"

namespace sg::dmarc {

struct SuffixList::Context {
    psl_ctx_t* psl = nullptr;
    ~Context() { psl_free(psl); }
};

namespace {

// libpsl wants lowercase UTF-8; psl_str_to_utf8lower also handles non-ASCII case.
std::optional<std::string> lowercase(std::string_view domain) {
    std::string input(domain);
    char* lowered = nullptr;
    if (psl_str_to_utf8lower(input.c_str(), "utf-8", nullptr, &lowered) != PSL_SUCCESS || !lowered) return std::nullopt;
    std::string out(lowered);
    psl_free_string(lowered);
    return out;
}

}  // namespace

const SuffixList& SuffixList::system() {
    static const SuffixList list(nullptr);
    return list;
}

std::optional<SuffixList> SuffixList::load(const std::string& path) {
    auto context = std::make_shared<Context>();
    context->psl = psl_load_file(path.c_str());
    if (!context->psl) return std::nullopt;
    return SuffixList(std::move(context));
}

std::optional<std::string> SuffixList::registrable_domain(std::string_view domain) const {
    if (domain.empty() || domain.find('\0') != std::string_view::npos) return std::nullopt;
    std::optional<std::string> lowered = lowercase(domain);
    if (!lowered) return std::nullopt;
    const psl_ctx_t* psl = context_ ? context_->psl : mail::system_suffix_list();
    if (!psl) return std::nullopt;
    const char* registrable = psl_registrable_domain(psl, lowered->c_str());
    if (!registrable) return std::nullopt;
    return std::string(registrable);
}

std::string SuffixList::organizational_domain(std::string_view domain) const {
    if (!context_) return mail::organizational_domain(domain);
    if (auto registrable = registrable_domain(domain)) return *registrable;
    return lowercase(domain).value_or(std::string(domain));
}

}  // namespace sg::dmarc
