/*
 * fsc_posix.h — what native POSIX probes need beyond fsc.h: set-ups and
 * reports that several probes share (implemented in fsc_posix.c). Include
 * it where _WIN32 is not defined, after the probe's feature-test macros.
 *
 *     int fd;
 *     char *m = fsc_map_shared("f", 4096, &fd);           // 4096 x 'a', mapped
 */
#ifndef FSC_POSIX_H
#define FSC_POSIX_H

#include <stddef.h>

#include "fsc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The file `path` made anew with `size` bytes 'a', opened O_RDWR (into *fd)
 * and mapped whole, MAP_SHARED, PROT_READ|PROT_WRITE. Any failure breaks the
 * probe. The caller unmaps and closes. */
char *fsc_map_shared(const char *path, size_t size, int *fd);

#ifdef __cplusplus
}
#endif
#endif
