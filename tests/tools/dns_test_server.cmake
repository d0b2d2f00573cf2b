# dns_test_server target: a tiny DNS server (refuse, blackhole, zone file) that
# resolver tests point forwarders at. It compiles the few lib/dns files it needs
# itself, so it builds even while other rooms of senderguard_lib do not.
# Included by tests/tools/CMakeLists.txt (or, failing that, by tests/unit/dns).
set(_sg_tools ${PROJECT_SOURCE_DIR}/tests/tools)
add_executable(dns_test_server
  ${_sg_tools}/dns_test_server.cpp ${_sg_tools}/dns_wire.cpp
  ${PROJECT_SOURCE_DIR}/lib/dns/local_data.cpp
  ${PROJECT_SOURCE_DIR}/lib/dns/zone_tokens.cpp
  ${PROJECT_SOURCE_DIR}/lib/dns/dns_name.cpp
  ${PROJECT_SOURCE_DIR}/lib/dns/resolver.cpp
  ${PROJECT_SOURCE_DIR}/lib/core/text.cpp)
target_include_directories(dns_test_server PRIVATE ${PROJECT_SOURCE_DIR}/lib)
target_link_libraries(dns_test_server PRIVATE senderguard_warnings)
