// `project` end to end: its files hold what core's project() computes, bad arguments are
// refused with a message, and Ctrl-C ends it with exit code 130 and no file.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include "CliRun.h"
#include "TempDir.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/NpyReader.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/Projector.h"
#include "latent/core/ProjectorTsv.h"

namespace {

latent::LatentBatch randomLatents(std::size_t n, std::size_t d) {
    std::mt19937 rng(5);
    std::normal_distribution<float> normal;
    latent::LatentBatch z(n, d);
    for (std::size_t i = 0; i < z.values.size(); ++i) {
        z.values[i] = normal(rng) + static_cast<float>(i / d % 3) * 2.0f;  // three groups
    }
    return z;
}

// Reads "index,x,y[,z]" rows back into a batch, checking the index column.
latent::LatentBatch readCoordinatesCsv(const std::filesystem::path& path, std::size_t dims) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, dims == 2 ? "index,x,y" : "index,x,y,z");
    latent::LatentBatch coords(0, dims);
    while (std::getline(in, line)) {
        std::istringstream row(line);
        std::string cell;
        std::getline(row, cell, ',');
        EXPECT_EQ(std::stoul(cell), coords.count);
        while (std::getline(row, cell, ',')) coords.values.push_back(std::stof(cell));
        ++coords.count;
    }
    return coords;
}

latent::LatentBatch libraryProjection(const latent::LatentBatch& z, const std::string& method,
                                      latent::ProjectionParams params) {
    return latent::project(std::make_shared<const latent::LatentBatch>(z),
                           latent::parseProjectionSpec(method, params))
        .coords;
}

class ProjectCommand : public ::testing::Test {
protected:
    void SetUp() override { latent::writeNpy(dir_ / "z.npy", z_); }
    latent::LatentBatch readNpyCoords(const std::string& name) {
        return latent::latentsFromArray(latent::readNpyFile(dir_ / name), name);
    }

    latent::LatentBatch z_ = randomLatents(90, 16);
    TempDir dir_;
};

TEST_F(ProjectCommand, PcaCsvAndNpyHoldTheLibrarysProjection) {
    const auto r =
        run("project --in " + quoted(dir_ / "z.npy") + " --out " + quoted(dir_ / "c.csv"));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output, "");  // quiet in a pipe
    const auto want2 = libraryProjection(z_, "pca", {});
    const auto csv = readCoordinatesCsv(dir_ / "c.csv", 2);
    ASSERT_EQ(csv.count, 90u);
    EXPECT_EQ(csv.values, want2.values);  // shortest round-trip floats: exact

    const auto r3 = run("project --in " + quoted(dir_ / "z.npy") + " --method pca --dims 3 --out " +
                        quoted(dir_ / "c.npy"));
    ASSERT_EQ(r3.exitCode, 0) << r3.output;
    latent::ProjectionParams three;
    three.dims = 3;
    const auto npy = readNpyCoords("c.npy");
    EXPECT_EQ(npy.count, 90u);
    EXPECT_EQ(npy.dim, 3u);
    EXPECT_EQ(npy.values, libraryProjection(z_, "pca", three).values);
}

TEST_F(ProjectCommand, NonlinearMethodsTakeTheirParameters) {
    latent::ProjectionParams tsne;
    tsne.perplexity = 12;
    tsne.iterations = 250;
    tsne.seed = 7;
    const auto t = run("project --in " + quoted(dir_ / "z.npy") +
                       " --method tsne --perplexity 12 --iterations 250 --seed 7 --out " +
                       quoted(dir_ / "t.npy"));
    ASSERT_EQ(t.exitCode, 0) << t.output;
    EXPECT_EQ(readNpyCoords("t.npy").values, libraryProjection(z_, "tsne", tsne).values);
    tsne.tsneRepulsion = latent::TsneRepulsion::Interpolation;
    const auto fft = run("project --in " + quoted(dir_ / "z.npy") +
                         " --method tsne --perplexity 12 --iterations 250 --seed 7 "
                         "--tsne-repulsion interpolation --out " +
                         quoted(dir_ / "f.npy"));
    ASSERT_EQ(fft.exitCode, 0) << fft.output;
    const auto interpolated = readNpyCoords("f.npy").values;
    EXPECT_EQ(interpolated, libraryProjection(z_, "tsne", tsne).values);
    EXPECT_NE(interpolated, readNpyCoords("t.npy").values);  // 90 points: Auto took Barnes-Hut

    latent::ProjectionParams umap;
    umap.neighbours = 8;
    umap.minDist = 0.3;
    umap.iterations = 60;
    umap.metric = latent::Metric::Cosine;
    umap.dims = 3;
    const auto u = run("project --in " + quoted(dir_ / "z.npy") +
                       " --method umap --dims 3 --neighbors 8 --min-dist 0.3 --iterations 60 "
                       "--metric cosine --out " +
                       quoted(dir_ / "u.tsv"));
    ASSERT_EQ(u.exitCode, 0) << u.output;
    const auto tsv = latent::readVectorsTsv(dir_ / "u.tsv");
    EXPECT_EQ(tsv.dim, 3u);
    EXPECT_EQ(tsv.values, libraryProjection(z_, "umap", umap).values);

    latent::ProjectionParams lle;
    lle.neighbours = 10;
    const auto l = run("project --in " + quoted(dir_ / "z.npy") +
                       " --method lle --neighbours 10 --out " + quoted(dir_ / "l.npy"));
    ASSERT_EQ(l.exitCode, 0) << l.output;
    EXPECT_EQ(readNpyCoords("l.npy").values, libraryProjection(z_, "lle", lle).values);
}

