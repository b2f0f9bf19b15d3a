/*
 * hostile.flood — a fixture for runners/hostile-check.py, not a probe: one
 * observation whose value is 400 MB long. The harness must stop reading (and
 * the probe) at its bound and keep its own memory small.
 */
#include <stdio.h>
#include <string.h>

int main(void)
{
    static char chunk[1 << 20];
    memset(chunk, 'x', sizeof chunk);
    fputs("big=", stdout);
    for (int i = 0; i < 400; i++)
        if (fwrite(chunk, 1, sizeof chunk, stdout) != sizeof chunk)
            return 3;
    putchar('\n');
    return 0;
}
