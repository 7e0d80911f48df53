// FontSlices: reading the slice manifest and choosing which slices to fetch.
#include "yishi/client/font_slices.hpp"

#include <algorithm>

#include "yishi/messages.hpp"

namespace yishi::client {

namespace {
constexpr std::int64_t kLastCodePoint = 0x10FFFF;
}

bool FontSlices::read_manifest(std::string_view json) {
    auto parsed = parse_object(json);
    if (!parsed) return false;
    auto list = parsed.value().find("slices");
    if (list == parsed.value().end() || !list->is_array()) return false;
    std::vector<Slice> slices;
    std::vector<Span> spans;
    for (const auto& item : *list) {
        if (!item.is_object()) return false;
        auto file = item.find("file");
        auto runs = item.find("spans");
        auto prefetch = item.find("prefetch");
        if (file == item.end() || runs == item.end() || !file->is_string() ||
            file->get<std::string>().empty() || !runs->is_array() || runs->empty() ||
            (prefetch != item.end() && !prefetch->is_boolean()))
            return false;
        std::size_t first_span = spans.size();
        for (const auto& run : *runs) {
            if (!run.is_array() || run.size() != 2 || !run[0].is_number_integer() ||
                !run[1].is_number_integer())
                return false;
            auto a = run[0].get<std::int64_t>();
            auto b = run[1].get<std::int64_t>();
            if (a < 0 || b < a || b > kLastCodePoint) return false;
            if (spans.size() > first_span && a <= static_cast<std::int64_t>(spans.back().last))
                return false;
            spans.push_back({static_cast<char32_t>(a), static_cast<char32_t>(b), slices.size()});
        }
        slices.push_back({file->get<std::string>(), Load::absent,
                          prefetch != item.end() && prefetch->get<bool>()});
    }
    std::sort(spans.begin(), spans.end(),
              [](const Span& x, const Span& y) { return x.first < y.first; });
    for (std::size_t i = 1; i < spans.size(); ++i)
        if (spans[i].first <= spans[i - 1].last) return false;
    slices_ = std::move(slices);
    spans_ = std::move(spans);
    has_manifest_ = true;
    return true;
}

std::vector<std::size_t> FontSlices::to_fetch(const std::vector<char32_t>& missing) {
    std::vector<std::size_t> out;
    for (char32_t cp : missing) {
        // The first span ending at or after cp; it holds cp when it also starts at or before it.
        auto it = std::lower_bound(spans_.begin(), spans_.end(), cp,
                                   [](const Span& s, char32_t c) { return s.last < c; });
        if (it == spans_.end() || it->first > cp) continue;
        Slice& slice = slices_[it->slice];
        if (slice.load != Load::absent) continue;
        slice.load = Load::loading;
        out.push_back(it->slice);
    }
    return out;
}

std::vector<std::size_t> FontSlices::to_prefetch() {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < slices_.size(); ++i) {
        if (!slices_[i].prefetch || slices_[i].load != Load::absent) continue;
        slices_[i].load = Load::loading;
        out.push_back(i);
    }
    return out;
}

void FontSlices::arrived(std::size_t slice, bool ok) {
    if (slice < slices_.size()) slices_[slice].load = ok ? Load::loaded : Load::absent;
}

}  // namespace yishi::client
