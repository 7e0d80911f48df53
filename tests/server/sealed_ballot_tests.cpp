// A secret ballot's stored form, tried as an attacker would: copies of the database file and its
// write-ahead log, taken while votes come in and after closing, read as raw bytes, link no voter
// to a content or receipt; sealed votes survive a restart and refuse a missing or other key; and
// a convenor may hold a secret ballot without receipts.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>
#include <set>

#include "ballot_method_steps.hpp"

using namespace yishi;
using namespace yishi::test;
namespace fs = std::filesystem;

namespace {

constexpr int kVoters = 12;

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// What `cp` of the database and its log gives while the server runs.
struct FileCopy {
    std::string db, wal;
    bool wal_exists = false;
    std::string all() const { return db + wal; }
};
FileCopy copy_of(const fs::path& db) {
    FileCopy c;
    c.db = read_bytes(db);
    fs::path wal = db.string() + "-wal";
    c.wal_exists = fs::exists(wal);
    if (c.wal_exists) c.wal = read_bytes(wal);
    return c;
}

// The copy written next to the original under another name, to be opened with SQL.
fs::path restore(const FileCopy& c) {
    fs::path p = fresh_db_path();
    std::ofstream(p, std::ios::binary) << c.db;
    if (c.wal_exists) std::ofstream(p.string() + "-wal", std::ios::binary) << c.wal;
    return p;
}

std::int64_t count_of(const fs::path& db, const std::string& sql) {
    SQLite::Database conn(db.string(), SQLite::OPEN_READWRITE);
    return conn.execAndGet(sql).getInt64();
}

std::string content_of(int member) { return "\"choice\":\"P" + std::to_string(member) + "\""; }

// Pairs of voters (earlier, later) whose byte offsets are in the same order as their votes.
struct Concordance {
    long concordant = 0, pairs = 0;
    void add(const std::vector<std::size_t>& offsets_in_voting_order) {
        for (std::size_t i = 0; i < offsets_in_voting_order.size(); ++i)
            for (std::size_t j = i + 1; j < offsets_in_voting_order.size(); ++j) {
                ++pairs;
                if (offsets_in_voting_order[i] < offsets_in_voting_order[j]) ++concordant;
            }
    }
    double fraction() const { return pairs ? static_cast<double>(concordant) / pairs : 0; }
};

struct Sealed {
    std::vector<std::string> contents;
    std::string secret_key;
};
Sealed sealed_rows(const fs::path& copy, Id ballot) {
    SQLite::Database conn(copy.string(), SQLite::OPEN_READWRITE);
    Sealed s;
    SQLite::Statement q(conn, "SELECT sealed FROM sealed_contents WHERE ballot_id = ?");
    q.bind(1, ballot);
    while (q.executeStep()) s.contents.push_back(q.getColumn(0).getString());
    SQLite::Statement k(conn, "SELECT sealed_secret_key FROM ballot_seals WHERE ballot_id = ?");
    k.bind(1, ballot);
    if (k.executeStep()) s.secret_key = k.getColumn(0).getString();
    return s;
}

// One ballot of 12 voters in a random order, each choosing their own option; copies checked
// after every third vote. Adds the order of the receipts' first and last byte offsets after
// closing to `first` and `last`.
void attack_one_ballot(Concordance& first, Concordance& last, std::mt19937& rng) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    Json options = Json::array();
    for (int m = 1; m <= kVoters; ++m) options.push_back("P" + std::to_string(m));
    Id ballot =
        open_ballot_with(server, shift, tokens,
                         {{"method", "single"}, {"options", options}, {"secret", true}}, kVoters);
    std::string path = path_of("/api/ballots/", ballot);
    std::vector<int> order(kVoters);
    for (int i = 0; i < kVoters; ++i) order[i] = i + 1;
    std::shuffle(order.begin(), order.end(), rng);

