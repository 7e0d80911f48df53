// The database drivers under many threads: writers arriving at once each commit or fail alone
// (each driver commits them in groups), also when their failure is a deferred write's; a read
// never waits for a write; and a statement kept prepared runs again with fresh parameters, even
// while the same text is still being stepped.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;
namespace db = yishi::database;

namespace {

std::unique_ptr<db::Database> open_pool(const std::filesystem::path& path) {
    return db::Database::open(path.string(), db::Database::Options{});
}

void make_table(db::Database& d) {
    d.write([](db::Connection& c) { c.execute("CREATE TABLE notes (id {id}, n INTEGER NOT NULL)"); });
}

std::int64_t count(db::Database& d, const std::string& sql) {
    return d.read([&](db::Connection& c) {
        db::Statement q(c, sql);
        return db::single(q).int64();
    });
}

// `writers` threads let go at once, the i-th calling write(i): how many were acknowledged and
// how many refused (write threw).
struct Answers {
    int acknowledged = 0;
    int refused = 0;
};
Answers writers_at_once(int writers, const std::function<void(int)>& write) {
    std::atomic<int> acknowledged{0}, refused{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 1; i <= writers; ++i) {
        threads.emplace_back([&, i] {
            while (!go) std::this_thread::yield();
            try {
                write(i);
                ++acknowledged;
            } catch (const std::runtime_error&) {
                ++refused;
            }
        });
    }
    go = true;
    for (auto& t : threads) t.join();
    return {acknowledged, refused};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(database_driver)

BOOST_AUTO_TEST_CASE(writers_at_once_each_commit_or_fail_alone) {
    auto path = fresh_db_path();
    {
        auto d = open_pool(path);
        make_table(*d);
        Answers a = writers_at_once(48, [&](int i) {
            d->write([&](db::Connection& c) {
                db::Statement insert(c, "INSERT INTO notes (n) VALUES (?)");
                insert.bind(1, i).run();
                // Every sixth writer fails after its insert: the insert must go.
                if (i % 6 == 0) throw std::runtime_error("refused on purpose");
                db::Statement again(c, "INSERT INTO notes (n) VALUES (?)");
                again.bind(1, 1000 + i).run();
            });
        });
        BOOST_TEST(a.acknowledged == 40);
        BOOST_TEST(a.refused == 8);
    }
    // Reopened: every acknowledged writer's two rows, none of a refused one's.
    auto d = open_pool(path);
    BOOST_TEST(count(*d, "SELECT COUNT(*) FROM notes") == 80);
    BOOST_TEST(count(*d, "SELECT COUNT(*) FROM notes WHERE n % 6 = 0 AND n < 1000") == 0);
    BOOST_TEST(count(*d, "SELECT COUNT(*) FROM notes WHERE n > 1000 AND (n - 1000) % 6 = 0") == 0);
    BOOST_TEST(count(*d, "SELECT SUM(n) FROM notes WHERE n < 1000") == 48 * 49 / 2 - 6 * (8 * 9 / 2));
}

BOOST_AUTO_TEST_CASE(a_writer_refused_by_the_database_fails_alone) {
    auto path = fresh_db_path();
    {
        auto d = open_pool(path);
        d->write([](db::Connection& c) {
            c.execute("CREATE TABLE seats (id {id}, who INTEGER NOT NULL UNIQUE)");
        });
        Answers a = writers_at_once(40, [&](int i) {
            // Writers 1 and 2, 3 and 4, ... want the same seat: the database's UNIQUE
            // refuses one of each pair, whatever group they share.
            d->write([&](db::Connection& c) {
                db::Statement insert(c, "INSERT INTO seats (who) VALUES (?)");
                insert.bind(1, (i + 1) / 2).run();
            });
        });
        BOOST_TEST(a.acknowledged == 20);
        BOOST_TEST(a.refused == 20);
    }
    auto d = open_pool(path);
    BOOST_TEST(count(*d, "SELECT COUNT(*) FROM seats") == 20);
    BOOST_TEST(count(*d, "SELECT SUM(who) FROM seats") == 20 * 21 / 2);
}

BOOST_AUTO_TEST_CASE(deferred_writes_are_seen_by_the_next_read_and_fail_their_own_writer) {
    auto path = fresh_db_path();
    {
        auto d = open_pool(path);
        d->write([](db::Connection& c) {
            c.execute("CREATE TABLE marks (id {id}, n INTEGER NOT NULL CHECK (n > 0))");
        });
        // Within a transaction, the next statement runs after the deferred ones.
        std::int64_t seen = d->write([](db::Connection& c) {
            for (int n : {1, 2}) {
                db::Statement insert(c, "INSERT INTO marks (n) VALUES (?)");
                insert.bind(1, n).run_later();
            }
            db::Statement q(c, "SELECT COUNT(*) FROM marks");
            return db::single(q).int64();
        });
        BOOST_TEST(seen == 2);
        Answers a = writers_at_once(30, [&](int i) {
            // Every fifth writer's second row breaks the CHECK: that writer fails, with
            // its first row, and nobody else.
            d->write([&](db::Connection& c) {
                db::Statement first(c, "INSERT INTO marks (n) VALUES (?)");
                first.bind(1, 100 + i).run_later();
                db::Statement second(c, "INSERT INTO marks (n) VALUES (?)");
                second.bind(1, i % 5 == 0 ? -i : 1000 + i).run_later();
            });
        });
        BOOST_TEST(a.acknowledged == 24);
        BOOST_TEST(a.refused == 6);
    }
    auto d = open_pool(path);
    BOOST_TEST(count(*d, "SELECT COUNT(*) FROM marks") == 2 + 2 * 24);
    BOOST_TEST(count(*d, "SELECT COUNT(*) FROM marks WHERE n > 100 AND n < 1000 AND n % 5 = 0") == 0);
}

BOOST_AUTO_TEST_CASE(a_read_runs_while_a_write_is_under_way_and_sees_only_committed_rows) {
    auto d = open_pool(fresh_db_path());
    make_table(*d);
    d->write([](db::Connection& c) { c.execute("INSERT INTO notes (n) VALUES (1)"); });
    std::mutex m;
    std::condition_variable cv;
    bool inside = false, read_done = false;
    std::int64_t seen = -1;
    std::thread writer([&] {
        d->write([&](db::Connection& c) {
            c.execute("INSERT INTO notes (n) VALUES (2)");
            std::unique_lock lock(m);
            inside = true;
            cv.notify_all();
            // The write stays open until the read is done; were reads queued behind writes,
            // the read would never finish and this wait would give up.
            cv.wait_for(lock, std::chrono::seconds(60), [&] { return read_done; });
        });
    });
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return inside; });
    }
    seen = count(*d, "SELECT COUNT(*) FROM notes");
    {
        std::lock_guard lock(m);
        read_done = true;
        cv.notify_all();
    }
    writer.join();
    BOOST_TEST(seen == 1);
    BOOST_TEST(count(*d, "SELECT COUNT(*) FROM notes") == 2);
}

