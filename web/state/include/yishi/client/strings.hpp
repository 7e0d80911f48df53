// The translation catalog: user-visible text by key, loaded from assets/i18n/<lang>.json.
#pragma once
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace yishi::client {

class Strings {
public:
    // Reads a JSON object of strings; nested objects become dotted keys
    // ({"login":{"title":..}} gives "login.title"). False, and nothing changed, when malformed.
    bool load(std::string_view json, std::string language);

    // The text for `key`, or the key itself when the catalog lacks it (visible, never empty).
    const std::string& get(std::string_view key) const;

    // get() with "{name}" placeholders replaced.
    std::string format(std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string>> args) const;

    bool loaded() const { return !texts_.empty(); }
    const std::string& language() const { return language_; }
    const std::map<std::string, std::string, std::less<>>& all() const { return texts_; }

private:
    std::map<std::string, std::string, std::less<>> texts_;
    std::string language_;
    mutable std::string missing_;  // returned for unknown keys
};

}  // namespace yishi::client
