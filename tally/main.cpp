// yishi-tally FILE | -: reads a bulletin (计票公告) and prints its result as JSON, computed by
// the same core code the server publishes with. A malformed bulletin: the problem on stderr, exit 2.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
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
        std::ifstream in(arg, std::ios::binary);
        if (!in) {
            std::cerr << "yishi-tally: cannot read " << arg << "\n";
            return kMalformed;
        }
        std::ostringstream buf;
        buf << in.rdbuf();
        text = buf.str();
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
