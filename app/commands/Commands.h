#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace latent::app {

// A subcommand registered on the command line and what runs it once parsed. `run`
// returns the exit code; core errors propagate as latent::Error (main maps them to 2).
struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

Command addEncodeCommand(CLI::App& cli);
Command addDecodeCommand(CLI::App& cli);
Command addInfoCommand(CLI::App& cli);
Command addGridCommand(CLI::App& cli);
Command addProjectCommand(CLI::App& cli);
Command addMorphCommand(CLI::App& cli);
Command addTraverseCommand(CLI::App& cli);
Command addScoreCommand(CLI::App& cli);
Command addReportCommand(CLI::App& cli);
Command addClusterCommand(CLI::App& cli);
Command addCompareCommand(CLI::App& cli);
Command addMergeCommand(CLI::App& cli);

// Exit codes of every subcommand (documented in docs/data-formats.md).
constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;     // bad command line
constexpr int kExitBadInput = 2;  // a file could not be read, or does not fit the model
constexpr int kExitCancelled = 130;  // Ctrl-C (128 + SIGINT, as shells report it)

}  // namespace latent::app
