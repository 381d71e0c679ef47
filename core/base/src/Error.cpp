#include "latent/core/Error.h"

namespace latent {

const char* toString(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Io: return "I/O error";
        case ErrorKind::BadFormat: return "bad format";
        case ErrorKind::Truncated: return "truncated file";
        case ErrorKind::TooLarge: return "too large";
        case ErrorKind::ModelContract: return "model contract";
        case ErrorKind::InvalidArgument: return "invalid argument";
        case ErrorKind::Cancelled: return "cancelled";
        case ErrorKind::Inference: return "inference error";
    }
    return "error";
}

}  // namespace latent
