// Inside the store: its database (SQLite or PostgreSQL, through one interface), the shape every
// write act shares (Act, recorded in store_audit.cpp), and the readers shared by store.cpp
// (communities, councils, issues), store_access.cpp (login tokens, the throttle),
// store_invites.cpp (invites, registration), store_members.cpp (accounts, households) and
// store_audit.cpp (the audit log).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "ballot_seal.hpp"
#include "yishi/database/database.hpp"
#include "yishi/messages.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

using database::Connection;
using database::Statement;

// A refusal met after an act wrote: thrown (Act::refuse) so that the transaction rolls the
// writes back, and returned by Store::Impl::act once outside it.
struct Refusal {
    Error error;
};

// One act (一次操作) inside its write transaction. The act itself loads what it changes, asks
// the core's rule, writes and builds its reply; this holds what every act shares: the
// connection, who acts and when, the actor as their council sees them, and the one audit entry
// on that council's community's chain.
class Act {
public:
    Act(Connection& db, std::optional<Id> actor, std::int64_t now)
        : db(db), actor(actor), now(now) {}

    Connection& db;
    // Whom the audit entry names: none for the system's own acts; registration names the
    // member it has just made.
    std::optional<Id> actor;
    const std::int64_t now;

    // The actor as the council sees them (role, membership, voting), read once. The council's
    // community is the chain record() appends to.
    const Actor& who(Id council_id);
    // The chain of an act that asks no rule of the actor: the council's community, or a
    // community named directly.
    void in_council(Id council_id);
    void in_community(Id community_id) { community_ = community_id; }
    // The chain's newest entry (seq 0 and no hash: none yet), read by the act in the same
    // transaction together with what it reads anyway, so that record() needs no read of its own.
    struct ChainHead {
        std::int64_t seq = 0;
        std::string hash;
    };
    void chain_head(Id community_id, ChainHead head) {
        community_ = community_id;
        head_ = std::move(head);
    }
    // Appends the act's one audit entry, by `actor` at `now`, in the same transaction as its
    // writes, so that both commit or neither does.
    void record(const std::string& action, const Json& details);
    bool recorded() const { return recorded_; }
    // Refuses after writing: the writes roll back and the act returns `error`.
    [[noreturn]] static void refuse(Error error) { throw Refusal{std::move(error)}; }

private:
    std::optional<Id> council_id_;
    std::optional<ChainHead> head_;
    std::optional<Actor> who_;
    std::optional<Id> community_;
    bool recorded_ = false;
};

struct Store::Impl {
    using Access = Store::Access;
    Impl(const std::string& address, Access access);

    // Every act runs inside one of these: write() retries the whole function when a concurrent
    // writer on PostgreSQL made it fail, so the function builds its result afresh each time.
    template <typename F>
    auto write(F&& f) { return db->write(std::forward<F>(f)); }
    template <typename F>
    auto read(F&& f) { return db->read(std::forward<F>(f)); }
    template <typename F>
    auto read_statement(F&& f) { return db->read_statement(std::forward<F>(f)); }

    // The shape of every write act: one write transaction (retried as a whole like write()),
    // an Act for `f`, and a refusal thrown after writing returned as the act's error. An act
    // that succeeds without its audit entry is a bug in the store, not a user's error.
    template <typename F>
    auto act(std::optional<Id> actor, std::int64_t now, F&& f)
        -> decltype(f(std::declval<Act&>())) {
        using R = decltype(f(std::declval<Act&>()));
        constexpr bool refusable = std::is_constructible_v<R, Error>;
        try {
            return write([&](Connection& connection) -> R {
                Act a(connection, actor, now);
                R out = f(a);
                if constexpr (refusable)
                    if (out && !a.recorded())
                        throw StoreError("an act that changed the store without an audit entry");
                return out;
            });
        } catch (const Refusal& r) {
            if constexpr (refusable)
                return r.error;
            else
                throw;
        }
    }

    std::unique_ptr<database::Database> db;
    BallotKey ballot_key;  // read_write only: seals and opens secret ballots
};

// Readers for use inside a transaction.
std::optional<Issue> issue(Connection& db, Id id, Id viewer);
std::optional<Council> council(Connection& db, Id id);
bool is_member(Connection& db, Id council_id, Id member_id);
// The community a council or a member belongs to: the audit chain an act is written to.
Id community_of_council(Connection& db, Id council_id);
Id community_of_member(Connection& db, Id member_id);

// The administrator's scope of an active member; nullopt for anyone else.
std::optional<AdminScope> admin_scope_of(Connection& db, Id member_id);
// A place of `table` already has `name` under the same parent (`parent` column; empty: none).
bool name_taken(Connection& db, const std::string& table, const std::string& parent, Id parent_id,
                const std::string& name);

// Reads a member from the columns id, login, name, role (in that order, from column 0).
Member member_from(Statement& q);

// The id of the community's household with `label`, created on first use; nullopt for an
// empty label (not recorded). Call it inside the write transaction that needs it.
std::optional<Id> household_id(Connection& db, Id community_id, const std::string& label);

}  // namespace yishi::server
