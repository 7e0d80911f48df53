// A bulletin's text, written with its ballots last and read as a stream (流式读取): the header's
// few keys are read as JSON values, the ballots one entry at a time straight into the checks, so
// that a million ballots never become a million JSON objects. Text that is not JSON, or not an
// object holding a list of ballots, goes to the tree reader instead, whose refusal names the line
// and column.
#include <cstring>
#include <deque>
#include <optional>

#include "bulletin_reader.hpp"
#include "json_scan.hpp"
#include "yishi/bulletin.hpp"

namespace yishi {

namespace {
using Json = nlohmann::json;
using json_scan::Scanner;
using Field = bulletin_fields::Field;
using Type = Field::Type;

// A value where the checks expect a string, an integer or a list.
bool read_field(Scanner& s, Field& f, std::deque<std::string>& decoded) {
    f = Field{};
    char c = s.peek();
    if (c == '"') {
        f.type = Type::string;
        return s.string(f.text, decoded);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        json_scan::Number n;
        if (!s.number(n)) return false;
        f.type = n.integer ? Type::integer : Type::other;
        f.negative = n.negative;
        f.magnitude = n.magnitude;
        return true;
    }
    f.type = c == '[' ? Type::array : Type::other;
    return s.skip_value();
}

// A list of option names, appended to the entry's names.
bool read_names(Scanner& s, BallotEntry& e, BallotEntry::Names& list,
                std::deque<std::string>& decoded) {
    list = {Type::other, e.names.size(), e.names.size()};
    if (s.peek() != '[') return s.skip_value();
    list.type = Type::array;
    s.take('[');
    if (!s.take(']')) {
        do {
            if (!read_field(s, e.names.emplace_back(), decoded)) return false;
        } while (s.take(','));
        if (!s.expect(']')) return false;
    }
    list.end = e.names.size();
    return true;
}

bool read_ranking(Scanner& s, BallotEntry& e, std::deque<std::string>& decoded) {
    e.groups.clear();
    e.ranking = s.peek() == '[' ? Type::array : Type::other;
    if (e.ranking != Type::array) return s.skip_value();
    s.take('[');
    if (!s.take(']')) {
        do {
            if (!read_names(s, e, e.groups.emplace_back(), decoded)) return false;
        } while (s.take(','));
        if (!s.expect(']')) return false;
    }
    return true;
}

// A key equal to `word`: sizes first, then a fixed-size comparison the compiler inlines.
template <std::size_t N>
bool is(std::string_view key, const char (&word)[N]) {
    return key.size() == N - 1 && std::memcmp(key.data(), word, N - 1) == 0;
}

// One entry of "ballots": the fields the checks read; any other value is checked and skipped.
bool read_entry(Scanner& s, BallotEntry& e, std::deque<std::string>& decoded) {
    e.clear();
    if (s.peek() != '{') {
        e.object = false;
        return s.skip_value();
    }
    s.take('{');
    if (s.take('}')) return true;
    do {
        std::string_view key;
        if (!s.string(key, decoded) || !s.expect(':')) return false;
        bool read = is(key, "choice")    ? read_field(s, e.choice, decoded)
                    : is(key, "receipt") ? read_field(s, e.receipt, decoded)
                    : is(key, "count")   ? read_field(s, e.count, decoded)
                    : is(key, "area")    ? read_field(s, e.area, decoded)
                    : is(key, "approve") ? read_names(s, e, e.approve, decoded)
                    : is(key, "ranking") ? read_ranking(s, e, decoded)
                                         : s.skip_value();
        if (!read) return false;
    } while (s.take(','));
    return s.expect('}');
}

// The entries of the "ballots" array at the cursor, each checked in turn until one is refused
// (a refusal is told only once the whole text is known to be JSON: were it not, nlohmann's
// refusal would come first). False where the text is not JSON.
bool read_ballots(Scanner& s, BulletinReader& reader, Check& refused, std::deque<std::string>& decoded) {
    if (!s.expect('[')) return false;
    if (s.take(']')) return true;
    BallotEntry entry;
    do {
        if (!read_entry(s, entry, decoded)) return false;
        if (!refused) refused = reader.ballot(entry);
    } while (s.take(','));
    return s.expect(']');
}

// A "ballots" value: where it lies, and whether it has been read (checked as JSON) already.
struct BallotsValue {
    std::size_t begin = 0, end = 0, entries = 0;
    bool read = false;
};

// How many '{' are in `text`: memchr leaps from one to the next.
std::size_t braces(std::string_view text) {
    std::size_t n = 0;
    const char* p = text.data();
    const char* end = p + text.size();
    while ((p = static_cast<const char*>(std::memchr(p, '{', static_cast<std::size_t>(end - p))))) {
        ++n;
        ++p;
    }
    return n;
}

// nullopt: the text is for the tree reader (see the file's opening comment).
// Ballots that follow every other key, as the server publishes them, are read where they stand,
// in one pass. Ballots before a key of the header (as in text with sorted keys) are first only
// skipped, by brackets and quotes, and read once the header is whole.
std::optional<Result<Bulletin>> read_stream(std::string_view text) {
    std::deque<std::string> decoded;  // escaped strings, alive until the reader finishes
    Scanner s(text, text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    Json header = Json::object();  // a later duplicate key replaces an earlier one, as in nlohmann
    std::vector<BallotsValue> ballots;
    std::optional<BulletinReader> reader;  // of the last "ballots"
    Check refused;
    bool header_after_ballots = false;
    if (!s.expect('{') || s.take('}')) return std::nullopt;
    do {
        std::string_view key;
        if (!s.string(key, decoded) || !s.expect(':')) return std::nullopt;
        s.peek();
        BallotsValue value{s.pos()};
        if (key == "ballots") {
            reader.emplace();
            refused = reader->header(header);
            // Room for the entries before they are read: each is an object, so the braces left
            // in the text bound their number closely, and a million are not copied as the
            // lists grow.
            reader->expect_entries(braces(text.substr(s.pos())));
            value.read = !refused && s.peek() == '[';
            if (value.read ? !read_ballots(s, *reader, refused, decoded) : !s.skip_extent(&value.entries))
                return std::nullopt;
            value.end = s.pos();
            ballots.push_back(value);
            header_after_ballots = false;
            continue;
        }
        if (!s.skip_extent()) return std::nullopt;
        try {
            header[std::string(key)] = Json::parse(text.data() + value.begin, text.data() + s.pos());
        } catch (const Json::exception&) {
            return std::nullopt;
        }
        header_after_ballots = !ballots.empty();
    } while (s.take(','));
    if (!s.expect('}') || !s.at_end() || ballots.empty()) return std::nullopt;
    for (std::size_t k = 0; k + 1 < ballots.size(); ++k) {  // replaced: only checked as JSON
        Scanner replaced(text, ballots[k].begin);
        if (!ballots[k].read && (!replaced.skip_value() || replaced.pos() != ballots[k].end))
            return std::nullopt;
    }
    const BallotsValue& last = ballots.back();
    if (!last.read || header_after_ballots) {  // read (again) under the whole header
        reader.emplace();
        refused = reader->header(header);
        reader->expect_entries(last.entries);
        Scanner again(text, last.begin);
        if (again.peek() != '[' || !read_ballots(again, *reader, refused, decoded) || again.pos() != last.end)
            return std::nullopt;
    }
    if (refused) return *refused;
    return reader->finish();
}
}  // namespace

Result<Bulletin> parse_bulletin_text(std::string_view text) {
    if (auto streamed = read_stream(text)) return std::move(*streamed);
    Json j;
    try {
        j = Json::parse(text.begin(), text.end());
    } catch (const Json::exception& e) {
        // nlohmann's message carries the line and column, which is what a person needs to fix it;
        // a number beyond a double's range is its out_of_range, not a parse_error.
        Error err = make_error("bad_bulletin_json", "bulletin");
        err.message += "（" + std::string(e.what()) + "）";
        return err;
    }
    return parse_bulletin(j);
}

std::string bulletin_text(const Json& bulletin) {
    if (!bulletin.is_object() || !bulletin.contains("ballots")) return bulletin.dump();
    std::string out = "{";
    for (const auto& [key, value] : bulletin.items())
        if (key != "ballots") out += Json(key).dump() + ":" + value.dump() + ",";
    return out + "\"ballots\":" + bulletin["ballots"].dump() + "}";
}

}  // namespace yishi
