#include "NpyHeader.h"

#include <cctype>
#include <charconv>

#include "latent/core/Error.h"

namespace latent::npy {
namespace {

// A recursive-descent reader over the small subset of Python literals numpy writes.
class DictParser {
public:
    DictParser(std::string_view text, const std::string& where) : text_(text), where_(where) {}

    HeaderFields parse() {
        HeaderFields fields;
        bool seenDescr = false, seenOrder = false, seenShape = false;
        expect('{');
        while (true) {
            skipSpace();
            if (peek() == '}') break;
            const std::size_t keyAt = pos_;
            const std::string key = readString();
            expect(':');
            if (key == "descr") {
                duplicate(seenDescr, key, keyAt);
                fields.descr = readString();
            } else if (key == "fortran_order") {
                duplicate(seenOrder, key, keyAt);
                fields.fortranOrder = readBool();
            } else if (key == "shape") {
                duplicate(seenShape, key, keyAt);
                fields.shape = readShape();
            } else {
                fail("unexpected key '" + key + "'", keyAt);
            }
            skipSpace();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() != '}') fail("expected ',' or '}'", pos_);
        }
        ++pos_;
        if (!seenDescr || !seenOrder || !seenShape) {
            fail("the header must have 'descr', 'fortran_order' and 'shape'", pos_);
        }
        return fields;
    }

private:
    [[noreturn]] void fail(const std::string& what, std::size_t at) const {
        throw Error(ErrorKind::BadFormat,
                    where_ + ": bad .npy header at character " + std::to_string(at) + ": " + what);
    }
    void duplicate(bool& seen, const std::string& key, std::size_t at) const {
        if (seen) fail("key '" + key + "' appears twice", at);
        seen = true;
    }
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    void skipSpace() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    void expect(char c) {
        skipSpace();
        if (peek() != c) fail(std::string("expected '") + c + "'", pos_);
        ++pos_;
    }
    std::string readString() {
        skipSpace();
        const char quote = peek();
        if (quote != '\'' && quote != '"') fail("expected a quoted string", pos_);
        const std::size_t start = ++pos_;
        const std::size_t end = text_.find(quote, start);
        if (end == std::string_view::npos) fail("unterminated string", start - 1);
        pos_ = end + 1;
        return std::string(text_.substr(start, end - start));
    }
    bool readBool() {
        skipSpace();
        for (const auto& [word, value] : {std::pair{"True", true}, std::pair{"False", false}}) {
            const std::string_view w(word);
            if (text_.substr(pos_, w.size()) == w) {
                pos_ += w.size();
                return value;
            }
        }
        fail("expected True or False", pos_);
    }
    std::vector<std::size_t> readShape() {
        expect('(');
        std::vector<std::size_t> shape;
        while (true) {
            skipSpace();
            if (peek() == ')') break;
            std::size_t dim = 0;
            const char* first = text_.data() + pos_;
            const char* last = text_.data() + text_.size();
            const auto [end, ec] = std::from_chars(first, last, dim);
            if (ec != std::errc() || end == first) fail("expected a non-negative integer", pos_);
            pos_ += static_cast<std::size_t>(end - first);
            shape.push_back(dim);
            if (shape.size() > 32) fail("more than 32 dimensions", pos_);
            skipSpace();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() != ')') fail("expected ',' or ')' in the shape", pos_);
        }
        ++pos_;
        return shape;
    }

    std::string_view text_;
    const std::string& where_;
    std::size_t pos_ = 0;
};

}  // namespace

HeaderFields parseHeaderDict(std::string_view text, const std::string& where) {
    return DictParser(text, where).parse();
}

}  // namespace latent::npy
