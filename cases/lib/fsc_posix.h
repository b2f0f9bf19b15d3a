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
/* Observation `name`: `free` when fl->l_type is F_UNLCK, else the first and
 * last byte of the lock, `5_9` (l_len must not be 0). */
void fsc_obs_lock_range(const char *name, const struct flock *fl);

#ifdef __cplusplus
}
#endif
#endif
