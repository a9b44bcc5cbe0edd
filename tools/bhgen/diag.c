/*
 * diag.c — error collection and printing (see diag.h).
 * Runs: host only.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static size_t rank_of(const diags_t *d, const char *file)
{
    size_t next = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (strcmp(d->v[i].file, file) == 0) {
            return d->v[i].file_rank;
        }
        if (d->v[i].file_rank >= next) {
            next = d->v[i].file_rank + 1u;
        }
    }
    return next;
}

static bool is_duplicate(const diags_t *d, const char *file, int line, const char *msg)
{
    for (size_t i = 0; i < d->n; i++) {
        const diag_t *e = &d->v[i];
        if (e->line == line && strcmp(e->file, file) == 0 && strcmp(e->msg, msg) == 0) {
            return true;
        }
    }
    return false;
}

static bool reserve(diags_t *d)
{
    if (d->n < d->cap) {
        return true;
    }
    size_t cap = d->cap != 0u ? d->cap * 2u : 16u;
    diag_t *v = realloc(d->v, cap * sizeof *v);
    if (v == NULL) {
        return false;
    }
    d->v = v;
    d->cap = cap;
    return true;
}

void diag_error(diags_t *d, const char *file, int line, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (is_duplicate(d, file, line, buf)) {
        return;
    }
    char *msg = strdup(buf);
    if (msg == NULL || !reserve(d)) {
        free(msg);
        d->dropped++;
        return;
    }
    d->v[d->n] = (diag_t){file, line, rank_of(d, file), d->n, msg};
    d->n++;
}

size_t diag_count(const diags_t *d)
{
    return d->n + d->dropped;
}

static int by_place(const void *a, const void *b)
{
    const diag_t *x = a;
    const diag_t *y = b;
    if (x->file_rank != y->file_rank) {
        return x->file_rank < y->file_rank ? -1 : 1;
    }
    if (x->line != y->line) {
        return x->line < y->line ? -1 : 1;
    }
    return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

void diag_print(diags_t *d, FILE *out)
{
    if (d->n > 1u) {
        qsort(d->v, d->n, sizeof d->v[0], by_place);
    }
    for (size_t i = 0; i < d->n; i++) {
        const diag_t *e = &d->v[i];
        if (e->line > 0) {
            fprintf(out, "%s:%d: error: %s\n", e->file, e->line, e->msg);
        } else {
            fprintf(out, "%s: error: %s\n", e->file, e->msg);
        }
    }
    if (d->dropped != 0u) {
        fprintf(out, "bhgen: error: out of memory; %zu more errors not shown\n", d->dropped);
    }
}

void diag_free(diags_t *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].msg);
    }
    free(d->v);
    *d = (diags_t){0};
}
