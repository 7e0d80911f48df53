// yishi-tally FILE | -: reads a bulletin (计票公告) and prints its result as JSON, computed by
// the same core code the server publishes with. A malformed bulletin: the problem on stderr, exit 2.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "yishi/bulletin.hpp"

namespace {
constexpr int kMalformed = 2;

int usage() {
    std::cerr << "usage: yishi-tally FILE|-   (- reads the bulletin from standard input)\n";
    return kMalformed;
}

// Runs this program again with glibc's malloc putting large allocations on transparent huge
// pages (a tunable read only at start): a million ballots' lists then fault in by 2 MiB rather
// than by 4 KiB, which halves a large recount. Where that cannot be done, runs on as it is.
void on_huge_pages(char** argv) {
    const char* set = std::getenv("GLIBC_TUNABLES");
    if (set && std::strstr(set, "glibc.malloc.hugetlb")) return;
    std::string tunables = "glibc.malloc.hugetlb=1";
    if (set && *set) tunables = std::string(set) + ":" + tunables;
    if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
    execv("/proc/self/exe", argv);
}

// The bulletin's text: a regular file is mapped rather than copied (a bulletin may run to tens
// of megabytes) and stays mapped until the process ends; anything else is read into `storage`.
bool read_bulletin(const std::string& arg, std::string& storage, std::string_view& text) {
    if (arg == "-") {
        storage.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        text = storage;
        return true;
    }
    int fd = open(arg.c_str(), O_RDONLY);
    if (fd < 0) return false;
    struct stat st {};
    bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
    void* mapped = regular ? mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ,
                                  MAP_PRIVATE | MAP_POPULATE, fd, 0)
                           : MAP_FAILED;
    close(fd);
    if (mapped != MAP_FAILED) {
        text = std::string_view(static_cast<const char*>(mapped), static_cast<std::size_t>(st.st_size));
        return true;
    }
    std::ifstream in(arg, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    storage = buf.str();
    text = storage;
    return true;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) return usage();
    on_huge_pages(argv);
    std::string arg = argv[1];
    if (arg == "-h" || arg == "--help") {
        usage();
        return 0;
    }
    std::string storage;
    std::string_view text;
    if (!read_bulletin(arg, storage, text)) {
        std::cerr << "yishi-tally: cannot read " << arg << "\n";
        return kMalformed;
    }
    auto bulletin = yishi::parse_bulletin_text(text);
    if (!bulletin) {
        // The code first, for scripts; then the message naming the problem, for people.
        std::cerr << "yishi-tally: " << bulletin.error().code << ": " << bulletin.error().message
                  << "\n";
        return kMalformed;
    }
    std::cout << yishi::tally_bulletin(bulletin.value())
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    // Ends without taking the bulletin apart: the system frees its memory at once, where a
    // million ballots' destructors would add a tenth to the recount.
    std::cout.flush();
    std::exit(std::cout ? 0 : 1);
}
