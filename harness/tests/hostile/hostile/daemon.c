/*
 * hostile.daemon — a fixture for runners/hostile-check.py, not a probe: it
 * daemonizes a grandchild (fork, setsid, fork, stdio closed) that goes on
 * trying to append to "../daemon-was-here" in the target directory once a
 * second, then exits 0 with one observation. The harness must find and kill
 * the grandchild and give a verdict that says so; the file must not appear.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    fflush(stdout);
    pid_t child = fork();
    if (child < 0)
        return 3;
    if (child == 0) {
        setsid();
        if (fork() == 0) {
            int null = open("/dev/null", O_RDWR);
            for (int fd = 0; fd < 3; fd++)
                dup2(null, fd);
            for (;;) {
                int fd = open("../daemon-was-here", O_WRONLY | O_CREAT | O_APPEND, 0644);
                if (fd >= 0) {
                    (void)!write(fd, "x", 1);
                    close(fd);
                }
                sleep(1);   /* a daemon at work, not synchronisation */
            }
        }
        _exit(0);
    }
    int st;
    if (waitpid(child, &st, 0) != child)
        return 3;
    puts("daemon=started");
    return 0;
}