    std::vector<std::string> receipts;  // in voting order
    for (int i = 0; i < kVoters; ++i) {
        int m = order[i];
        auto r =
            post_json(server, tokens[m], path + "/votes", {{"choice", "P" + std::to_string(m)}});
        BOOST_REQUIRE_MESSAGE(r.status == 201, r.body.dump());
        receipts.push_back(r.body.at("receipt").get<std::string>());
        if ((i + 1) % 3 != 0) continue;
        // While open: no receipt and no content of any vote, in the file or the log.
        std::string bytes = copy_of(server.db()).all();
        for (int k = 0; k <= i; ++k) {
            BOOST_TEST(bytes.find(receipts[k]) == std::string::npos);
            BOOST_TEST(bytes.find(content_of(order[k])) == std::string::npos);
        }
    }
    FileCopy before_close = copy_of(server.db());
    fs::path open_copy = restore(before_close);
    Sealed sealed = sealed_rows(open_copy, ballot);
    BOOST_REQUIRE_EQUAL(sealed.contents.size(), static_cast<std::size_t>(kVoters));
    BOOST_REQUIRE(!sealed.secret_key.empty());
    // One length for all: the length of a sealed vote does not say what it holds.
    for (const auto& c : sealed.contents) BOOST_TEST(c.size() == sealed.contents.front().size());

    BOOST_REQUIRE_EQUAL(post_json(server, tokens[1], path + "/close").status, 200);
    FileCopy after = copy_of(server.db());
    // The log is emptied: no frame keeps a page as it was while voting.
    BOOST_TEST(after.wal.size() == 0u);
    std::string bytes = after.all();
    // No sealed content and no trace of the ballot's secret key is left in the bytes.
    for (const auto& c : sealed.contents)
        BOOST_TEST(bytes.find(c.substr(0, 40)) == std::string::npos);
    BOOST_TEST(bytes.find(sealed.secret_key.substr(0, 40)) == std::string::npos);
    fs::path closed_copy = restore(after);
    BOOST_TEST(count_of(closed_copy, "SELECT COUNT(*) FROM sealed_contents") == 0);
    BOOST_TEST(count_of(closed_copy, "SELECT COUNT(*) FROM ballot_seals") == 0);
    BOOST_TEST(count_of(closed_copy, "SELECT COUNT(*) FROM secret_contents") == kVoters);

    std::vector<std::size_t> first_at, last_at;
    for (const auto& r : receipts) {
        std::size_t f = bytes.find(r), l = bytes.rfind(r);
        BOOST_REQUIRE_MESSAGE(f != std::string::npos, "receipt " << r << " is published");
        first_at.push_back(f);
        last_at.push_back(l);
    }
    first.add(first_at);
    last.add(last_at);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sealed_ballots)

// About the bytes of SQLite's file and write-ahead log.
BOOST_AUTO_TEST_CASE(copies_of_the_database_and_its_log_link_no_voter_to_a_content_or_receipt,
                     *boost::unit_test::precondition(on_sqlite)) {
    std::random_device seed;
    std::mt19937 rng(seed());
    Concordance first, last;
    for (int run = 0; run < 20; ++run) attack_one_ballot(first, last, rng);
    // Where each receipt lies in the closed file says nothing of when it was cast: as many
    // pairs of voters in the order of their votes as against it (the order of insertion would
    // give all of them, or none).
    BOOST_TEST_MESSAGE("concordant pairs: first offsets " << first.fraction() << ", last offsets "
                                                          << last.fraction() << " of "
                                                          << first.pairs);
    BOOST_TEST(first.fraction() > 0.35);
    BOOST_TEST(first.fraction() < 0.65);
    BOOST_TEST(last.fraction() > 0.35);
    BOOST_TEST(last.fraction() < 0.65);
}

