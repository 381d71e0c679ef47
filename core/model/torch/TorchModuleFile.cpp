#include "TorchModuleFile.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/passes/inliner.h>
#include <torch/version.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <vector>

#include "ModelMetadata.h"
#include "TorchFailure.h"
#include "latent/core/Error.h"

namespace latent::detail {
namespace {

// A ZIP archive ends with an end-of-central-directory record ("PK\5\6") within its last
// 64 KiB + 22 bytes; without it the file was cut short.
bool zipHasEndRecord(std::ifstream& in, std::uintmax_t size) {
    const std::uintmax_t tail = std::min<std::uintmax_t>(size, 65536 + 22);
    std::vector<char> bytes(tail);
    in.seekg(static_cast<std::streamoff>(size - tail));
    in.read(bytes.data(), static_cast<std::streamsize>(tail));
    const std::array<char, 4> signature = {'P', 'K', 5, 6};
    return std::search(bytes.begin(), bytes.end(), signature.begin(), signature.end()) !=
           bytes.end();
}

// Why a file that torch::jit::load refused is not a model, as precisely as we can tell.
[[noreturn]] void diagnoseLoadFailure(const std::filesystem::path& path, const std::string& why) {
    std::ifstream in(path, std::ios::binary);
    std::array<char, 4> magic{};
    in.read(magic.data(), 4);
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);  // 0 if it vanished meanwhile
    const std::string hint = ". Save models with torch.jit.save (see docs/models.md)";
    if (in.gcount() < 4 || magic[0] != 'P' || magic[1] != 'K') {
        if (in.gcount() >= 1 && static_cast<unsigned char>(magic[0]) == 0x80) {
            throw Error(ErrorKind::BadFormat,
                        "model " + quoted(path) +
                            " is a Python pickle from torch.save (legacy format), not "
                            "TorchScript" +
                            hint);
        }
        throw Error(
            ErrorKind::BadFormat,
            "model " + quoted(path) + " is not a TorchScript file (not a ZIP archive)" + hint);
    }
    if (!zipHasEndRecord(in, size)) {
        throw Error(ErrorKind::Truncated,
                    "model " + quoted(path) + " is truncated: the TorchScript archive ends after " +
                        std::to_string(size) + " bytes, before its directory. Copy it again");
    }
    try {
        caffe2::serialize::PyTorchStreamReader reader(path.string());
        if (!reader.hasRecord("constants.pkl") && reader.hasRecord("data.pkl")) {
            throw Error(ErrorKind::BadFormat,
                        "model " + quoted(path) +
                            " was saved with torch.save (weights or a pickled module), not "
                            "TorchScript: it has no code the app can run" +
                            hint);
        }
    } catch (const c10::Error&) {
        // Not even a readable archive: fall through to the loader's own reason.
    }
    if (const auto op = unknownOperator(why)) {
        const std::string torch =
            std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR);
        contractError(path,
                      "uses the operator " + *op + ", which LibTorch " + torch +
                          " does not have: it was probably saved by a newer PyTorch. "
                          "Re-export it with PyTorch " +
                          torch + " (tools/export_model.py; see docs/models.md)",
                      why);
    }
    contractError(path, "not a loadable TorchScript file (" + torchFailureSummary(why) + ")" + hint,
                  why);
}

void collectNodes(torch::jit::Block* block, std::vector<torch::jit::Node*>& out) {
    for (auto* node : block->nodes()) {
        out.push_back(node);
        for (auto* inner : node->blocks()) collectNodes(inner, out);
    }
}

// Follows prim::GetAttr nodes from `value` back to the method's `self` and returns the
// attribute it names (e.g. self.decoder.0.weight), or nullopt.
std::optional<at::Tensor> resolveAttribute(const torch::jit::Module& module,
                                           torch::jit::Value* value, torch::jit::Value* self) {
    std::vector<std::string> names;
    while (value != self) {
        auto* node = value->node();
        if (node->kind() != c10::prim::GetAttr) return std::nullopt;
        names.push_back(node->s(c10::attr::name));
        value = node->input(0);
    }
    c10::IValue current = module._ivalue();
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
        if (!current.isObject() || !current.toObjectRef().type()->hasAttribute(*it)) {
            return std::nullopt;
        }
        current = current.toObjectRef().getAttr(*it);
    }
    if (!current.isTensor()) return std::nullopt;
    return current.toTensor();
}

}  // namespace

torch::jit::Module loadTorchModule(const std::filesystem::path& path, std::string& metaJson) {
    torch::jit::ExtraFilesMap extra{{"meta.json", ""}};
    torch::jit::Module module;
    try {
        module = torch::jit::load(path.string(), torch::kCPU, extra);
    } catch (const std::exception& e) {
        diagnoseLoadFailure(path, torchErrorText(e));
    }
    module.eval();
    metaJson = extra["meta.json"];
    return module;
}

std::optional<std::int64_t> latentSizeFromWeights(const torch::jit::Module& module,
                                                  const std::string& method) {
    auto graph = module.get_method(method).graph()->copy();
    torch::jit::Inline(*graph);
    std::vector<torch::jit::Node*> nodes;
    collectNodes(graph->block(), nodes);
    torch::jit::Value* self = graph->inputs().at(0);
    for (auto* node : nodes) {
        const auto kind = node->kind();
        const bool linear = kind == c10::aten::linear;
        const bool transposed =
            kind == c10::aten::conv_transpose1d || kind == c10::aten::conv_transpose2d;
        const bool conv = kind == c10::aten::conv1d || kind == c10::aten::conv2d;
        if (!linear && !transposed && !conv) continue;
        const auto weight = resolveAttribute(module, node->input(1), self);
        if (!weight || weight->dim() < 2) return std::nullopt;
        // linear: [out, in]; conv: [out, in, k..]; transposed conv: [in, out, k..].
        return transposed ? weight->size(0) : weight->size(1);
    }
    return std::nullopt;
}

}  // namespace latent::detail
