// opendkim_api - the one place that includes <opendkim/dkim.h>. The C header uses
// C99 _Bool in prototypes, which g++ does not know: alias it for the include only.
// Private to lib/dkim (and the tests that sign with libopendkim).
#pragma once

#define _Bool bool
#include <opendkim/dkim.h>
#undef _Bool
