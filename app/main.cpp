// latent-explorer: opens the explorer window, or runs a command without one.
#include <CLI/CLI.hpp>
#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <cstdio>
#include <iostream>
#include <vector>

#include "DialogAutoAnswer.h"
#include "Resources.h"
#include "commands/CommandSupport.h"
#include "commands/Commands.h"
#include "commands/TerminalProgress.h"
#include "latent/core/Error.h"
#include "latent/core/Model.h"
#include "latent/core/Projector.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/ComparisonController.h"
#include "latent/ui/HelpMenu.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/ProjectionPanel.h"
#include "latent/core/Session.h"
#include "latent/ui/SessionActions.h"
#include "latent/ui/SessionAutosave.h"
#include "latent/ui/SessionRecovery.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace {

struct GuiOptions {
    latent::WorkspaceRequest request{{latent::app::bundledModel(), latent::app::kDefaultDataDir, "test", 0}, 256};
    int dims = 2;
    int threads = 1;
    qsizetype select = -1;
    bool timings = false;
    std::string screenshot;
    std::string projection = "pca";
    bool projectionChosen = false;  // --projection given: no UMAP run on top of it
    std::string colourBy;
    bool density = false;
    std::string session;  // opened in place of the model and data options
    std::string compareWith;  // a second model, compared once the map is shown
};

// --screenshot: the window is grabbed once the map it was asked for is shown.
void screenshotOnceShown(latent::ui::MainWindow& window, const std::string& path, bool waitForSession,
                         bool waitForComparison) {
    const auto grab = [&window, path] {
        QTimer::singleShot(800, &window, [&window, path] {
            const bool saved = window.grab().save(QString::fromStdString(path));
            std::cerr << (saved ? "saved " : "could not save ") << path << "\n";
            QApplication::exit(saved ? 0 : 1);
        });
    };
    if (waitForComparison) {
        QObject::connect(window.comparison(), &latent::ui::ComparisonController::shown, &window, grab,
                         Qt::SingleShotConnection);
        return;
    }
    if (!waitForSession) {
        QObject::connect(&window, &latent::ui::MainWindow::projectionShown, &window, grab, Qt::SingleShotConnection);
        return;
    }
    // A session first shows the workspace's PCA map, then its own projection.
    const auto showsTheSessionsMap = [&window] {
        const auto shown = window.state()->projection();
        return shown && latent::normalized(shown->params) == latent::normalized(window.projectionParams());
    };
    QObject::connect(window.sessions(), &latent::ui::SessionActions::restored, &window, [&window, grab, showsTheSessionsMap] {
        if (showsTheSessionsMap()) return grab();
        QObject::connect(&window, &latent::ui::MainWindow::projectionShown, &window, grab, Qt::SingleShotConnection);
    }, Qt::SingleShotConnection);
}

