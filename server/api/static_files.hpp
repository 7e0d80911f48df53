// Serves the built web client from one directory: index.html for "/", exact MIME types
// (application/wasm matters: browsers refuse to stream-compile anything else).
#pragma once
#include <filesystem>
#include <string>

#include <httplib.h>

namespace yishi::server {

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

    // Answers a GET/HEAD for a path outside /api; false when no file matches.
    bool serve(const httplib::Request& req, httplib::Response& res) const;

    static std::string mime_type(const std::filesystem::path& file);

private:
    std::filesystem::path root_;
};

}  // namespace yishi::server
