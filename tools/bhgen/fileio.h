/*
 * fileio.h — reading a whole file into memory, with a size cap.
 * Runs: host only.
 */
#ifndef BHG_FILEIO_H
#define BHG_FILEIO_H

#include <stddef.h>
#include <stdio.h>

/*
 * Reads f to its end, but never more than max + 1 bytes (so a caller can
 * tell "exactly max" from "too big"). Returns a malloc'd buffer and its
 * length, or NULL when out of memory. Check ferror(f) afterwards.
 */
unsigned char *file_slurp(FILE *f, size_t max, size_t *len);

#endif
