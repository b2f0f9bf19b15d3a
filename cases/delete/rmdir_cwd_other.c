/*
 * delete.rmdir_cwd_other — rmdir the current directory of another process.
 *
 * Steps: make directory "sub"; start a helper that changes its current
 * directory to "sub" and says "in"; rmdir "sub"; the helper then stats "."
 * (result and link count) and tries to create file "f" in "." with an
 * exclusive create.
 *
 * Why: a shell or build process sitting in a directory that another
 * program deletes (git checkout, rm -rf of a build tree, a cleanup job) is
 * common. On POSIX the rmdir normally succeeds and the process is left in a
 * directory with no name, link count 0, in which nothing can be created;
 * POSIX also lets the system refuse with EBUSY. Windows refuses, because a
 * process's current directory is an open handle without delete sharing, so
 * directories cannot be removed while any process (a terminal, an IDE) sits
 * in them.
 *
 * References: POSIX.1-2024 rmdir() ("If the directory is ... the current
 * working directory of any process, it is unspecified whether the function
 * succeeds, or whether it shall fail and set errno to [EBUSY]"; "no new
 * entries may be created in the directory"); rmdir(2); getcwd(3) (ENOENT
 * for an unlinked working directory); RemoveDirectoryW;
 * SetCurrentDirectory
 */
#include "fsc.h"

static int sitter(const char *arg)
{
    fsc_stat st;
    fsc_fd fd;
    (void)arg;
    FSC_OK(fsc_op_chdir("sub"));
    fsc_send(NULL, "in");
    fsc_expect(NULL, "removed");
    int err = fsc_op_stat(".", &st);
    fsc_obs_op("helper_stat_dot", err);
    if (err) fsc_obs("helper_dot_nlink", "none");
    else fsc_obs_int("helper_dot_nlink", st.nlink);
    err = fsc_op_open("f", FSC_WRITE | FSC_CREATE | FSC_EXCL | FSC_SHARE_ALL, &fd);
    fsc_obs_op("helper_create", err);
    if (!err) FSC_OK(fsc_op_close(fd));
    fsc_send(NULL, "done");
    return 0;
}

static void probe(void)
{
    fsc_stat st;
    FSC_OK(fsc_op_mkdir("sub"));
    fsc_helper *h = fsc_spawn("sitter", NULL, FSC_SPAWN_EXEC);
    fsc_expect(h, "in");
    fsc_obs_op("rmdir", fsc_op_rmdir("sub"));
    fsc_obs_op("stat_name", fsc_op_stat("sub", &st));
    fsc_send(h, "removed");
    fsc_expect(h, "done");
    FSC_CHECK(fsc_wait(h) == 0);
}

FSC_PROBE_HELPERS(probe, {"sitter", sitter})
