/*
 * hostile.crash — a fixture for runners/hostile-check.py, not a probe: it
 * reports one observation and dies by SIGSEGV. The verdict must be crash.
 */
#include <signal.h>
#include <stdio.h>

int main(void)
{
    puts("before=ok");
    fflush(stdout);
    raise(SIGSEGV);
    return 0;
}
