/*
 * bhgen.h — the generator pipeline, callable without the command line.
 *
 *   parse (YAML -> manifest, every value with its line)
 *   -> load and check the board file
 *   -> check names and references (check.c)
 *   -> lay out into a bh_system_t (layout.c)
 *   -> bh_validate() from kernel/core, errors mapped to lines (diagnose.c)
 *   -> emit, only when nothing above found an error (emit*.c)
 * Runs: host only.
 */
#ifndef BHG_BHGEN_H
#define BHG_BHGEN_H

#include <stdio.h>

/* Exit statuses, as documented in docs/manifest.md. */
enum bhgen_status { BHGEN_OK = 0, BHGEN_INVALID = 1, BHGEN_USAGE = 2 };

/*
 * Validates 'manifest' against boards_dir/<board>/board.yaml, where <board>
 * is 'board' when not NULL (the manifest's own 'board:' otherwise), and, when
 * outdir is not NULL and everything is valid, writes the generated files
 * there. Errors go to 'err' as "FILE:LINE: error: TEXT".
 * Returns BHGEN_OK or BHGEN_INVALID (invalid input or a write failure).
 */
int bhgen_generate(const char *manifest, const char *boards_dir, const char *board, const char *outdir, FILE *err)
    __attribute__((warn_unused_result));

/* bhgen --seal: returns BHGEN_OK or BHGEN_INVALID. */
int bhgen_seal(const char *image, FILE *err) __attribute__((warn_unused_result));

#endif
