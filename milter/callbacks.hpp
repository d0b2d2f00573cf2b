// callbacks - the libmilter filter description: every xxfi_* callback registered,
// each translating its arguments and macros into Session calls. No exception ever
// crosses into libmilter: a failure before end-of-message is logged and remembered,
// and end-of-message then answers with milter.error_action; a failure at
// end-of-message answers with it directly.
#pragma once

#include <libmilter/mfapi.h>

#include "live_config.hpp"

namespace sg::milter {

// The description to hand to smfi_register(). `live` must outlive smfi_main().
struct smfiDesc filter_description(LiveConfig& live);

}  // namespace sg::milter
