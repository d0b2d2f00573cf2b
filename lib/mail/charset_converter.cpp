// charset_converter - MIME charset to UTF-8 through ICU converters (ucnv).
#include "mail/charset_converter.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <climits>
#include <vector>

#include "core/text.hpp"

namespace sg::mail {
namespace {

constexpr std::size_t max_charset_name = 64;

// Charset labels whose real-world use is a superset of what they name.
std::string effective_charset(std::string_view charset) {
    const std::string name = core::ascii_lower(charset);
    if (name == "iso-8859-1" || name == "iso8859-1" || name == "latin1" || name == "l1" ||
        name == "us-ascii" || name == "ascii" || name == "iso_8859-1")
        return "windows-1252";
    if (name == "gb2312" || name == "gbk" || name == "x-gbk" || name == "cp936") return "gb18030";
    if (name == "ks_c_5601-1987" || name == "euc-kr") return "windows-949";
    return name;
}

bool is_utf8_label(std::string_view name) {
    return core::iequals(name, "utf-8") || core::iequals(name, "utf8");
}

// RAII holder so that every return path closes the converter.
struct Converter {
    UConverter* handle = nullptr;
    ~Converter() {
        if (handle != nullptr) ucnv_close(handle);
    }
};

}  // namespace

std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset) {
    if (is_utf8_label(charset)) return std::string(bytes);
    if (charset.empty() || charset.size() > max_charset_name) return std::nullopt;
    if (bytes.size() > INT_MAX / 4) return std::nullopt;

    const std::string name = effective_charset(charset);
    UErrorCode status = U_ZERO_ERROR;
    Converter converter{ucnv_open(name.c_str(), &status)};
    if (U_FAILURE(status) || converter.handle == nullptr) return std::nullopt;

    // Every byte decodes to at most two UTF-16 units.
    std::vector<UChar> wide(bytes.size() * 2 + 1);
    status = U_ZERO_ERROR;
    const int32_t wide_length =
        ucnv_toUChars(converter.handle, wide.data(), static_cast<int32_t>(wide.size()), bytes.data(),
                      static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) return std::nullopt;

    // Every UTF-16 unit becomes at most three UTF-8 bytes.
    std::string out(static_cast<std::size_t>(wide_length) * 3 + 1, '\0');
    int32_t out_length = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &out_length, wide.data(),
                       wide_length, 0xFFFD, nullptr, &status);
    if (U_FAILURE(status)) return std::nullopt;
    out.resize(static_cast<std::size_t>(out_length));
    return out;
}

}  // namespace sg::mail
