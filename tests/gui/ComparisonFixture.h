#pragma once
// A window with its comparison open: the Compare dock, the second map, and opening a model.
#include <QAction>
#include <QSignalSpy>
#include <filesystem>
#include <stdexcept>

#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/ui/ComparisonController.h"
#include "latent/ui/ComparisonPanel.h"
#include "latent/ui/ScatterMap.h"

using latent::ui::ComparisonController;
using latent::ui::ComparisonPanel;
using latent::ui::ScatterMap;

inline QString fixture(const char* name) {
    return QString::fromStdString((std::filesystem::path(LATENT_MODEL_FIXTURES) / name).string());
}

class ComparisonTest : public WindowFixture {
protected:
    ComparisonController& comparison() { return *window->comparison(); }
    ComparisonPanel& panel() { return *window->findChild<ComparisonPanel*>(); }
    // The compared model's map: the window's other one.
    ScatterMap& second() {
        for (auto* map : window->findChildren<ScatterMap*>()) {
            if (map != parts(window).map()) return *map;
        }
        throw std::logic_error("no second map");
    }

    void compareWith(const QString& model) {
        QSignalSpy shown(&comparison(), &ComparisonController::shown);
        window->compareWith(model);
        ASSERT_TRUE(shown.wait(120000)) << panel().status().toStdString();
        settle();
    }

    void trigger(const QString& text) {
        for (auto* action : window->findChildren<QAction*>()) {
            if (action->text() == text) return action->trigger();
        }
        FAIL() << "no action " << text.toStdString();
    }
};
