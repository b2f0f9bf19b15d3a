/*
 * fsc_posix.h — what native POSIX probes need beyond fsc.h: set-ups and
 * reports that several probes share (implemented in fsc_posix.c). Include
 * it where _WIN32 is not defined, after the probe's feature-test macros.
 *
 *     int fd;
 *     char *m = fsc_map_shared("f", 4096, &fd);           // 4096 x 'a', mapped
 *     struct flock fl = fsc_getlk(fd, 0, 0);              // who blocks a write lock?
 *     fsc_obs_lock_range("covered", &fl);                 // free / 5_9
 */
#ifndef FSC_POSIX_H
#define FSC_POSIX_H

#include <fcntl.h>
#include <stddef.h>
#include <sys/types.h>

#include "fsc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The file `path` made anew with `size` bytes 'a', opened O_RDWR (into *fd)
 * and mapped whole, MAP_SHARED, PROT_READ|PROT_WRITE. Any failure breaks the
 * probe. The caller unmaps and closes. */
char *fsc_map_shared(const char *path, size_t size, int *fd);

/* F_GETLK for a write lock on `len` bytes from `start` (SEEK_SET; len 0: to
 * the end of the file and beyond): the lock that would block it, l_type
 * F_UNLCK when none would. A failing fcntl breaks the probe. */
struct flock fsc_getlk(int fd, off_t start, off_t len);
/* "F_RDLCK", "F_WRLCK", "F_UNLCK"; "other" for any other l_type. */
const char *fsc_lock_type_name(short type);
/* Observation `name`: `free` when fl->l_type is F_UNLCK, else the first and
 * last byte of the lock, `5_9` (l_len must not be 0). */
void fsc_obs_lock_range(const char *name, const struct flock *fl);

/* flock(fd, op | LOCK_NB), op LOCK_EX or LOCK_SH: "granted", "refused"
 * (EWOULDBLOCK: another lock is in the way) or the error's name. */
const char *fsc_try_flock(int fd, int op);

/* Lock matrices (lock.flock_matrix, lock.lockf_matrix, lock.record_matrix):
 * each cell is asked of one of three openers of "f": the probe's first
 * descriptor (who 0), its second (who 1) or a helper process's (who 2: the
 * role "asker", run with FSC_SPAWN_EXEC, whose function is
 * fsc_lock_asker(ask)). The probe's `ask` answers a request, a single-line
 * string of its own making, on a descriptor: it tries a lock, releases what
 * that descriptor holds, and returns the outcome (`granted`, `refused`, an
 * error name ...) as one line. */
typedef const char *(*fsc_lock_ask_fn)(int fd, const char *request);
typedef struct {
    int fd[2];
    fsc_helper *helper;
    fsc_lock_ask_fn ask;
} fsc_lock_matrix;

/* Opens "f" (which must exist) twice, O_RDWR, and starts the asker. */
void fsc_lock_matrix_start(fsc_lock_matrix *m, fsc_lock_ask_fn ask);
/* The answer of opener `who` to the request; valid until the next call. */
const char *fsc_lock_matrix_ask(fsc_lock_matrix *m, int who, const char *fmt, ...)
    FSC_PRINTF(3, 4);
/* Ends the asker and closes both descriptors. */
void fsc_lock_matrix_end(fsc_lock_matrix *m);
/* The asker role: opens "f", answers requests with `ask` until the end. */
int fsc_lock_asker(fsc_lock_ask_fn ask);

#ifdef __cplusplus
}
#endif
#endif
