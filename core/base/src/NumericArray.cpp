#include "latent/core/NumericArray.h"

#include <cstring>
#include <limits>

namespace latent {
namespace {

template <typename T>
double load(const std::uint8_t* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return static_cast<double>(v);
}

}  // namespace

std::size_t elementSize(ElementType type) {
    switch (type) {
        case ElementType::UInt8:
        case ElementType::Int8:
            return 1;
        case ElementType::Int16:
            return 2;
        case ElementType::Int32:
        case ElementType::Float32:
            return 4;
        case ElementType::Int64:
        case ElementType::Float64:
            return 8;
    }
    return 1;
}

const char* toString(ElementType type) {
    switch (type) {
        case ElementType::UInt8:
            return "uint8";
        case ElementType::Int8:
            return "int8";
        case ElementType::Int16:
            return "int16";
        case ElementType::Int32:
            return "int32";
        case ElementType::Int64:
            return "int64";
        case ElementType::Float32:
            return "float32";
        case ElementType::Float64:
            return "float64";
    }
    return "?";
}

std::size_t NumericArray::elementCount() const {
    return bytes.size() / elementSize(type);
}

double NumericArray::value(std::size_t index) const {
    return elementValue(type, bytes.data() + index * elementSize(type));
}

double elementValue(ElementType type, const std::uint8_t* p) {
    switch (type) {
        case ElementType::UInt8:
            return *p;
        case ElementType::Int8:
            return static_cast<std::int8_t>(*p);
        case ElementType::Int16:
            return load<std::int16_t>(p);
        case ElementType::Int32:
            return load<std::int32_t>(p);
        case ElementType::Int64:
            return load<std::int64_t>(p);
        case ElementType::Float32:
            return load<float>(p);
        case ElementType::Float64:
            return load<double>(p);
    }
    return 0.0;
}

std::string NumericArray::shapeText() const {
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

bool checkedByteCount(const std::vector<std::size_t>& shape, std::size_t elementBytes,
                      std::size_t maxBytes, std::size_t& bytes) {
    std::size_t total = elementBytes;
    for (std::size_t dim : shape) {
        if (dim != 0 && total > std::numeric_limits<std::size_t>::max() / dim) return false;
        total *= dim;
    }
    bytes = total;
    return total <= maxBytes;
}

}  // namespace latent
