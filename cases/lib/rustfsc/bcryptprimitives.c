/*
 * bcryptprimitives.c — a stand-in for Windows's bcryptprimitives.dll, for Wine 8
 * only: ProcessPrng, filled by RtlGenRandom (advapi32's SystemFunction036).
 *
 * Rust's std since 1.78 takes its random numbers (HashMap keys) from
 * ProcessPrng in bcryptprimitives.dll, which Windows 10 and later have and Wine
 * 8 does not (1.96: library/std/src/sys/random/windows.rs fill_bytes, imported
 * with raw-dylib in library/std/src/sys/pal/windows/c.rs), so a probe linked
 * with that std does not even load under Wine 8. CMake builds this DLL next to the probes of a Rust build
 * run under Wine, where the loader finds it first. It is no part of the
 * backend (it touches no file) and must not be shipped to real Windows, where
 * the system's own DLL is the one to use.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n;
        size -= n;
    }
    return TRUE; /* Windows's never fails */
}
