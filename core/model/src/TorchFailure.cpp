#include "TorchFailure.h"

#include <c10/util/Exception.h>

#include <regex>
#include <sstream>

namespace latent::detail {

std::string torchErrorText(const std::exception& e) {
    if (const auto* torchError = dynamic_cast<const c10::Error*>(&e)) {
        return torchError->what_without_backtrace();
    }
    return e.what();
}

std::string torchFailureSummary(const std::string& what) {
    std::istringstream lines(what);
    std::string line;
    std::string last;
    while (std::getline(lines, line)) {
        if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
    }
    // TorchScript ends its traceback with the Python exception: "RuntimeError: ...".
    static const std::regex exceptionName(R"(^\s*[A-Za-z]*(Error|Exception): )");
    return std::regex_replace(last, exceptionName, "", std::regex_constants::format_first_only);
}

std::optional<std::string> unknownOperator(const std::string& what) {
    static const std::regex unknownOp(R"(Unknown builtin op: ([A-Za-z_][\w.]*::[A-Za-z_]\w*))");
    std::smatch match;
    if (!std::regex_search(what, match, unknownOp)) return std::nullopt;
    return match[1].str();
}

}  // namespace latent::detail
