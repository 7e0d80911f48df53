// 代提: the grid worker finds the resident by name or household.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "yishi/client/behalf.hpp"

using yishi::CouncilMemberEntry;
using yishi::client::find_residents;

namespace {

const std::vector<CouncilMemberEntry> kMembers = {
    {1, "王秀英", "resident", true, "3栋2单元501"},
    {2, "王建国", "resident", true, "5栋1单元302"},
    {3, "李明", "convenor", true, "3栋1单元101"},
    {4, "周小梅", "grid_worker", false, ""},
    {5, "Anna Li", "resident", true, ""},
};

std::vector<std::string> names(const std::string& query, std::size_t max = 8) {
    std::vector<std::string> out;
    for (const auto* m : find_residents(kMembers, query, max)) out.push_back(m->name);
    return out;
}

using Names = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(behalf)

BOOST_AUTO_TEST_CASE(by_part_of_a_name) {
    BOOST_TEST(names("王") == (Names{"王秀英", "王建国"}));
    BOOST_TEST(names("秀英") == (Names{"王秀英"}));
    BOOST_TEST(names(" 秀英 ") == (Names{"王秀英"}));
    BOOST_TEST(names("anna") == (Names{"Anna Li"}));
}

BOOST_AUTO_TEST_CASE(by_household) {
    BOOST_TEST(names("3栋") == (Names{"王秀英", "李明"}));
    BOOST_TEST(names("302") == (Names{"王建国"}));
}

BOOST_AUTO_TEST_CASE(only_voting_members_and_at_most_max) {
    BOOST_TEST(names("周小梅").empty());  // the grid worker has no vote
    BOOST_TEST(names("王", 1) == (Names{"王秀英"}));
    BOOST_TEST(names("").empty());
    BOOST_TEST(names("赵").empty());
}

BOOST_AUTO_TEST_SUITE_END()
