/*
 * hostile.hang — a fixture for runners/hostile-check.py, not a probe: it
 * reports one observation and then never exits. The harness must time it out
 * and kill it.
 */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    puts("started=yes");
    fflush(stdout);
    for (;;)
        pause();
}
