/*
 * bhgen.c — the pipeline driver (see bhgen.h).
 * Runs: host only. Owns every allocation of a run and frees it.
 */
#include "bhgen.h"

#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "check.h"
#include "diagnose.h"
#include "emit.h"
#include "layout.h"
#include "manifest.h"
#include "seal.h"
#include "ydoc.h"

typedef struct {
    manifest_t m;
    board_t b;
    layout_t l;
} run_t;

/*
 * --board NAME: the manifest is built for NAME whatever its 'board:' says
 * (one manifest, several boards). Errors about the board still point at
 * the manifest's 'board:' line.
 */
static void override_board(mf_str_t *b, const char *name, const char *file, diags_t *d)
{
    size_t n = strlen(name);
    if (n >= sizeof b->s || !is_ident(name)) {
        diag_error(d, file, b->line, "--board '%s' is not a board name (letters, digits, '_')", name);
        b->state = MF_BAD;
        return;
    }
    memcpy(b->s, name, n + 1u);
    b->state = MF_SET;
}

/* Every check, in pipeline order; layout and the table validator need a usable board. */
static void validate_all(run_t *r, ydoc_t *y, const char *boards_dir, const char *board, diags_t *d)
{
    manifest_parse(y, &r->m, d);
    if (board != NULL) {
        override_board(&r->m.board, board, r->m.file, d);
    }
    bool board_ok = board_load(&r->b, boards_dir, &r->m.board, r->m.file, d);
    manifest_check(&r->m, board_ok ? &r->b : NULL, d);
    manifest_fill_defaults(&r->m);
    if (board_ok) {
        layout_build(&r->l, &r->m, &r->b, d);
        layout_check_ns(&r->m, &r->b, &r->l, d);
        diagnose_tables(&r->m, &r->b, &r->l, d);
    }
}

int bhgen_generate(const char *manifest, const char *boards_dir, const char *board, const char *outdir, FILE *err)
{
    diags_t d = {0};
    run_t *r = calloc(1, sizeof *r);
    ydoc_t y;
    if (r == NULL) {
        fprintf(err, "bhgen: error: out of memory\n");
        return BHGEN_INVALID;
    }
    if (ydoc_load(&y, manifest, &d)) {
        validate_all(r, &y, boards_dir, board, &d);
    }
    ydoc_free(&y);
    if (diag_count(&d) == 0u && outdir != NULL && !emit_all(&r->m, &r->b, &r->l, outdir, &d) &&
        diag_count(&d) == 0u) {
        diag_error(&d, outdir, 0, "cannot write the generated files");
    }
    int status = diag_count(&d) == 0u ? BHGEN_OK : BHGEN_INVALID;
    diag_print(&d, err);
    diag_free(&d);
    free(r);
    return status;
}

int bhgen_seal(const char *image, FILE *err)
{
    diags_t d = {0};
    int status = seal_image(image, &d) ? BHGEN_OK : BHGEN_INVALID;
    diag_print(&d, err);
    diag_free(&d);
    return status;
}
