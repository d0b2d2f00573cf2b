// spf_record_fuzz - libFuzzer entry point: arbitrary bytes as an SPF record
// and as explanation text, through the guard and the full SPF path.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14 -DSENDERGUARD_FUZZ=ON
//   cmake --build build-fuzz --target spf_record_fuzz
//   build-fuzz/tests/spf/spf_record_fuzz -max_len=1100 -max_total_time=3600 corpus-dir/
#include "spf_fuzz_input.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static sg::spf::testing::FuzzCounts counts;
    sg::spf::testing::run_fuzz_input(std::string_view(reinterpret_cast<const char*>(data), size), counts);
    return 0;
}