BOOST_AUTO_TEST_CASE(sealed_votes_survive_a_restart_and_are_all_counted) {
    auto db = seeded_db();
    ClockShift shift;
    std::vector<std::string> receipts;
    Id ballot = 0;
    std::vector<std::string> tokens;
    {
        TestServer server(db, shifted_options(shift));
        tokens = member_tokens(server);
        ballot = open_ballot_with(server, shift, tokens, {{"secret", true}}, 11);
        for (int m = 1; m <= 5; ++m)
            receipts.push_back(post_json(server, tokens[m],
                                         path_of("/api/ballots/", ballot, "/votes"),
                                         {{"choice", m <= 4 ? "yes" : "no"}})
                                   .body.at("receipt"));
    }
    // Stopped mid-ballot with five votes sealed, none opened.
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM sealed_contents") == 5);
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM secret_contents") == 0);
    // A new store and service over the same file and key file.
    TestServer server(db, shifted_options(shift));
    for (int m = 6; m <= 9; ++m)
        receipts.push_back(post_json(server, tokens[m], path_of("/api/ballots/", ballot, "/votes"),
                                     {{"choice", "yes"}})
                               .body.at("receipt"));
    auto closed = post_json(server, tokens[1], path_of("/api/ballots/", ballot, "/close"));
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    BOOST_TEST(closed.body["tally"]["yes"] == 8);
    BOOST_TEST(closed.body["tally"]["no"] == 1);
    auto bulletin = get_json(server, tokens[2], path_of("/api/ballots/", ballot, "/bulletin")).body;
    BOOST_REQUIRE_EQUAL(bulletin["ballots"].size(), 9u);
    std::set<std::string> published;
    for (const auto& b : bulletin["ballots"]) published.insert(b.at("receipt").get<std::string>());
    BOOST_TEST(published == std::set<std::string>(receipts.begin(), receipts.end()));
    Recount r = recount(bulletin);
    BOOST_REQUIRE_EQUAL(r.status, 0);
    BOOST_TEST(r.result() == bulletin["result"]);
}

// About the key file kept next to the SQLite file.
BOOST_AUTO_TEST_CASE(a_missing_or_other_ballot_key_is_a_startup_error_and_loses_no_vote,
                     *boost::unit_test::precondition(on_sqlite)) {
    auto db = seeded_db();
    fs::path key = db.string() + ".ballot-key";
    ClockShift shift;
    Id ballot = 0;
    std::vector<std::string> tokens;
    {
        TestServer server(db, shifted_options(shift));
        tokens = member_tokens(server);
        // Created on first start, readable by its owner alone.
        BOOST_REQUIRE(fs::exists(key));
        BOOST_TEST(fs::file_size(key) == 32u);
        struct stat st {};
        BOOST_REQUIRE(::stat(key.c_str(), &st) == 0);
        BOOST_TEST((st.st_mode & 0777) == 0600);
        ballot = open_ballot_with(server, shift, tokens, {{"secret", true}}, 11);
        for (int m = 1; m <= 6; ++m)
            BOOST_REQUIRE_EQUAL(
                post_json(server, tokens[m], path_of("/api/ballots/", ballot, "/votes"),
                          {{"choice", "yes"}})
                    .status,
                201);
    }
    fs::path kept = db.string() + ".kept-key";
    fs::rename(key, kept);
    auto refused = [&](const std::string& expected) {
        try {
            server::Store store(db.string());
        } catch (const server::StoreError& e) {
            BOOST_TEST_MESSAGE(e.what());
            BOOST_TEST(std::string(e.what()).find(expected) != std::string::npos);
            return;
        }
        BOOST_FAIL("the store started without its ballot key");
    };
    // Missing: never replaced by a fresh key that could not open the sealed votes.
    refused("ballot key file");
    BOOST_TEST(!fs::exists(key));
    // Another key of the right size.
    {
        std::ofstream out(key, std::ios::binary);
        out << std::string(32, 'k');
    }
    refused("is not the key");
    // Not a key at all.
    {
        std::ofstream out(key, std::ios::binary);
        out << "short";
    }
    refused("32 bytes");
    // The command line says so and exits, too.
    std::string cmd = std::string("'") + YISHI_SERVER_BINARY + "' serve --port 0 --db '" +
                      db.string() + "' --ballot-key '" + db.string() + ".elsewhere' 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    BOOST_REQUIRE(p);
    std::string out;
    char buf[1024];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    int status = pclose(p);
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 1);
    BOOST_TEST(out.find("--ballot-key") != std::string::npos, out);

    // With its own key back, every vote is there.
    fs::remove(key);
    fs::rename(kept, key);
    TestServer server(db, shifted_options(shift));
    auto closed = post_json(server, tokens[1], path_of("/api/ballots/", ballot, "/close"));
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    BOOST_TEST(closed.body["tally"]["yes"] == 6);
}

// About the key file kept next to the SQLite file.
BOOST_AUTO_TEST_CASE(a_ballot_key_file_given_elsewhere_is_created_there,
                     *boost::unit_test::precondition(on_sqlite)) {
    auto db = fresh_db_path();
    fs::path key = db.string() + ".somewhere-else";
    {
        server::Store store(db.string(), server::Store::Access::read_write, key.string());
    }
    BOOST_TEST(fs::file_size(key) == 32u);
    BOOST_TEST(!fs::exists(db.string() + ".ballot-key"));
    // A fresh database without secret ballots takes any key; the same one opens it again.
    server::Store again(db.string(), server::Store::Access::read_write, key.string());
}