BOOST_AUTO_TEST_CASE(a_kept_statement_runs_again_and_beside_itself) {
    auto d = open_pool(fresh_db_path());
    make_table(*d);
    d->write([](db::Connection& c) {
        for (int n = 1; n <= 5; ++n) {
            db::Statement insert(c, "INSERT INTO notes (n) VALUES (?)");
            insert.bind(1, n).run();
        }
    });
    const std::string sql = "SELECT n FROM notes WHERE n >= ? ORDER BY n";
    std::vector<std::int64_t> pairs;
    d->read([&](db::Connection& c) {
        db::Statement outer(c, sql);
        outer.bind(1, 4);
        while (outer.step()) {
            // The same text while the first is still stepping: a statement of its own.
            db::Statement inner(c, sql);
            inner.bind(1, outer.column(0).int64());
            while (inner.step()) pairs.push_back(outer.column(0).int64() * 10 + inner.column(0).int64());
        }
    });
    BOOST_TEST(pairs == (std::vector<std::int64_t>{44, 45, 55}), boost::test_tools::per_element());
    // Kept from before with the old parameter cleared: bound anew, it answers anew.
    for (int from = 1; from <= 5; ++from) {
        std::int64_t rows = d->read([&](db::Connection& c) {
            db::Statement q(c, sql);
            q.bind(1, from);
            std::int64_t k = 0;
            while (q.step()) ++k;
            return k;
        });
        BOOST_TEST(rows == 6 - from);
    }
}

BOOST_AUTO_TEST_SUITE_END()
