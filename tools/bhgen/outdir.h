/*
 * outdir.h — all-or-nothing writing of generated files.
 *
 * Files are written into a fresh temporary directory beside OUTDIR
 * (".<name>.bhgen-XXXXXX"). Only out_commit() makes them visible: when
 * OUTDIR does not exist the temporary directory is renamed to it in one
 * step; when it exists, each file is renamed over its old version (atomic
 * per file; files bhgen did not write are left alone). out_abort() removes
 * the temporary directory, so a failed run leaves OUTDIR as it was.
 * Runs: host only.
 */
#ifndef BHG_OUTDIR_H
#define BHG_OUTDIR_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

#define OUT_MAX_FILES 64u
#define OUT_REL_MAX 64u
#define OUT_PATH_MAX 4096u

typedef struct {
    char outdir[OUT_PATH_MAX];
    char tmp[OUT_PATH_MAX];
    char rel[OUT_MAX_FILES][OUT_REL_MAX]; /* files written, relative to the directory */
    unsigned nfiles;
    bool has_boxes_dir;
} outset_t;

/* Creates the temporary directory (and OUTDIR's parents). */
bool out_begin(outset_t *o, const char *outdir, diags_t *d) BHG_MUST_CHECK;

/* Opens 'rel' ("x.c" or "boxes/x.ld") for writing in the temporary directory. */
FILE *out_open(outset_t *o, const char *rel, diags_t *d);

/* Closes f; false (error reported) when anything written to it was lost. */
bool out_close(outset_t *o, FILE *f, diags_t *d) BHG_MUST_CHECK;

/* Moves every written file into OUTDIR and removes the temporary directory. */
bool out_commit(outset_t *o, diags_t *d) BHG_MUST_CHECK;

/* Removes the temporary directory and everything in it. */
void out_abort(outset_t *o);

#endif
