/*
 * hostile.control — a fixture for runners/hostile-check.py, not a probe:
 * observations and stderr full of terminal escape sequences, NUL, 0x01,
 * invalid UTF-8, NEL and VT. The verdict must be error; nothing of it may
 * reach the terminal raw or make junit.xml ill-formed.
 */
#include <stdio.h>

int main(void)
{
    static const char out[] =
        "esc=a\033[2J\033]0;pwned\007b\n"
        "nul=a\0b\n"
        "soh=\001\n"
        "utf8=\xff\xfe\n"
        "nel=a\xc2\x85split=1\n"
        "vt=a\013split2=1\n";
    fwrite(out, 1, sizeof out - 1, stdout);
    fputs("\033[2J\033]0;pwned\007\001\xff stderr\n", stderr);
    return 0;
}
