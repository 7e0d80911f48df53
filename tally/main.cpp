// yishi-tally FILE | -: reads a bulletin (计票公告) and prints its result as JSON, computed by
// the same core code the server publishes with. A malformed bulletin: the problem on stderr, exit 2.
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "yishi/bulletin.hpp"

namespace {
constexpr int kMalformed = 2;

int usage() {
    std::cerr << "usage: yishi-tally FILE|-   (- reads the bulletin from standard input)\n";
    return kMalformed;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) return usage();
    std::string arg = argv[1];
    if (arg == "-h" || arg == "--help") {
        usage();
        return 0;
    }
    std::string text;
    if (arg == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        // Sized once: a bulletin may run to tens of megabytes.
        std::ifstream in(arg, std::ios::binary | std::ios::ate);
        std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
        if (size >= 0) {
            text.resize(static_cast<std::size_t>(size));
            in.seekg(0);
            in.read(text.data(), static_cast<std::streamsize>(size));
        }
        if (size < 0 || !in) {
            std::cerr << "yishi-tally: cannot read " << arg << "\n";
            return kMalformed;
        }
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
    return 0;
}
