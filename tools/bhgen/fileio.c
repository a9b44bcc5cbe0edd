/*
 * fileio.c — whole-file reading (see fileio.h).
 * Runs: host only.
 */
#include "fileio.h"

#include <stdlib.h>

unsigned char *file_slurp(FILE *f, size_t max, size_t *len)
{
    size_t cap = 0;
    size_t n = 0;
    unsigned char *buf = NULL;
    while (!feof(f) && !ferror(f) && n <= max) {
        if (n == cap) {
            cap = cap != 0u ? cap * 2u : 65536u;
            unsigned char *grown = realloc(buf, cap);
            if (grown == NULL) {
                free(buf);
                return NULL;
            }
            buf = grown;
        }
        n += fread(buf + n, 1, cap - n, f);
    }
    *len = n;
    if (buf == NULL) {
        buf = malloc(1);
    }
    return buf;
}
