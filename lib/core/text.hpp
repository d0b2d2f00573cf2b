// text - small ASCII string helpers shared by every room of the engine.
#pragma once

#include <string>
#include <string_view>

namespace sg::core {

bool iequals(std::string_view a, std::string_view b);
std::string ascii_lower(std::string_view text);
std::string_view trim(std::string_view text);
bool starts_with_icase(std::string_view text, std::string_view prefix);

}  // namespace sg::core
