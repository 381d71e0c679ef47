# Strict warnings for the project's own targets only (never for third-party headers,
# which are included as SYSTEM by their imported targets).
function(latent_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Wunused -Woverloaded-virtual
    -Wformat=2 -Wimplicit-fallthrough
    # GCC 12 reports false positives inside libstdc++ string code at -O2 (GCC bug 105329).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
  if(LATENT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(LATENT_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${LATENT_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${LATENT_SANITIZE})
  endif()
endfunction()