int runGui(int argc, char** argv, const GuiOptions& o, const QElapsedTimer& sinceStart) {
    latent::ui::VtkOpenGLWidget::setDefaultSurfaceFormat();  // must precede QApplication
    QApplication app(argc, argv);
    QApplication::setApplicationName("Latent Explorer");
    QApplication::setOrganizationName("latent-explorer");  // where QSettings keeps recent files
    QApplication::setApplicationVersion(LATENT_VERSION);
    latent::setInferenceThreads(o.threads);
    latent::ui::MainWindow window(o.request, o.dims);
    window.setBundledWorkspace({{latent::app::bundledModel(), latent::app::kDefaultDataDir, "test", 0}, 256});
    latent::ProjectionParams projection = window.projectionParams();
    projection.dims = o.dims;
    window.setProjection(latent::parseProjectionSpec(o.projection, projection));
    window.setInferenceThreads(o.threads);
    // Unattended screenshots show what was asked for, never a map still computing.
    window.setOpensOnUmap(!o.projectionChosen && o.screenshot.empty() &&
                          latent::ui::MainWindow::openOnUmapRemembered());
    window.setDensityView(o.density);
    if (o.timings) {
        QObject::connect(&window, &latent::ui::MainWindow::workspaceReady, &window, [&] {
            const auto* ws = window.state()->workspace().get();
            std::fprintf(stderr,
                         "timings: startup-to-map %.3f s (model load %.3f s, encode %zu images %.3f s, "
                         "PCA %.3f s)\n",
                         static_cast<double>(sinceStart.nsecsElapsed()) * 1e-9,
                         ws->model ? ws->model->info().loadSeconds : 0.0, ws->dataset.count, ws->encodeSeconds,
                         ws->projectSeconds);
        });
    }
    if (o.timings) {  // the map asked for (after PCA, a UMAP or t-SNE map takes longer)
        QObject::connect(&window, &latent::ui::MainWindow::projectionShown, &window, [&] {
            std::fprintf(stderr, "timings: map shown %.3f s\n", static_cast<double>(sinceStart.nsecsElapsed()) * 1e-9);
        }, Qt::SingleShotConnection);
    }
    if (o.timings && !o.compareWith.empty()) {
        QObject::connect(window.comparison(), &latent::ui::ComparisonController::shown, &window, [&] {
            std::fprintf(stderr, "timings: both maps shown %.3f s\n", static_cast<double>(sinceStart.nsecsElapsed()) * 1e-9);
        }, Qt::SingleShotConnection);
    }
    if (!o.colourBy.empty()) {
        QObject::connect(&window, &latent::ui::MainWindow::workspaceReady, &window,
                         [&] {
                             if (!window.setColourColumn(QString::fromStdString(o.colourBy))) {
                                 std::cerr << "latent-explorer: --colour-by: the data has no column '" << o.colourBy
                                           << "'\n";
                             }
                         });
    }
    if (o.select >= 0) {
        QObject::connect(&window, &latent::ui::MainWindow::projectionShown, &window,
                         [&] { window.selectItem(o.select); }, Qt::SingleShotConnection);
    }
    if (!o.compareWith.empty()) {
        QObject::connect(&window, &latent::ui::MainWindow::projectionShown, &window,
                         [&] { window.compareWith(QString::fromStdString(o.compareWith)); },
                         Qt::SingleShotConnection);
    }
    if (!o.screenshot.empty()) {
        screenshotOnceShown(window, o.screenshot, !o.session.empty(), !o.compareWith.empty());
        QObject::connect(window.comparison(), &latent::ui::ComparisonController::failed, &window,
                         [](const QString& message) {
                             std::cerr << "latent-explorer: " << message.toStdString() << "\n";
                             QApplication::exit(1);
                         });
        QObject::connect(&window, &latent::ui::MainWindow::loadFailed, &window,
                         [] { QApplication::exit(1); });
        QObject::connect(&window, &latent::ui::MainWindow::projectionFailed, &window,
                         [](const QString& message) {
                             std::cerr << "latent-explorer: " << message.toStdString() << "\n";
                             QApplication::exit(1);
                         });
    }
    window.show();
    if (!o.session.empty()) {
        if (!o.screenshot.empty()) new latent::app::DialogAutoAnswer(&window);
        const QString error = window.sessions()->openFrom(QString::fromStdString(o.session));
        if (!error.isEmpty()) {
            std::cerr << "latent-explorer: " << error.toStdString() << "\n";
            return latent::app::kExitBadInput;
        }
    } else if (o.screenshot.empty()) {
        latent::ui::restoreOrStartLoading(window, latent::ui::SessionAutosave::defaultDirectory());
    } else {
        new latent::app::DialogAutoAnswer(&window);  // unattended: no question may block it
        window.startLoading();
    }
    return QApplication::exec();
}

}  // namespace

