// Accounts by invite code (邀请码): the rules for logins, passwords and typed invite codes,
// who may issue invites, and the JSON forms of POST /api/invites and POST /api/register.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "yishi/errors.hpp"
#include "yishi/model.hpp"

namespace yishi {

constexpr std::size_t kLoginMinChars = 3;
constexpr std::size_t kLoginMaxChars = 32;
constexpr std::size_t kPasswordMinChars = 8;
constexpr std::size_t kPasswordMaxChars = 128;
constexpr std::size_t kPersonNameMaxChars = 32;

// An invite code is 10 characters of this 32-letter alphabet (50 random bits). It leaves out
// 0/O and 1/I, which people misread when a code is copied from paper or read out by phone.
constexpr std::string_view kInviteAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
constexpr std::size_t kInviteCodeChars = 10;

// A login is 3–32 characters of [a-z0-9_]; anything else is bad_login.
Check check_login(std::string_view login);
// A password is 8–128 characters (code points of valid UTF-8), taken as typed: bad_password.
Check check_password(std::string_view password);

// The code as stored and hashed: upper case, without the spaces and hyphens people type
// ("abcde-fghjk" → "ABCDEFGHJK"). Nullopt when that is not 10 letters of the alphabet.
std::optional<std::string> normalize_invite_code(std::string_view typed);
// The code as shown to people: "ABCDE-FGHJK".
std::string format_invite_code(std::string_view normalized);

// Who may issue invites for a council: an admin, or a convenor (召集人, or the community's
// party committee, which convenes like one) who belongs to it.
bool may_issue_invites(const Member& actor);
Check check_issue_invite(const Member& actor, bool actor_is_member);

// POST /api/invites: the resident's real name (trimmed, 1–32 characters) and the council
// the new member joins.
struct NewInviteRequest {
    std::string name;
    Id council_id = 0;
};
Result<NewInviteRequest> decode_new_invite_request(std::string_view body);
std::string encode(const NewInviteRequest& r);

// The reply: the code in clear, shown once and never stored (the server keeps its hash).
struct Invite {
    std::string code;
    std::string name;
    Id council_id = 0;
    std::int64_t expires_at = 0;  // Unix seconds
};
std::string encode(const Invite& r);
Result<Invite> decode_invite(std::string_view body);

// POST /api/register: code (normalized), login (trimmed) and password. The reply is a
// LoginReply (messages.hpp).
struct RegisterRequest {
    std::string code;
    std::string login;
    std::string password;
};
Result<RegisterRequest> decode_register_request(std::string_view body);
std::string encode(const RegisterRequest& r);

}  // namespace yishi
