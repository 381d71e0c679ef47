#include "TorchFailure.h"

#include <c10/util/Exception.h>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace latent::detail {

std::string torchErrorText(const std::exception& e) {
    if (const auto* torchError = dynamic_cast<const c10::Error*>(&e)) {
        return torchError->what_without_backtrace();
    }
    return e.what();
}

namespace {

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// "RuntimeError: " or "ValueError: " at the start of `line` (after blanks): its length.
// (std::regex would do, but GCC 12 warns inside it under the sanitizers.)
std::size_t exceptionNameLength(const std::string& line) {
    const std::size_t start = line.find_first_not_of(" \t");
    const std::size_t colon = line.find(": ", start);
    if (start == std::string::npos || colon == std::string::npos) return 0;
    const std::string name = line.substr(start, colon - start);
    const bool letters = std::all_of(name.begin(), name.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    const bool exception = name.ends_with("Error") || name.ends_with("Exception");
    return letters && exception ? colon + 2 : 0;
}

}  // namespace

std::string torchFailureSummary(const std::string& what) {
    std::istringstream lines(what);
    std::string line;
    std::string last;
    while (std::getline(lines, line)) {
        if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
    }
    // TorchScript ends its traceback with the Python exception: "RuntimeError: ...".
    return last.substr(exceptionNameLength(last));
}

std::optional<std::string> unknownOperator(const std::string& what) {
    static const std::string kMarker = "Unknown builtin op: ";
    const std::size_t at = what.find(kMarker);
    if (at == std::string::npos) return std::nullopt;
    std::size_t end = at + kMarker.size();
    while (end < what.size() && (isNameChar(what[end]) || what[end] == ':' || what[end] == '.')) ++end;
    std::string name = what.substr(at + kMarker.size(), end - at - kMarker.size());
    while (!name.empty() && (name.back() == '.' || name.back() == ':')) name.pop_back();  // the sentence's full stop
    if (name.find("::") == std::string::npos) return std::nullopt;
    return name;
}

}  // namespace latent::detail
