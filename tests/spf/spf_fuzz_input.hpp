// spf_fuzz_input - one hostile input through the guard and, when the guard
// accepts it, through the whole SPF path (SpfVerifier, DNS layer, libspf2)
// over an in-process resolver: as the sender's record, as an included record,
// and as exp= explanation text. Shared by the libFuzzer target and the
// deterministic smoke driver. Aborts (via the sanitizers or std::abort) on a
// broken invariant.
#pragma once

#include <cstdint>
#include <string_view>

namespace sg::spf::testing {

struct FuzzCounts {
    std::uint64_t inputs = 0;
    std::uint64_t records_accepted = 0;
    std::uint64_t explanations_accepted = 0;
};

void run_fuzz_input(std::string_view input, FuzzCounts& counts);

}  // namespace sg::spf::testing
