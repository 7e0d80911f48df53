// Checks shared by the two halves of the consultation rules (private to shared/src).
#pragma once
#include <cstddef>
#include <string>

#include "yishi/consultation.hpp"
#include "yishi/text.hpp"

namespace yishi::consult {

// Seated, then a chair or vice-chair (not_seated / not_leader).
Check require_leader(const CppccActor& a);
// Seated, then a leader or the secretariat (not_seated / not_recorder).
Check require_recorder(const CppccActor& a);
// Empty (or blank) is allowed; otherwise as validate_text.
Result<std::string> optional_text(const std::string& s, const std::string& field,
                                  std::size_t max_chars, TextLines lines);
// bad_date naming `field` unless `s` is a real YYYY-MM-DD day.
Check check_date(const std::string& s, const std::string& field);

}  // namespace yishi::consult
