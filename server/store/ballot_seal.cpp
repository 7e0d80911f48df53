// Sealing a secret ballot's contents while it is open: the ballot key file, per-ballot key pairs
// and padded sealed boxes, on libsodium.
#include "ballot_seal.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <sodium.h>

#include "yishi/server/auth.hpp"

namespace yishi::server {

namespace {

std::string to_base64(const unsigned char* data, std::size_t n) {
    std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::vector<unsigned char> from_base64(const std::string& text, const char* what) {
    std::vector<unsigned char> out(text.size());
    std::size_t n = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &n, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        throw StoreError(std::string("unreadable ") + what + " in database");
    out.resize(n);
    return out;
}

std::string system_error(const std::string& what, const std::string& path) {
    return what + " " + path + ": " + std::strerror(errno);
}

// Writes 32 random bytes to a private temporary file and links it into place: the key file
// appears whole or not at all, and of two servers starting together the second keeps the first's.
void create_key_file(const std::string& path) {
    unsigned char key[32];
    randombytes_buf(key, sizeof key);
    unsigned char tag[8];
    randombytes_buf(tag, sizeof tag);
    char tag_hex[2 * sizeof tag + 1];
    sodium_bin2hex(tag_hex, sizeof tag_hex, tag, sizeof tag);
    std::string tmp = path + ".new-" + tag_hex;
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw StoreError(system_error("cannot create ballot key file", path));
    bool written = ::fchmod(fd, 0600) == 0 && ::write(fd, key, sizeof key) == sizeof key &&
                   ::fsync(fd) == 0;
    sodium_memzero(key, sizeof key);
    ::close(fd);
    if (!written) {
        std::string message = system_error("cannot write ballot key file", path);
        ::unlink(tmp.c_str());
        throw StoreError(message);
    }
    int linked = ::link(tmp.c_str(), path.c_str());
    int link_errno = errno;
    ::unlink(tmp.c_str());
    if (linked != 0 && link_errno != EEXIST) {
        errno = link_errno;
        throw StoreError(system_error("cannot create ballot key file", path));
    }
    std::filesystem::path dir = std::filesystem::absolute(path).parent_path();
    if (int d = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); d >= 0) {
        ::fsync(d);  // the new name survives a crash
        ::close(d);
    }
}

}  // namespace

std::string BallotKey::fingerprint() const {
    static const char kLabel[] = "yishi ballot key fingerprint";
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(kLabel),
                       sizeof kLabel - 1, bytes.data(), bytes.size());
    return to_base64(digest, sizeof digest);
}

BallotKey load_ballot_key(const std::string& path, bool may_create) {
    init_crypto();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        if (!may_create)
            throw StoreError("ballot key file " + path +
                             " is missing, but this database holds secret ballots sealed under "
                             "it: give the database's key file with --ballot-key");
        create_key_file(path);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw StoreError(system_error("cannot read ballot key file", path));
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() != 32)
        throw StoreError("ballot key file " + path + " must hold exactly 32 bytes, it holds " +
                         std::to_string(data.size()));
    BallotKey key;
    std::memcpy(key.bytes.data(), data.data(), 32);
    sodium_memzero(data.data(), data.size());
    return key;
}

BallotKeyPair new_ballot_key_pair(const BallotKey& key) {
    init_crypto();
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    unsigned char boxed[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + sizeof sk];
    randombytes_buf(boxed, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(boxed + crypto_secretbox_NONCEBYTES, sk, sizeof sk, boxed,
                          key.bytes.data());
    sodium_memzero(sk, sizeof sk);
    return {to_base64(pk, sizeof pk), to_base64(boxed, sizeof boxed)};
}

std::size_t sealed_block_size(const BallotSpec& spec) {
    // The keys, a receipt, a floor area and "abstain" fit in 160 bytes; each option at most
    // once (an approval of all, a ranking of all), each byte escaped to at most 6 in JSON.
    std::size_t bound = 160;
    for (const auto& name : spec.options) bound += 6 * name.size() + 8;
    return (bound + 63) / 64 * 64;
}

std::string seal_content(const std::string& public_key, const std::string& content,
                         std::size_t block_size) {
    init_crypto();
    std::vector<unsigned char> pk = from_base64(public_key, "ballot public key");
    if (pk.size() != crypto_box_PUBLICKEYBYTES)
        throw StoreError("bad ballot public key in database");
    std::vector<unsigned char> padded(content.size() + block_size);
    std::memcpy(padded.data(), content.data(), content.size());
    std::size_t padded_len = 0;
    if (sodium_pad(&padded_len, padded.data(), content.size(), block_size, padded.size()) != 0)
        throw StoreError("cannot pad a ballot content");
    std::vector<unsigned char> sealed(crypto_box_SEALBYTES + padded_len);
    crypto_box_seal(sealed.data(), padded.data(), padded_len, pk.data());
    sodium_memzero(padded.data(), padded.size());
    return to_base64(sealed.data(), sealed.size());
}

std::vector<std::string> open_contents(const BallotKey& key, const BallotKeyPair& pair,
                                       const std::vector<std::string>& sealed) {
    init_crypto();
    std::vector<unsigned char> pk = from_base64(pair.public_key, "ballot public key");
    std::vector<unsigned char> boxed = from_base64(pair.sealed_secret_key, "ballot secret key");
    unsigned char sk[crypto_box_SECRETKEYBYTES];
    if (pk.size() != crypto_box_PUBLICKEYBYTES ||
        boxed.size() != crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + sizeof sk ||
        crypto_secretbox_open_easy(sk, boxed.data() + crypto_secretbox_NONCEBYTES,
                                   boxed.size() - crypto_secretbox_NONCEBYTES, boxed.data(),
                                   key.bytes.data()) != 0)
        throw StoreError(
            "the ballot key does not open this ballot's secret key: the server was started with "
            "another --ballot-key than the one the ballot was opened under");
    std::vector<std::string> out;
    for (const auto& text : sealed) {
        std::vector<unsigned char> c = from_base64(text, "sealed ballot content");
        if (c.size() < crypto_box_SEALBYTES) throw StoreError("a damaged sealed ballot content");
        std::vector<unsigned char> m(c.size() - crypto_box_SEALBYTES);
        std::size_t unpadded = 0;
        if (crypto_box_seal_open(m.data(), c.data(), c.size(), pk.data(), sk) != 0 ||
            sodium_unpad(&unpadded, m.data(), m.size(), m.size()) != 0) {
            sodium_memzero(sk, sizeof sk);
            throw StoreError("a sealed ballot content does not open with its ballot's key");
        }
        out.emplace_back(reinterpret_cast<const char*>(m.data()), unpadded);
        sodium_memzero(m.data(), m.size());
    }
    sodium_memzero(sk, sizeof sk);
    return out;
}

}  // namespace yishi::server
