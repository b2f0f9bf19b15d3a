# Cross-compile the probes for Windows with mingw-w64 and run them under Wine.
#
#   cmake --preset mingw-wine        (or: cmake -B build-win --toolchain cmake/mingw-w64.cmake)
#
# Debian/Ubuntu: apt-get install gcc-mingw-w64-x86-64 wine64. The probes are
# linked statically (see CMakeLists.txt), so no mingw DLL is needed at run time.
# CMAKE_CROSSCOMPILING_EMULATOR names Wine; CMakeLists.txt wraps it in
# BUILD/fsc-wine, which gives the build its own Wine prefix (BUILD/wineprefix).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(FSC_MINGW_PREFIX x86_64-w64-mingw32 CACHE STRING "mingw-w64 target triplet (tool prefix)")
set(CMAKE_C_COMPILER ${FSC_MINGW_PREFIX}-gcc)
set(CMAKE_RC_COMPILER ${FSC_MINGW_PREFIX}-windres)

# Libraries and headers from the cross environment only; programs (Python,
# Wine) from the host.
set(CMAKE_FIND_ROOT_PATH /usr/${FSC_MINGW_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Debian installs the 64-bit loader as /usr/lib/wine/wine64 (not on PATH);
# elsewhere it is wine64 or wine on PATH. FSC_WINE overrides.
find_program(FSC_WINE NAMES wine64 wine PATHS /usr/lib/wine /usr/lib64/wine NO_CMAKE_FIND_ROOT_PATH
  DOC "Wine loader that runs the probes")
if(FSC_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${FSC_WINE})
endif()
