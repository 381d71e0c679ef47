#pragma once

#include <QString>
#include <QStringList>
#include <span>

#include "latent/core/Dataset.h"
#include "latent/core/Projector.h"

namespace latent::ui {

// 10000 -> "10,000", whatever the system locale (often C on Linux desktops and CI).
QString groupedCount(std::size_t n);

// The map's title: the projection and its parameters, what is plotted, and for PCA the share
// of the latent variance the map shows.
QString mapTitle(const latent::ProjectionResult& result, const latent::Dataset& dataset);
// The title while a projection of `count` latents runs (the map shows its previews).
QString runningMapTitle(const latent::ProjectionParams& params, std::size_t count, const latent::Dataset& dataset);

// A map position in the projection's own terms: "PC1 = 0.50, PC2 = -1.20", "z3 = 0.50, ...",
// or "x = 0.50, y = -1.20" for maps without named axes.
QString positionText(const latent::ProjectionResult& result, std::span<const float> position);

// The titles of a map's axes when they mean something: "latent dim 3" on latent-axes
// maps; empty for maps whose axes have no meaning of their own (PCA, t-SNE, UMAP, LLE).
QStringList axisTitles(const latent::ProjectionParams& params);

// How a decoded map position relates to the latent space, for the image panel.
QString inverseDescription(const latent::ProjectionResult& result);

}  // namespace latent::ui
