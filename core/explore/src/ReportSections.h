#pragma once

// The report card's sections, one function each, measured on a workspace.
#include "latent/core/ReportCardBuilder.h"

namespace latent::report {

CardSection continuity(const Workspace& ws, const ReportOptions& options, const DecodeFn& decode,
                       const ProgressFn& progress);
CardSection disentanglement(const Workspace& ws, const ReportOptions& options);
CardSection compactness(const Workspace& ws);
CardSection separability(const Workspace& ws, const ReportOptions& options, const ProgressFn& progress);
CardSection generalisation(const Workspace& ws, const WorkspaceIdentity& identity, const ReportOptions& options,
                           const DecodeFn& decode, const ProgressFn& progress);

// "2,000 items, 5 folds, seed 1"-style sample notes.
std::string itemsNote(std::size_t items);
std::string seedNote(std::uint64_t seed);
// Label columns: the classes and categorical metadata columns of 2 to 50 values, as codes.
struct LabelColumn {
    std::string name;
    std::vector<int> codes;  // -1: no value
    std::size_t categories = 0;
};
std::vector<LabelColumn> labelColumns(const Workspace& ws);
// The items the classifiers are cross-validated on: up to options.classifierSample labelled
// items in the seed's random order, with their classes (the first label column) as codes
// 0..n-1. `unavailable` says why there is no such sample.
struct LabelledSample {
    std::vector<std::size_t> items;
    std::vector<int> codes;
    std::string classes;  // the label column's name
    std::string unavailable;
};
LabelledSample labelledSample(const Workspace& ws, const ReportOptions& options);
// Why a section that needs labels was not measured.
inline constexpr const char* kNoLabels = "the data have no labels and no categorical metadata column (2 to 50 values)";

}  // namespace latent::report