BOOST_AUTO_TEST_CASE(a_secret_ballot_without_receipts_gives_none_and_yishi_tally_recounts_it) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    Id ballot = open_ballot_with(server, shift, tokens,
                                 {{"method", "single"},
                                  {"options", {"东门", "西门", "南门"}},
                                  {"secret", true},
                                  {"receipts", false}},
                                 11);
    std::string path = path_of("/api/ballots/", ballot);
    const char* picks[] = {"西门", "东门", "西门", "南门", "西门", "西门", "东门", "西门", "南门"};
    for (int m = 1; m <= 9; ++m) {
        auto r = post_json(server, tokens[m], path + "/votes", {{"choice", picks[m - 1]}});
        BOOST_REQUIRE_EQUAL(r.status, 201);
        BOOST_TEST(!r.body.contains("receipt"));
        BOOST_TEST(r.body["secret"] == true);
        BOOST_TEST(r.body["receipts"] == false);
    }
    auto closed = post_json(server, tokens[1], path + "/close");
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    BOOST_TEST(closed.body["tally"]["outcome"] == "passed");
    auto bulletin = get_json(server, tokens[4], path + "/bulletin").body;
    BOOST_REQUIRE_EQUAL(bulletin["ballots"].size(), 9u);
    for (const auto& b : bulletin["ballots"]) {
        BOOST_TEST(!b.contains("receipt"));
        BOOST_TEST(!b.contains("member_id"));
    }
    BOOST_TEST(bulletin["result"]["counts"]["西门"] == 5);
    BOOST_TEST(bulletin["result"]["counts"]["东门"] == 2);
    BOOST_TEST(bulletin["result"]["winners"] == Json::array({"西门"}));
    Recount r = recount(bulletin);
    BOOST_REQUIRE_EQUAL(r.status, 0);
    BOOST_TEST(r.result() == bulletin["result"]);
}

BOOST_AUTO_TEST_CASE(a_secret_ballot_gives_receipts_unless_the_convenor_chose_otherwise) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    Id ballot = open_ballot_with(server, shift, tokens, {{"secret", true}}, 11);
    auto r = post_json(server, tokens[2], path_of("/api/ballots/", ballot, "/votes"),
                       {{"choice", "yes"}});
    BOOST_REQUIRE_EQUAL(r.status, 201);
    BOOST_TEST(r.body["receipts"] == true);
    BOOST_TEST(r.body.value("receipt", "").size() == 10u);
}

BOOST_AUTO_TEST_CASE(receipts_are_refused_on_an_open_ballot_and_change_nothing) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    Id session = open_session_with(server, shift, tokens, {1});
    sign_in(server, session, tokens, 1, 11);
    std::string path = path_of("/api/sessions/", session, "/ballots");
    std::string before = full_snapshot(server.db());
    struct Case {
        Json body;
        const char* code;
    };
    const Case cases[] = {
        {{{"issue_id", 1}, {"receipts", false}}, "bad_ballot"},
        {{{"issue_id", 1}, {"receipts", true}}, "bad_ballot"},
        {{{"issue_id", 1}, {"method", "single"}, {"options", {"A", "B"}}, {"receipts", false}},
         "bad_ballot"},
        {{{"issue_id", 1}, {"secret", false}, {"receipts", true}}, "bad_ballot"},
        {{{"issue_id", 1}, {"secret", true}, {"receipts", "no"}}, "wrong_type"},
    };
    for (const auto& c : cases) {
        auto r = post_json(server, tokens[1], path, c.body);
        BOOST_TEST(r.status == 400, c.body.dump());
        BOOST_TEST(r.code() == c.code, c.body.dump());
        BOOST_TEST(r.body["error"]["field"] == "receipts");
        std::string message = r.body["error"]["message"].get<std::string>();
        BOOST_TEST(!message.empty());
        BOOST_TEST(static_cast<unsigned char>(message[0]) >= 0x80, message);  // Chinese
    }
    BOOST_TEST(full_snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
