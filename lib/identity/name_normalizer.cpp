// name_normalizer - ICU normalisation (NFKC, case folding, mark removal) and uspoof
// confusable skeletons for display-name tokens.
#include "identity/name_normalizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

#include "core/text.hpp"

namespace sg::identity {
namespace {

// Process-wide, immutable after construction. Normalizer2 instances are owned by
// ICU; the spoof checker is only ever used through const pointers.
class IcuTools {
public:
    IcuTools() {
        UErrorCode status = U_ZERO_ERROR;
        nfkc_ = icu::Normalizer2::getNFKCInstance(status);
        nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
        nfd_ = icu::Normalizer2::getNFDInstance(status);
        nfc_ = icu::Normalizer2::getNFCInstance(status);
        USpoofChecker* checker = uspoof_open(&status);
        if (U_FAILURE(status)) {
            if (checker) uspoof_close(checker);
            return;
        }
        spoof_ = checker;
        ready_ = true;
    }
    ~IcuTools() {
        if (spoof_) uspoof_close(spoof_);
    }
    IcuTools(const IcuTools&) = delete;
    IcuTools& operator=(const IcuTools&) = delete;

    bool ready() const { return ready_; }

    icu::UnicodeString nfkc(const icu::UnicodeString& text) const { return apply(nfkc_, text); }
    icu::UnicodeString fold(const icu::UnicodeString& text) const { return apply(nfkc_casefold_, text); }

    icu::UnicodeString strip_marks(const icu::UnicodeString& text) const {
        const icu::UnicodeString decomposed = apply(nfd_, text);
        icu::UnicodeString kept;
        for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
            const UChar32 c = decomposed.char32At(i);
            if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
        }
        return apply(nfc_, kept);
    }

    icu::UnicodeString skeleton(const icu::UnicodeString& text) const {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString out;
        uspoof_getSkeletonUnicodeString(spoof_, 0, text, out, &status);
        return U_FAILURE(status) ? text : out;
    }

private:
    static icu::UnicodeString apply(const icu::Normalizer2* normalizer, const icu::UnicodeString& text) {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString out = normalizer->normalize(text, status);
        return U_FAILURE(status) ? text : out;
    }

    const icu::Normalizer2* nfkc_ = nullptr;
    const icu::Normalizer2* nfkc_casefold_ = nullptr;
    const icu::Normalizer2* nfd_ = nullptr;
    const icu::Normalizer2* nfc_ = nullptr;
    USpoofChecker* spoof_ = nullptr;
    bool ready_ = false;
};

const IcuTools& icu_tools() {
    static const IcuTools tools;
    return tools;
}

std::string utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

bool is_token_char(UChar32 c) {
    return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

NameToken make_token(const IcuTools& icu, const icu::UnicodeString& raw) {
    const icu::UnicodeString folded = icu.fold(raw);
    const icu::UnicodeString unaccented = icu.strip_marks(folded);
    icu::UnicodeString skeleton = icu.skeleton(unaccented);
    skeleton.foldCase();
    return NameToken{utf8(folded), utf8(unaccented), utf8(skeleton), utf8(icu.skeleton(icu.strip_marks(raw)))};
}

// Without ICU: ASCII letters and digits, lowercased; every form the same.
std::vector<NameToken> ascii_tokens(std::string_view name) {
    std::vector<NameToken> tokens;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        const std::string lower = core::ascii_lower(word);
        tokens.push_back(NameToken{lower, lower, lower, lower});
        word.clear();
    };
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80)
            word.push_back(c);
        else
            flush();
    }
    flush();
    return tokens;
}

}  // namespace

bool name_normalizer_ready() { return icu_tools().ready(); }

std::vector<NameToken> name_tokens(std::string_view utf8_name) {
    const IcuTools& icu = icu_tools();
    if (!icu.ready()) return ascii_tokens(utf8_name);

    // Far beyond any real display name; keeps lengths within ICU's int32_t.
    constexpr std::size_t max_bytes = 64 * 1024;
    utf8_name = utf8_name.substr(0, max_bytes);
    const icu::UnicodeString text = icu.nfkc(
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8_name.data(), static_cast<int32_t>(utf8_name.size()))));
    std::vector<NameToken> tokens;
    icu::UnicodeString current;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
        if (is_token_char(c)) {
            current.append(c);
        } else if (!current.isEmpty()) {
            tokens.push_back(make_token(icu, current));
            current.remove();
        }
    }
    if (!current.isEmpty()) tokens.push_back(make_token(icu, current));
    return tokens;
}

}  // namespace sg::identity
