#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

// Runs latent-explorer as a script would, for the command-line tests.
struct RunResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

// Runs the app with `args` (already shell-quoted as needed); output goes to a pipe, so
// the app must behave as when piped in a script. `environment`: "NAME=value ..." to set.
inline RunResult run(const std::string& args, const std::string& environment = {}) {
    const std::string command =
        "env " + environment + " '" + std::string(LATENT_EXPLORER_EXE) + "' " + args + " 2>&1";
    RunResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        result.output.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

inline std::string quoted(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

// The lines of a text file the app wrote.
inline std::vector<std::string> linesOf(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}
