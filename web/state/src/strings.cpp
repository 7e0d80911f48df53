// Translation catalog loading (flattening nested objects) and placeholder formatting.
#include "yishi/client/strings.hpp"

#include "yishi/messages.hpp"

namespace yishi::client {

namespace {
bool flatten(const Json& obj, const std::string& prefix,
             std::map<std::string, std::string, std::less<>>& out) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
        if (it->is_string()) out[key] = it->get<std::string>();
        else if (it->is_object()) {
            if (!flatten(*it, key, out)) return false;
        } else return false;
    }
    return true;
}
}  // namespace

bool Strings::load(std::string_view json, std::string language) {
    auto parsed = parse_object(json);
    if (!parsed) return false;
    std::map<std::string, std::string, std::less<>> texts;
    if (!flatten(parsed.value(), "", texts)) return false;
    texts_ = std::move(texts);
    language_ = std::move(language);
    return true;
}

const std::string& Strings::get(std::string_view key) const {
    auto it = texts_.find(key);
    if (it != texts_.end()) return it->second;
    missing_ = std::string(key);
    return missing_;
}

std::string Strings::format(
    std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    std::string text = get(key);
    for (const auto& [name, value] : args) {
        std::string token = "{" + std::string(name) + "}";
        for (auto pos = text.find(token); pos != std::string::npos;
             pos = text.find(token, pos + value.size()))
            text.replace(pos, token.size(), value);
    }
    return text;
}

}  // namespace yishi::client
