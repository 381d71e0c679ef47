// Every valid variant of the model contract loads, describes itself, and decodes and
// encodes exactly what PyTorch computed for the same inputs.
#include <gtest/gtest.h>

#include <cmath>

#include "ModelFixtures.h"
#include "latent/core/LatentBatch.h"

namespace {

class ValidModel : public ::testing::TestWithParam<std::string> {};

std::vector<float> fixedImage(const latent::ImageShape& shape) {  // as the fixture script makes it
    std::vector<float> pixels(shape.pixelCount());
    for (std::size_t p = 0; p < pixels.size(); ++p) pixels[p] = static_cast<float>((p * 7) % 23) / 22.0f;
    return pixels;
}

void expectClose(const std::vector<float>& actual, const nlohmann::json& expected, double tolerance,
                 const std::string& what) {
    ASSERT_EQ(actual.size(), expected.size()) << what;
    for (std::size_t i = 0; i < actual.size(); ++i) {
        ASSERT_NEAR(actual[i], expected[i].get<double>(), tolerance) << what << " value " << i;
    }
}

TEST_P(ValidModel, ReportsWhatTheFileHolds) {
    const auto& known = knownModel(GetParam());
    const auto model = latent::Model::load(fixture(GetParam()));
    const auto& info = model->info();
    EXPECT_EQ(info.latentDim, known.at("latent_dim").get<std::size_t>());
    const auto shape = known.at("image_shape").get<std::vector<int>>();
    EXPECT_EQ(info.imageShape, (latent::ImageShape{shape[0], shape[1], shape[2]}));
    EXPECT_FLOAT_EQ(info.valueMin, known.at("value_range")[0].get<float>());
    EXPECT_FLOAT_EQ(info.valueMax, known.at("value_range")[1].get<float>());
    EXPECT_EQ(info.hasEncoder, known.at("has_encoder").get<bool>());
    EXPECT_EQ(info.variationalEncoder, known.at("variational").get<bool>());
    const auto source = known.at("metadata_source").get<std::string>();
    EXPECT_EQ(latent::toString(info.metadataSource), source == "embedded" ? "embedded meta.json" : source);
    EXPECT_EQ(info.probedFields, known.at("probed_fields").get<std::vector<std::string>>());
    EXPECT_TRUE(info.warnings.empty());
    EXPECT_EQ(info.colourOrder, shape[0] == 1 ? latent::ColourOrder::Gray : latent::ColourOrder::Rgb);
    EXPECT_GT(info.parameterCount, 0);
}

TEST_P(ValidModel, DecodesWhatPyTorchDecodes) {
    const auto& known = knownModel(GetParam());
    const auto model = latent::Model::load(fixture(GetParam()));
    const auto rows = known.at("latents").get<std::vector<std::vector<float>>>();
    latent::LatentBatch z(rows.size(), rows[0].size());
    for (std::size_t i = 0; i < rows.size(); ++i) std::copy(rows[i].begin(), rows[i].end(), z.row(i).begin());
    const auto images = model->decode(z);
    ASSERT_EQ(images.size(), rows.size());
    for (std::size_t i = 0; i < images.size(); ++i) {
        EXPECT_EQ(images[i].shape, model->info().imageShape);
        EXPECT_FALSE(images[i].hadNonFinite);
        expectClose(images[i].pixels, known.at("decoded")[i], 1e-4, "image " + std::to_string(i));
    }
}

TEST_P(ValidModel, EncodesWhatPyTorchEncodes) {
    const auto& known = knownModel(GetParam());
    const auto model = latent::Model::load(fixture(GetParam()));
    if (!known.contains("encoded")) {
        EXPECT_FALSE(model->info().hasEncoder);
        const auto pixels = fixedImage(model->info().imageShape);
        try {
            model->encode(pixels.data(), 1);
            FAIL() << "a generator-only model encoded";
        } catch (const latent::Error& e) {
            EXPECT_EQ(e.kind(), latent::ErrorKind::ModelContract);
            EXPECT_NE(std::string(e.what()).find("no encoder"), std::string::npos);
        }
        return;
    }
    const auto pixels = fixedImage(model->info().imageShape);
    const auto encoded = model->encodeWithLogvar(pixels.data(), 1);
    EXPECT_EQ(encoded.mu.count, 1u);
    EXPECT_EQ(encoded.mu.dim, model->info().latentDim);
    expectClose(encoded.mu.values, known.at("encoded"), 1e-4, "mu");
    if (known.contains("encoded_logvar")) {
        expectClose(encoded.logvar.values, known.at("encoded_logvar"), 1e-4, "logvar");
    } else {
        EXPECT_EQ(encoded.logvar.count, 0u);
    }
    expectClose(model->encode(pixels.data(), 1).values, known.at("encoded"), 1e-4, "encode()");
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ValidModel,
                         ::testing::Values("mlp_vae.pt", "conv_ae.pt", "gan_rgb64.pt",
                                           "range255_latent1.pt", "vae_latent1024.pt",
                                           "probed_mlp.pt", "probed_conv.pt",
                                           "probed_tanh_generator.pt", "pair.json"),
                         [](const auto& param) { return testNameOf(param.param); });

TEST(ModelFixtures, KnownOutputsCoverEveryValidVariant) {
    EXPECT_EQ(knownOutputs().at("models").size(), 9u);
}

TEST(ModelFixtures, EmbeddedMetadataIsRead) {
    const auto model = latent::Model::load(fixture("mlp_vae.pt"));
    EXPECT_EQ(model->info().name, "Fixture MLP VAE");
    ASSERT_EQ(model->info().classNames.size(), 10u);
    EXPECT_EQ(model->info().classNames[3], "class 3");
    const auto gan = latent::Model::load(fixture("gan_rgb64.pt"));
    EXPECT_EQ(gan->info().prior, latent::LatentPrior::StandardNormal);
    EXPECT_EQ(gan->info().name, "Fixture GAN generator");
}

TEST(ModelFixtures, PairNamesBothFilesAndCountsBothModules) {
    const auto pair = latent::Model::load(fixture("pair.json"));
    EXPECT_EQ(pair->info().name, "Fixture encoder/decoder pair");
    EXPECT_EQ(pair->info().encoderPath.filename(), "pair_encoder.pt");
    EXPECT_EQ(pair->info().parameterCount, (768 * 6 + 6) + (6 * 768 + 768));
}

}  // namespace
