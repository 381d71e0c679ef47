// Every way a model file can break the contract gets its own error category and a
// message that names the file and the problem.
#include <gtest/gtest.h>

#include <fstream>
#include <utility>

#include "ModelFixtures.h"
#include "TempDir.h"
#include "latent/core/LatentBatch.h"

namespace {

using latent::ErrorKind;

struct BadModel {
    std::string file;
    ErrorKind kind;
    std::vector<std::string> mentions;  // the message must contain each
};

void PrintTo(const BadModel& bad, std::ostream* os) { *os << bad.file; }

class InvalidModel : public ::testing::TestWithParam<BadModel> {};

TEST_P(InvalidModel, IsRefusedWithItsCategoryAndANamedProblem) {
    const auto& bad = GetParam();
    const auto error = modelLoadError(fixture(bad.file));
    EXPECT_EQ(error.kind(), bad.kind) << latent::toString(error.kind()) << ": " << error.what();
    const std::string message = error.what();
    EXPECT_NE(message.find(bad.file), std::string::npos) << message;
    for (const auto& m : bad.mentions) EXPECT_NE(message.find(m), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, InvalidModel,
    ::testing::Values(
        BadModel{"not_torchscript.pt",
                 ErrorKind::BadFormat,
                 {"not a TorchScript file", "torch.jit.save"}},
        BadModel{"truncated.pt", ErrorKind::Truncated, {"truncated"}},
        BadModel{"state_dict.pt", ErrorKind::BadFormat, {"torch.save", "not TorchScript"}},
        BadModel{
            "no_decode.pt", ErrorKind::ModelContract, {"neither a decode(z) nor a forward(z)"}},
        BadModel{"decode_not_4d.pt", ErrorKind::ModelContract, {"4-D", "[1, 784]"}},
        BadModel{"shape_mismatch.pt", ErrorKind::ModelContract, {"1x28x28", "1x32x32"}},
        BadModel{"latent_mismatch.pt",
                 ErrorKind::ModelContract,
                 {"encoder", "[1, 6]", "latent size is 8"}},
        BadModel{"latent_dim_contradicts_weights.pt",
                 ErrorKind::ModelContract,
                 {"meta.json says latent_dim is 10, but the decoder's first layer takes 8"}},
        BadModel{"unknown_operator.pt",
                 ErrorKind::ModelContract,
                 {"aten::scaled_dot_product_attention", "LibTorch 1.13", "newer PyTorch",
                  "docs/models.md"}},
        BadModel{"batch_of_one.pt",
                 ErrorKind::ModelContract,
                 {"decode failed on a batch of 8 prior samples: shape '[1, 1, 4, 4]' is invalid"}},
        BadModel{"bad_meta.pt", ErrorKind::ModelContract, {"meta.json is not valid JSON"}},
        BadModel{"bad_channel_order.pt", ErrorKind::ModelContract, {"channel_order", "\"cmyk\""}},
        BadModel{
            "no_latent_dim.pt", ErrorKind::ModelContract, {"latent size is unknown", "latent_dim"}},
        BadModel{"pair_mismatch.json",
                 ErrorKind::ModelContract,
                 {"encoder", "[1, 5]", "latent size is 6"}},
        BadModel{
            "manifest_missing_file.json", ErrorKind::Io, {"absent_encoder.pt", "does not exist"}},
        BadModel{"manifest_not_json.json", ErrorKind::BadFormat, {"not valid JSON"}}),
    [](const auto& param) { return testNameOf(param.param.file); });

// A model the user cannot load gets one line to act on; LibTorch's own text (a traceback)
// stays in the details for whoever digs further.
TEST(ModelValidation, TorchFailuresGiveOneLineAndKeepLibTorchsTextInDetails) {
    const std::pair<const char*, const char*> cases[] = {
        {"latent_dim_contradicts_weights.pt", "Traceback of TorchScript"},
        {"batch_of_one.pt", "Traceback of TorchScript"},
        {"unknown_operator.pt", "Unknown builtin op: aten::scaled_dot_product_attention"}};
    for (const auto& [file, torchText] : cases) {
        const auto error = modelLoadError(fixture(file));
        EXPECT_EQ(std::string(error.what()).find('\n'), std::string::npos) << error.what();
        EXPECT_NE(error.details().find(torchText), std::string::npos)
            << file << ": " << error.details();
    }
}

TEST(ModelValidation, NonFiniteProbeOutputLoadsWithAWarning) {
    const auto model = latent::Model::load(fixture("nan_decoder.pt"));  // NaN for the zero latent
    ASSERT_EQ(model->info().warnings.size(), 1u);
    EXPECT_EQ(model->info().warnings[0],
              "the decoder returns NaN or Inf for the zero latent (64 of 64 values): those pixels "
              "are shown black");
}

TEST(ModelValidation, MissingFileIsAnIoErrorNamingIt) {
    const auto error = modelLoadError(fixture("no_such_model.pt"));
    EXPECT_EQ(error.kind(), ErrorKind::Io);
    EXPECT_NE(std::string(error.what()).find("no_such_model.pt"), std::string::npos);
}

TEST(ModelValidation, NonFiniteOutputsAreFlaggedPerImage) {
    const auto model = latent::Model::load(fixture("nan_decoder.pt"));
    latent::LatentBatch z(3, 4);
    z.row(0)[0] = 0.0f;  // 0/0 in this decoder: every pixel NaN
    z.row(1)[0] = 1.0f;
    z.row(2)[0] = -2.0f;
    const auto images = model->decode(z);
    ASSERT_EQ(images.size(), 3u);
    EXPECT_TRUE(images[0].hadNonFinite);
    EXPECT_FALSE(images[1].hadNonFinite);
    EXPECT_FALSE(images[2].hadNonFinite);
    for (float v : images[0].pixels) EXPECT_EQ(v, 0.0f);  // replaced, never NaN
    for (float v : images[1].pixels) EXPECT_GT(v, 0.0f);
}

TEST(ModelValidation, DecodeOfTheWrongLatentSizeNamesBothSizes) {
    const auto model = latent::Model::load(fixture("mlp_vae.pt"));
    try {
        model->decode(latent::LatentBatch(1, 7));
        FAIL();
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
        EXPECT_NE(std::string(e.what()).find("7"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("8"), std::string::npos);
    }
}

// A name too long for the file system (ENAMETOOLONG) is a file that cannot be opened, said
// as such: it used to escape as std::filesystem_error (found by fuzz_model_metadata).
TEST(ModelValidation, NamesTooLongForTheFileSystemAreMissingFiles) {
    TempDir dir;
    const std::string longName(300, 'd');
    {
        std::ofstream manifest(dir / "pair.json");
        manifest << R"({"decoder": ")" << longName << R"(.pt"})";
    }
    const auto fromManifest = modelLoadError(dir / "pair.json");
    EXPECT_EQ(fromManifest.kind(), ErrorKind::Io) << fromManifest.what();
    EXPECT_NE(std::string(fromManifest.what()).find("does not exist"), std::string::npos) << fromManifest.what();
    const auto direct = modelLoadError(dir / (longName + ".pt"));
    EXPECT_EQ(direct.kind(), ErrorKind::Io) << direct.what();
}

}  // namespace
