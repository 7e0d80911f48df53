// Sealing a secret ballot's contents while it is open (libsodium, no SQL): the server's ballot key
// file, a key pair per ballot whose secret half is kept only under that key, and contents padded
// to one size and sealed to the ballot's public key, so that stored rows say neither what nor,
// by their length, how much was cast.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "yishi/server/store.hpp"

namespace yishi::server {

// The server's ballot key (32 random bytes) from its file. Several servers on one database share
// the file: nothing needed to open a ballot lives in one process only.
struct BallotKey {
    std::array<unsigned char, 32> bytes{};
    // A keyed digest naming the key without revealing it, kept by the database to refuse a
    // server started with another key.
    std::string fingerprint() const;
};

// Reads the key file; when it is missing and `may_create`, creates it (mode 0600, 32 random
// bytes, atomically so that servers starting together end up with one key). Throws StoreError
// when it is missing otherwise, unreadable, or not 32 bytes.
BallotKey load_ballot_key(const std::string& path, bool may_create);

// A ballot's key pair, as stored: the public key in plain, the secret key encrypted under the
// server's ballot key (nonce and box), both base64.
struct BallotKeyPair {
    std::string public_key;
    std::string sealed_secret_key;
};
BallotKeyPair new_ballot_key_pair(const BallotKey& key);

// The size every content of a ballot held as `spec` is padded to before sealing: more than the
// longest vote the spec admits (every option, a floor area, a receipt), so all sealed contents
// of a ballot have one length.
std::size_t sealed_block_size(const BallotSpec& spec);

// One content sealed to the ballot's public key (randomised: equal contents give unrelated
// bytes), base64.
std::string seal_content(const std::string& public_key, const std::string& content,
                         std::size_t block_size);

// Opens the ballot's sealed contents with its secret key; throws StoreError when one does not
// open (another key, or a damaged row), never silently dropping a vote.
std::vector<std::string> open_contents(const BallotKey& key, const BallotKeyPair& pair,
                                       const std::vector<std::string>& sealed);

}  // namespace yishi::server
