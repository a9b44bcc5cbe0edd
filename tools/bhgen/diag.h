/*
 * diag.h — error messages of bhgen, collected then printed in one go.
 *
 * Every check in bhgen reports through diag_error() instead of printing, so
 * the pipeline can go on and find every problem, and main() decides what to
 * print and which exit status to return. Messages print as
 * "FILE:LINE: error: TEXT" (or "FILE: error: TEXT" when LINE is 0), sorted
 * by file (in order of first report) then line, exact duplicates dropped.
 * Runs: host only. Trusts: nothing; owns copies of every message text.
 */
#ifndef BHG_DIAG_H
#define BHG_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define BHG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define BHG_MUST_CHECK __attribute__((warn_unused_result))

typedef struct {
    const char *file; /* not owned: must outlive the diags_t */
    int line;         /* 1-based; 0 = the file as a whole */
    size_t file_rank; /* order in which files were first reported */
    size_t seq;       /* order of report, for a stable sort */
    char *msg;
} diag_t;

typedef struct {
    diag_t *v;
    size_t n, cap;
    size_t dropped; /* reports lost to an allocation failure */
} diags_t;

/* Records one error. 'file' must stay valid until diag_free(). */
void diag_error(diags_t *d, const char *file, int line, const char *fmt, ...) BHG_PRINTF(4, 5);

/* Number of errors recorded (including any that could not be stored). */
size_t diag_count(const diags_t *d);

/* Sorts and prints every error to 'out'. */
void diag_print(diags_t *d, FILE *out);

void diag_free(diags_t *d);

#endif
