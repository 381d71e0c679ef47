#pragma once

#include <QString>

namespace latent::ui {

// The version of VTK the map draws with ("9.1.0"), for Help -> About.
QString mapLibraryVersion();

}  // namespace latent::ui