TEST_F(ProjectCommand, BadArgumentsAreRefusedWithAMessage) {
    const std::string in = "project --in " + quoted(dir_ / "z.npy");
    const auto method = run(in + " --method isomap --out " + quoted(dir_ / "c.csv"));
    EXPECT_EQ(method.exitCode, 1);
    EXPECT_NE(method.output.find("use pca, tsne, umap, lle"), std::string::npos) << method.output;
    const auto perplexity =
        run(in + " --method tsne --perplexity 90 --out " + quoted(dir_ / "c.csv"));
    EXPECT_EQ(perplexity.exitCode, 2);
    EXPECT_NE(perplexity.output.find("must be less than the number of points (90)"),
              std::string::npos)
        << perplexity.output;
    const auto repulsion = run(in + " --method tsne --tsne-repulsion fft --out " + quoted(dir_ / "c.csv"));
    EXPECT_EQ(repulsion.exitCode, 1);
    EXPECT_NE(repulsion.output.find("--tsne-repulsion"), std::string::npos) << repulsion.output;
    const auto noFolder = run(in + " --out " + quoted(dir_ / "missing" / "c.csv"));
    EXPECT_EQ(noFolder.exitCode, 1);
    EXPECT_NE(noFolder.output.find("does not exist"), std::string::npos) << noFolder.output;
    const auto format = run(in + " --out " + quoted(dir_ / "c.txt"));
    EXPECT_EQ(format.exitCode, 1);
    EXPECT_NE(format.output.find("must end in .csv or .npy or .tsv"), std::string::npos)
        << format.output;
    // A folder where the file should go: the write fails after the work, still cleanly.
    std::filesystem::create_directories(dir_ / "taken.csv");
    const auto unwritable = run(in + " --out " + quoted(dir_ / "taken.csv"));
    EXPECT_EQ(unwritable.exitCode, 2);
    EXPECT_NE(unwritable.output.find("taken.csv"), std::string::npos) << unwritable.output;
    EXPECT_FALSE(std::filesystem::exists(dir_ / "c.csv"));
}

TEST_F(ProjectCommand, CtrlCStopsTheJobWithExitCode130AndNoFile) {
    latent::writeNpy(dir_ / "big.npy", randomLatents(3000, 16));
    const auto out = dir_ / "never.npy";
    const std::string exe = LATENT_EXPLORER_EXE, in = (dir_ / "big.npy").string(),
                      file = out.string();
    // The child starts with SIGINT blocked, so the Ctrl-C below waits until the command
    // has taken over SIGINT (it unblocks it) instead of racing its start-up.
    sigset_t blocked, previous;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGINT);
    sigprocmask(SIG_BLOCK, &blocked, &previous);
    const pid_t child = fork();
    if (child == 0) {
        execl(exe.c_str(), exe.c_str(), "project", "--in", in.c_str(), "--method", "tsne",
              "--iterations", "5000", "--out", file.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    sigprocmask(SIG_SETMASK, &previous, nullptr);
    ASSERT_GT(child, 0);
    kill(child, SIGINT);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), 130);
    EXPECT_FALSE(std::filesystem::exists(out));
}

}  // namespace
