#pragma once

#include <stdexcept>
#include <string>

namespace latent {

// What went wrong, so callers (and tests) can react without parsing messages.
enum class ErrorKind {
    Io,               // the file could not be opened or read
    BadFormat,        // the bytes are not what the format promises (magic, types, shapes)
    Truncated,        // the file ends before the data it declares
    TooLarge,         // the declared size exceeds the memory limit
    ModelContract,    // a model file does not follow the model contract
    InvalidArgument,  // a caller passed something unusable
    Cancelled,        // the user cancelled a long job
    Inference,        // the model failed while running
};

const char* toString(ErrorKind kind);

// The one exception type core throws; its message is written for the user.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const noexcept { return kind_; }

private:
    ErrorKind kind_;
};

}  // namespace latent
