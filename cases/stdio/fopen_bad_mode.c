/*
 * stdio.fopen_bad_mode — fopen with mode strings C does not define: "", "z", "rw", "r+w", "wr".
 *
 * Steps: create "f" holding "abc"; for each mode fopen "f" with errno set
 * to 0 and report "ok" or the errno name ("null_no_errno" for a failure
 * without one); an opened stream is closed at once, and after "rw", "r+w"
 * and "wr" the file's size is reported (3 when it was not truncated).
 *
 * Why: mode strings arrive from configuration and other languages'
 * bindings ("rw" is a common mistake, and other runtimes accept it). C
 * leaves any mode outside its list undefined: glibc reads the first letter
 * and ignores what it does not know, so "rw" opens read-only and "wr"
 * truncates, while other runtimes refuse the whole mode or crash under a
 * parameter validator — the same script opens, fails or destroys data.
 *
 * References: ISO C11 7.21.5.3p3 ("If the string is one of the following,
 * the file is open in the indicated mode. Otherwise, the behavior is
 * undefined"); POSIX.1-2024 fopen() ("[EINVAL] The mode argument is not a
 * valid mode" — may fail); Microsoft Learn fopen (invalid mode: the
 * invalid parameter handler, EINVAL).
 */
#include "fsc.h"

#include <errno.h>
#include <stdio.h>

static void probe(void)
{
    static const struct {
        const char *name, *mode;
        int size;
    } modes[] = {{"empty", "", 0}, {"z", "z", 0}, {"rw", "rw", 1}, {"rplusw", "r+w", 1}, {"wr", "wr", 1}};
    char name[32];
    fsc_stat st;
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        fsc_put("f", "abc");
        errno = 0;
        FILE *f = fopen("f", modes[i].mode);
        fsc_obs(modes[i].name, "%s", f ? "ok" : errno ? fsc_errno_name(errno) : "null_no_errno");
        if (f) FSC_CHECK(fclose(f) == 0);
        if (!modes[i].size) continue;
        FSC_OK(fsc_op_stat("f", &st));
        snprintf(name, sizeof name, "%s.size", modes[i].name);
        fsc_obs_int(name, st.size);
    }
}

FSC_PROBE(probe)
