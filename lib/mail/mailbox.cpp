// mailbox - the printable address of a parsed mailbox.
#include "mail/mailbox.hpp"

namespace sg::mail {

std::string Mailbox::address() const {
    if (domain.empty()) return local_part;
    return local_part + "@" + domain;
}

}  // namespace sg::mail
