#include <sstream>

#include "latent/core/ReportCard.h"

namespace latent {

std::string reportCardText(const ReportCard& card) {
    std::ostringstream out;
    out << "Report card: " << card.model << " on " << card.data << " (" << formatCardValue(static_cast<double>(card.items))
        << " items, seed " << card.seed << ")\n";
    for (const CardSection& s : card.sections) {
        out << "\n" << s.title << ": " << s.meaning << "\n";
        if (!s.unavailable.empty()) {
            out << "  not measured: " << s.unavailable << "\n";
            continue;
        }
        for (const CardNumber& n : s.numbers) {
            out << "  " << n.label << ": " << formatCardValue(n.value);
            if (!n.unit.empty()) out << " " << n.unit;
            out << "  (" << n.sample << ")\n";
        }
    }
    return out.str();
}

}  // namespace latent
