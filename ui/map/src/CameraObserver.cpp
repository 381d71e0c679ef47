#include "CameraObserver.h"

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkRenderer.h>

namespace latent::ui {

struct CameraObserver::Vtk {
    vtkNew<vtkCallbackCommand> command;
    vtkCamera* camera = nullptr;
    unsigned long tag = 0;
};

CameraObserver::CameraObserver(vtkRenderer* renderer, QObject* parent)
    : QObject(parent), vtk_(std::make_unique<Vtk>()) {
    vtk_->command->SetClientData(this);
    vtk_->command->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        Q_EMIT static_cast<CameraObserver*>(self)->moved();
    });
    vtk_->camera = renderer->GetActiveCamera();
    vtk_->tag = vtk_->camera->AddObserver(vtkCommand::ModifiedEvent, vtk_->command);
}

CameraObserver::~CameraObserver() { vtk_->camera->RemoveObserver(vtk_->tag); }

}  // namespace latent::ui
