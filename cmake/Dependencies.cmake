# Dependencies - finds every Debian 12 library senderguard links, each with the
# mechanism that works for that package (see docs/building.md).
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)

pkg_check_modules(MILTER REQUIRED IMPORTED_TARGET milter)
pkg_check_modules(OPENDKIM REQUIRED IMPORTED_TARGET opendkim)
pkg_check_modules(MAXMINDDB REQUIRED IMPORTED_TARGET libmaxminddb)
pkg_check_modules(HIREDIS REQUIRED IMPORTED_TARGET hiredis)
pkg_check_modules(PSL REQUIRED IMPORTED_TARGET libpsl)
pkg_check_modules(IDN2 REQUIRED IMPORTED_TARGET libidn2)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)

# libunbound's .pc requires libevent's; fall back to the bare library.
pkg_check_modules(UNBOUND IMPORTED_TARGET libunbound)
if(NOT UNBOUND_FOUND)
  find_library(UNBOUND_LIBRARY unbound REQUIRED)
  add_library(PkgConfig::UNBOUND UNKNOWN IMPORTED)
  set_target_properties(PkgConfig::UNBOUND PROPERTIES IMPORTED_LOCATION "${UNBOUND_LIBRARY}")
endif()

# libspf2 ships neither a .pc file nor a CMake package.
find_path(SPF2_INCLUDE_DIR spf2/spf.h REQUIRED)
find_library(SPF2_LIBRARY spf2 REQUIRED)
add_library(spf2::spf2 UNKNOWN IMPORTED)
set_target_properties(spf2::spf2 PROPERTIES
  IMPORTED_LOCATION "${SPF2_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${SPF2_INCLUDE_DIR}")

find_package(tomlplusplus 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(fmt REQUIRED)

if(SENDERGUARD_BUILD_TESTS)
  find_package(Catch2 2.13 REQUIRED)
  find_package(yaml-cpp REQUIRED)  # the SPF and DMARC conformance suites are YAML
  include(Catch)
endif()
