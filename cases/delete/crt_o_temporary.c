/*
 * delete.crt_o_temporary — a C runtime _O_TEMPORARY file: who else can open it, and does it vanish at _close.
 *
 * Steps: _open "t" with _O_CREAT | _O_EXCL | _O_RDWR | _O_TEMPORARY |
 * _O_BINARY and write "x". Then, while it is open: _open "t" again with
 * _O_RDONLY (report errno and _doserrno; closed if it opens); CreateFileW
 * "t" with DELETE access and full sharing (succeeds only if the C runtime
 * opened it with FILE_SHARE_DELETE; closed at once). _close the first
 * descriptor and report GetFileAttributesW "t". Skips on POSIX.
 *
 * Why: _O_TEMPORARY (and fopen's "D" mode) is the C runtime's
 * delete-on-close temporary file; tempfile modules and ports of mkstemp +
 * unlink build on it. The other side of it: while it is open, a second
 * ordinary _open / fopen of the same name (a child tool, a library
 * reopening by path) fails, because the runtime's usual share mode has no
 * delete sharing. Whether the runtime itself asks for FILE_SHARE_DELETE
 * differs between C runtimes (msvcrt, UCRT, Wine's msvcrt).
 *
 * References: _open, _wopen (_O_TEMPORARY: "deleted when the last file
 * descriptor is closed")
 * https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/open-wopen;
 * CreateFileW (FILE_FLAG_DELETE_ON_CLOSE, FILE_SHARE_DELETE)
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <fcntl.h>
#include <io.h>
#include <stdlib.h>
#include <sys/stat.h>
#endif
#include "fsc.h"
#include "fsc_win32.h"

#ifdef _WIN32
static void probe(void)
{
    int fd = _open("t", _O_CREAT | _O_EXCL | _O_RDWR | _O_TEMPORARY | _O_BINARY,
                   _S_IREAD | _S_IWRITE);
    FSC_CHECK(fd != -1);
    FSC_CHECK(_write(fd, "x", 1) == 1);
    _doserrno = 0;
    int fd2 = (int)fsc_obs_sys("second_open", _open("t", _O_RDONLY | _O_BINARY));
    if (fd2 != -1) _close(fd2);
    else fsc_obs("second_open_doserrno", "%s", fsc_win32_error_name(_doserrno));
    fsc_obs_win32_open("open_delete_access", L"t", DELETE,
                       FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, OPEN_EXISTING, 0);
    FSC_CHECK(_close(fd) == 0);
    fsc_obs_win32("closed.attrs", GetFileAttributesW(L"t") != INVALID_FILE_ATTRIBUTES);
}
#else
static void probe(void) { fsc_skip("no_win32"); }
#endif

FSC_PROBE(probe)
