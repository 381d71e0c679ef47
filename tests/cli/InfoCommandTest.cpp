// `info` on models that load with something to say, and on one that fails with LibTorch's
// own text behind it: one line by default, the traceback with --verbose.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "CliRun.h"

namespace {

std::string fixtureArg(const char* name) {
    return quoted(std::filesystem::path(LATENT_MODEL_FIXTURES) / name);
}

nlohmann::json jsonIn(const std::string& output) {
    return nlohmann::json::parse(
        output.substr(output.find('{'), output.rfind('}') - output.find('{') + 1));
}

TEST(InfoCommand, SaysWhenItAssumesTheValueRange) {
    const auto text = run("info --model " + fixtureArg("probed_tanh_generator.pt"));
    EXPECT_EQ(text.exitCode, 0) << text.output;
    EXPECT_NE(
        text.output.find("value range:  [-1, 1], assumed: the decoder returns negative values\n"),
        std::string::npos)
        << text.output;
    const auto json =
        jsonIn(run("info --json --model " + fixtureArg("probed_tanh_generator.pt")).output);
    EXPECT_EQ(json.at("value_range"), (nlohmann::json{-1.0, 1.0}));
    EXPECT_EQ(json.at("probed_fields"),
              (nlohmann::json{"latent_dim", "image_shape", "value_range"}));
}

TEST(InfoCommand, ShowsTheWarningsOfAModelThatLoads) {
    const std::string warning =
        "the decoder returns NaN or Inf for the zero latent (64 of 64 values): those pixels are "
        "shown black";
    const auto text = run("info --model " + fixtureArg("nan_decoder.pt"));
    EXPECT_EQ(text.exitCode, 0) << text.output;
    EXPECT_NE(text.output.find("warning:      " + warning + "\n"), std::string::npos)
        << text.output;
    const auto json = jsonIn(run("info --json --model " + fixtureArg("nan_decoder.pt")).output);
    EXPECT_EQ(json.at("warnings"), (nlohmann::json{warning}));
    EXPECT_EQ(jsonIn(run("info --json").output).at("warnings"), nlohmann::json::array());
}

TEST(InfoCommand, AContradictionIsOneLineAndTheTracebackNeedsVerbose) {
    const auto brief = run("info --model " + fixtureArg("latent_dim_contradicts_weights.pt"));
    EXPECT_EQ(brief.exitCode, 2);
    EXPECT_NE(
        brief.output.find("meta.json says latent_dim is 10, but the decoder's first layer takes 8"),
        std::string::npos)
        << brief.output;
    EXPECT_EQ(brief.output.find("Traceback"), std::string::npos) << brief.output;
    EXPECT_NE(brief.output.find("--verbose"), std::string::npos) << brief.output;
    const auto verbose =
        run("info --model " + fixtureArg("latent_dim_contradicts_weights.pt") + " --verbose");
    EXPECT_EQ(verbose.exitCode, 2);
    EXPECT_NE(verbose.output.find("Traceback of TorchScript"), std::string::npos) << verbose.output;
}

}  // namespace
