// The bulletin's checks in reading order (internal): the header, each ballot entry, the totals.
// Both readers feed it, parse_bulletin from a JSON value and parse_bulletin_text streaming the
// text, so that every rule refusing a malformed bulletin is written once.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bulletin_fields.hpp"
#include "yishi/bulletin.hpp"

namespace yishi {

// One entry of "ballots" as read, before its checks: the fields a ballot may carry whatever the
// method (the checks read those of the bulletin's method and ignore the rest).
struct BallotEntry {
    using Field = bulletin_fields::Field;
    // A list of option names: its type and, when an array, its names [begin, end) in `names`.
    struct Names {
        Field::Type type = Field::Type::absent;
        std::size_t begin = 0, end = 0;
    };
    bool object = true;  // an entry that is not a JSON object is refused
    Field count, receipt, choice, area;
    Names approve;
    Field::Type ranking = Field::Type::absent;
    std::vector<Names> groups;  // the ranking's groups, when it is an array
    std::vector<Field> names;   // the names of approve and of the groups

    // Ready for the next entry, keeping the lists' capacity.
    void clear() {
        object = true;
        count = receipt = choice = area = Field{};
        approve = Names{};
        ranking = Field::Type::absent;
        groups.clear();
        names.clear();
    }
};

// The receipts (回执码) read so far, to refuse one repeated. The server publishes them in
// increasing order, where none can repeat an earlier one; only from the first receipt out of
// order is a set built: open addressing over positions in the bulletin's list, since a node per
// receipt costs more than reading a million of them.
class ReceiptSet {
public:
    // False when `r` is among `listed` already; else true, `r` to be appended to `listed` next.
    bool insert(std::string_view r, const std::vector<std::string>& listed);

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t position = 0;  // 1 + its index in the list; 0: empty
    };
    void grow(std::size_t n);
    std::size_t free_slot(std::uint32_t hash) const;
    bool increasing_ = true;
    std::vector<Slot> slots_;
};

class BulletinReader {
public:
    // Every key of the bulletin object but "ballots": the method, options and the method's fields.
    Check header(const nlohmann::json& j);
    // Room for `n` entries (a hint, read before them), so that a million are not copied as
    // their lists grow.
    void expect_entries(std::size_t n) { expected_ = n; }
    // The next entry of "ballots".
    Check ballot(const BallotEntry& e);
    // Participation against the electorate, once every ballot is read.
    Result<Bulletin> finish();

private:
    using Where = bulletin_fields::Where;
    Check options(const nlohmann::json& j);
    Check yes_no_header(const nlohmann::json& j);
    Check method_header(const nlohmann::json& j);
    Result<std::size_t> option(const BallotEntry::Field& name, const Where& where) const;
    Check option_list(const BallotEntry& e, const BallotEntry::Names& list, const Where& where,
                      std::vector<std::size_t>& out);
    Check content(const BallotEntry& e, std::size_t i, std::int64_t count);

    Bulletin b_;
    std::map<std::string, std::size_t, std::less<>> index_;  // option name → position
    ReceiptSet receipts_;
    std::vector<std::size_t> seen_;  // per option: 1 + the last entry that named it
    std::size_t entries_ = 0, expected_ = 0;
    std::int64_t total_ = 0, area_ = 0;
};

// The entry for a JSON value of "ballots" (which must outlive the reading).
BallotEntry entry_of(const nlohmann::json& e);

}  // namespace yishi
