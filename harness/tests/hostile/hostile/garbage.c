/*
 * hostile.garbage — a fixture for runners/hostile-check.py, not a probe: its
 * output is not name=value lines. The verdict must be error, naming the line.
 */
#include <stdio.h>

int main(void)
{
    puts("rename=ok");
    puts("this is not an observation");
    puts("Bad Name=1");
    return 0;
}