int main(int argc, char** argv) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    CLI::App cli{"Latent Explorer: explore the latent space of a trained generative model"};
    cli.set_version_flag("--version", [] {
        return "latent-explorer " LATENT_VERSION "\n" + latent::ui::HelpMenu::libraryVersions().toStdString();
    });
    GuiOptions gui;
    auto* modelOption = cli.add_option("--model", gui.request.identity.modelPath,
                   "TorchScript model file, or a JSON manifest naming an encoder and a decoder")
        ->check(CLI::ExistingFile);
    cli.add_option("--samples", gui.request.identity.priorSamples,
                   "generator-only models: latents to sample from the prior")
        ->check(CLI::Range(1, 1000000));
    cli.add_option("--seed", gui.request.identity.priorSeed, "generator-only models: seed of the prior sample");
    auto* dataOption = cli.add_option("--data", gui.request.identity.dataPath,
                   "data: a folder of IDX files or images, a .npy/.npz of images or latents, an IDX "
                   "file, or a TensorBoard projector vectors .tsv")
        ->check(CLI::ExistingPath);
    auto* metadataOption = cli.add_option("--metadata", gui.request.identity.metadataPath, "CSV/TSV table joined to the points by row")
        ->check(CLI::ExistingFile);
    bool noModel = false;
    cli.add_flag("--no-model", noModel, "open precomputed latents without a model (nothing is decoded)");
    std::string fit = "crop";
    cli.add_option("--fit", fit, "image folders: fit images to the model by centre crop or resize")
        ->check(CLI::IsMember({"crop", "resize"}));
    cli.add_flag("--greyscale", gui.request.identity.greyscale, "image folders: make colour images grey first");
    cli.add_option("--colour-by", gui.colourBy, "colour the map by this label or metadata column");
    cli.add_flag("--density", gui.density, "show 2D maps as a density image (View > Density view)");
    cli.add_option("--split", gui.request.identity.split, "dataset split")->check(CLI::IsMember({"test", "train"}));
    cli.add_option("--limit", gui.request.identity.limit, "use only the first N images (0: all)");
    cli.add_option("--dims", gui.dims, "map dimensions")->check(CLI::IsMember({2, 3}));
    cli.add_option("--threads", gui.threads, "inference threads")->check(CLI::Range(1, 64));
    cli.add_flag("--timings", gui.timings, "print startup timings to stderr once the map is shown");
    cli.add_option("--select", gui.select, "select this dataset item once the map is shown");
    auto* projectionOption = cli.add_option("--projection", gui.projection,
                   "map projection: pca, tsne, umap, lle, or axes:I,J[,K] (latent dimensions)")
        ->check(latent::app::acceptedBy([](const std::string& spec) { latent::parseProjectionSpec(spec); }));
    cli.add_option("--compare-with", gui.compareWith,
                   "once the map is shown, compare it with this model's map of the same images (File > Compare "
                   "With Model), or with a folder of checkpoints on a timeline (File > Open Checkpoints)")
        ->check(CLI::ExistingPath);
    cli.add_option("--screenshot", gui.screenshot, "save a screenshot once the map is shown, then quit");
    cli.add_option("--session", gui.session, "open a saved session: its model, data, map and view")
        ->check(CLI::ExistingFile)
        ->excludes(modelOption)
        ->excludes(dataOption)
        ->excludes(metadataOption);

    const std::vector<latent::app::Command> commands = {
        latent::app::addEncodeCommand(cli), latent::app::addDecodeCommand(cli),
        latent::app::addInfoCommand(cli), latent::app::addGridCommand(cli),
        latent::app::addProjectCommand(cli), latent::app::addMorphCommand(cli),
        latent::app::addTraverseCommand(cli), latent::app::addScoreCommand(cli),
        latent::app::addReportCommand(cli), latent::app::addClusterCommand(cli),
        latent::app::addCompareCommand(cli), latent::app::addMergeCommand(cli)};
    bool verbose = false;  // the window's and every command's
    const auto addVerbose = [&verbose](CLI::App& app) {
        app.add_flag("--verbose", verbose,
                     "with an error, also print what lies behind it (e.g. LibTorch's traceback)");
    };
    addVerbose(cli);
    for (const auto& command : commands) addVerbose(*command.app);
    cli.footer("Exit codes: 0 ok, 1 bad command line, 2 bad input (unreadable file, wrong shape), "
               "130 interrupted (Ctrl-C).");

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);  // prints --help, or the error and a hint
        return code == 0 ? latent::app::kExitOk : latent::app::kExitUsage;
    }
    try {
        for (const auto& command : commands) {
            if (!command.app->parsed()) continue;
            latent::app::installInterruptHandler();
            return command.run();
        }
        if (!gui.session.empty()) latent::loadSession(gui.session);  // a bad file: a message, no window
        if (noModel) gui.request.identity.modelPath.clear();
        gui.projectionChosen = projectionOption->count() > 0;
        gui.request.identity.folderFit = fit == "resize" ? latent::FitPolicy::Stretch : latent::FitPolicy::CentreCrop;
        return runGui(argc, argv, gui, sinceStart);
    } catch (const latent::Error& e) {
        std::cerr << "latent-explorer: " << e.what() << "\n";
        if (!e.details().empty()) {
            std::cerr << (verbose
                              ? e.details() + "\n"
                              : std::string(
                                    "(run again with --verbose for the details, e.g. LibTorch's full message)\n"));
        }
        return e.kind() == latent::ErrorKind::Cancelled ? latent::app::kExitCancelled
                                                        : latent::app::kExitBadInput;
    } catch (const std::exception& e) {
        // Not from core's checks (e.g. a filesystem error while writing): still a message.
        std::cerr << "latent-explorer: " << e.what() << "\n";
        return latent::app::kExitBadInput;
    }
}
