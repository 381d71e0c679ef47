// How a second model's UMAP map anchored to the first (LayoutAnchor) compares with a free
// one, for choosing the comparison's anchor weight (docs/comparing-models.md):
//
//   anchor_quality --points 2000|10000 [--weights 0,0.05,0.1,0.2,0.3]
//
// The first map is the bundled model's with seed 1. For each weight ("free": no anchor) it
// prints the Procrustes error left (alignMap) of the same model's map with seed 2 and with
// seed 1, and of the untrained MLP VAE fixture's map (a different model: its error must stay
// large), and trustworthiness@15 of the MLP VAE's map (over every item), with the seconds
// the two seed-2/MLP projections took. Quality numbers do not depend on the machine's load.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "EncodedFashionMnist.h"  // tests/core
#include "latent/core/Error.h"
#include "latent/core/MapAlignment.h"
#include "latent/core/ProjectionQuality.h"
#include "latent/core/Projector.h"

namespace {

constexpr int kThreads = 2;

// One map of a workspace's latents, with its own neighbour graphs (as alignedMap projects).
latent::LatentBatch mapOf(const latent::Workspace& ws, latent::ProjectionParams params, std::uint64_t seed,
                          const latent::LayoutAnchor& anchor) {
    params.seed = seed;
    return latent::project(std::make_shared<const latent::LatentBatch>(ws.latents), params, {}, ws.graphs.get(), anchor)
        .coords;
}

std::vector<double> parseWeights(const std::string& list) {
    std::vector<double> weights;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) weights.push_back(std::stod(item));
    return weights;
}

std::string loadAverage() {
    std::FILE* file = std::fopen("/proc/loadavg", "r");
    char line[128] = "?";
    if (file) {
        if (!std::fgets(line, sizeof line, file)) line[0] = '\0';
        std::fclose(file);
    }
    std::string text = line;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t points = 2000;
    std::string weightList = "0,0.05,0.1,0.2,0.3";
    for (int a = 1; a + 1 < argc; a += 2) {
        if (!std::strcmp(argv[a], "--points")) points = std::stoul(argv[a + 1]);
        if (!std::strcmp(argv[a], "--weights")) weightList = argv[a + 1];
    }
    try {
        latent::ProjectionParams params;
        params.method = latent::ProjectionMethod::Umap;
        params.threads = kThreads;
        const auto bundled = testdata::encodedWorkspace(LATENT_DEFAULT_MODEL, points, kThreads);
        const auto mlp = testdata::encodedWorkspace(std::string(LATENT_MODEL_FIXTURES) + "/mlp_vae.pt", points, kThreads);
        const latent::LatentBatch first = mapOf(bundled, params, 1, {});

        std::cout << "UMAP, " << points << " test images, " << kThreads << " threads, load " << loadAverage()
                  << "\n| weight | same model seed 2 | same model seed 1 | MLP VAE | MLP VAE trust@15 | seconds |\n"
                  << "|---|---|---|---|---|---|\n";
        auto row = [&](const std::string& name, const latent::LayoutAnchor& anchor) {
            const auto began = std::chrono::steady_clock::now();
            const auto same = mapOf(bundled, params, 2, anchor);
            const auto other = mapOf(mlp, params, 1, anchor);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
            const auto itself = mapOf(bundled, params, 1, anchor);
            std::printf("| %s | %.3f | %.3f | %.3f | %.4f | %.1f |\n", name.c_str(),
                        latent::alignMap(first, same).error, latent::alignMap(first, itself).error,
                        latent::alignMap(first, other).error,
                        latent::trustworthiness(mlp.latents, other, 15, points, 1, kThreads), seconds);
            std::fflush(stdout);
        };
        row("free", {});
        for (const double weight : parseWeights(weightList)) {
            std::ostringstream name;
            name << weight;
            row(name.str(), {&first, weight});
        }
        std::cout << "load after: " << loadAverage() << std::endl;
    } catch (const latent::Error& e) {
        std::cerr << e.what() << std::endl;
        return 1;
    }
    return 0;
}
