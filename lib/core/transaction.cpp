// transaction - header lookups on the transaction snapshot.
#include "core/transaction.hpp"

#include "core/text.hpp"

namespace sg::core {

std::vector<const Header*> Transaction::headers_named(std::string_view name) const {
    std::vector<const Header*> found;
    for (const Header& header : headers)
        if (iequals(header.name, name)) found.push_back(&header);
    return found;
}

const Header* Transaction::first_header(std::string_view name) const {
    for (const Header& header : headers)
        if (iequals(header.name, name)) return &header;
    return nullptr;
}

}  // namespace sg::core
