#pragma once

#include <QImage>
#include <QString>
#include <QWidget>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "latent/core/Annotations.h"
#include "latent/core/ClusterProfiles.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableWidget;

namespace latent::ui {

class JobStatus;

// The Clusters dock: Find Clusters runs in the background with progress and Cancel, by
// Leiden (a resolution and a seed) or HDBSCAN (a smallest cluster size; the rest is noise);
// then one row per cluster: its prototype (the decoded mean of
// its members) and medoid images, its name (edited in place), its size and majority. Rows
// chosen select their clusters' items; double-clicking a picture makes it the current point.
class ClustersPanel : public QWidget {
    Q_OBJECT
public:
    explicit ClustersPanel(QWidget* parent = nullptr);

    // Whether there is a workspace to cluster; `why` says what is missing when not.
    void setAvailable(bool available, const QString& why = {});
    void showRunning(const QString& message);
    void setProgress(double fraction, const QString& message);
    void showStopped(const QString& message);  // cancelled or failed
    // The clusters and their profiles; `reference` names what majorities are of ("label").
    void showClusters(const latent::ItemClusters& clusters, const latent::ClusterSummary& summary,
                      const QString& reference);
    void showNames(const std::vector<std::string>& names);  // after a rename
    void clear();
    // Pictures per cluster; null images are left blank.
    void setPrototypes(const std::vector<QImage>& images);
    void setMedoids(const std::vector<QImage>& images);

    latent::ClusterSettings settings() const;
    void setSettings(const latent::ClusterSettings& settings);
    bool running() const;
    QString status() const;
    QString agreement() const;
    QTableWidget* table() const { return table_; }

    // Table columns.
    enum Column { PrototypeColumn, MedoidColumn, NameColumn, SizeColumn, MajorityColumn, ColumnCount };

Q_SIGNALS:
    void findRequested(const latent::ClusterSettings& settings);
    void cancelRequested();
    void clustersChosen(const std::vector<std::size_t>& clusters);
    void renameRequested(std::size_t cluster, const QString& name);
    void prototypeActivated(std::size_t cluster);
    void medoidActivated(std::size_t cluster);

private:
    void updateButtons();
    void showMethodRows();
    double resolution() const;
    void setResolution(double resolution);
    void setPictures(int column, const std::vector<QImage>& images);
    void chooseSelectedRows();

    QPushButton* find_;
    QPushButton* cancel_;
    QComboBox* method_;
    QWidget* leidenRow_;
    QSlider* resolution_;
    QLabel* resolutionValue_;
    QLabel* seedLabel_;
    QSpinBox* seed_;
    QWidget* densityRow_;
    QSpinBox* minClusterSize_;
    JobStatus* job_;
    QLabel* agreement_;
    QTableWidget* table_;
    bool available_ = false;
    bool filling_ = false;  // the table is being filled: its edits are not the user's
};

}  // namespace latent::ui
