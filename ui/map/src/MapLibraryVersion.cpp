#include "latent/ui/MapLibraryVersion.h"

#include <vtkVersion.h>

namespace latent::ui {

QString mapLibraryVersion() {
    return QString::fromLatin1(vtkVersion::GetVTKVersion());
}

}  // namespace latent::ui
