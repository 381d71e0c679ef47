// libFuzzer target: session files. A file the parser accepts must also survive a save and
// a reopen unchanged, as a session the user saves again would.
#include <cstdlib>
#include <string>

#include "FuzzCommon.h"
#include "latent/core/Session.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    return runReader([&] {
        const latent::Session session = latent::sessionFromJson(text, "fuzz");
        if (!(latent::sessionFromJson(latent::sessionToJson(session), "saved fuzz") == session)) std::abort();
    });
}
