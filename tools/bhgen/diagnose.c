/*
 * diagnose.c — validator errors mapped back to manifest lines (see diagnose.h).
 * Runs: host only.
 */
#include "diagnose.h"

#include <stdlib.h>

#include "pmsav7.h"
#include "validate.h"

typedef struct {
    const manifest_t *m;
    const board_t *b;
    const layout_t *l;
    diags_t *d;
} dctx_t;

static const mf_box_t *mbox(const dctx_t *c, uint16_t box)
{
    return &c->m->box[box];
}

static const bh_region_t *reg(const dctx_t *c, uint16_t box, uint16_t r)
{
    return &c->l->sys.boxes[box].regions[r];
}

static const mf_str_t *periph_item(const dctx_t *c, uint16_t box, uint16_t r)
{
    return &mbox(c, box)->peripherals.item[c->l->region_item[box][r]];
}

static int region_line(const dctx_t *c, uint16_t box, uint16_t r)
{
    const mf_box_t *bx = mbox(c, box);
    if (r == 0u && bx->code.state == MF_SET) {
        return bx->code.line;
    }
    return r < 2u ? bx->line : periph_item(c, box, r)->line;
}

/* "code slot 0x10020000..0x10024000", "RAM ...", "peripheral 'uart1' ...". */
static void region_desc(const dctx_t *c, uint16_t box, uint16_t r, char *out, size_t size)
{
    const bh_region_t *g = reg(c, box, r);
    unsigned long long end = (unsigned long long)g->base + g->size;
    if (r == 0u) {
        snprintf(out, size, "code slot 0x%08X..0x%08llX", g->base, end);
    } else if (r == 1u) {
        snprintf(out, size, "RAM 0x%08X..0x%08llX", g->base, end);
    } else {
        snprintf(out, size, "peripheral '%s' 0x%08X..0x%08llX", periph_item(c, box, r)->s, g->base, end);
    }
}

static const arena_t *arena_of(const dctx_t *c, uint16_t r)
{
    return r == 0u ? &c->l->code : &c->l->ram;
}

static bool nofit(const dctx_t *c, uint16_t box, uint16_t r)
{
    return r < 2u && box < c->l->sys.nboxes && arena_of(c, r)->nofit[box];
}

/* PMSAv7: the slot is one aligned power-of-two region, so bytes can be free
 * and still unusable; say how large a slot would still fit. */
static void report_nofit_v7(const dctx_t *c, uint16_t box, uint16_t r)
{
    const arena_t *a = arena_of(c, r);
    const char *what = r == 0u ? "code slot" : "RAM (stack + data)";
    const char *key = r == 0u ? "'code'" : "stack + data";
    char rounded[96] = "";
    char fix[160];
    if (a->want[box] != a->asked[box]) {
        snprintf(rounded, sizeof rounded, " (0x%llX asked, rounded up to the next size one region can cover)",
                 (unsigned long long)a->asked[box]);
    }
    if (a->maxfit[box] != 0u) {
        snprintf(fix, sizeof fix, "make %s at most 0x%llX bytes, or shrink the boxes around it", key,
                 (unsigned long long)a->maxfit[box]);
    } else {
        snprintf(fix, sizeof fix, "not even a 32-byte region is left; shrink the other boxes");
    }
    diag_error(c->d, c->m->file, region_line(c, box, r),
               "box '%s' does not fit in memory '%s': its %s needs one PMSAv7 MPU region of 0x%llX bytes%s "
               "and no address such a region can start at is left beside the kernel and the other boxes "
               "(0x%llX bytes free in all, all boxes need 0x%llX); %s",
               mbox(c, box)->name.s, a->mem->name.s, what, (unsigned long long)a->want[box], rounded,
               (unsigned long long)(a->free_end - a->free_base), (unsigned long long)a->need, fix);
}

static void report_nofit(const dctx_t *c, uint16_t box, uint16_t r)
{
    const arena_t *a = arena_of(c, r);
    const char *what = r == 0u ? "code" : "RAM (stack + data)";
    if (a->mem != NULL && a->pmsav7) {
        report_nofit_v7(c, box, r);
        return;
    }
    if (a->mem == NULL) {
        diag_error(c->d, c->m->file, region_line(c, box, r), "box '%s': the board has no memory for %s",
                   mbox(c, box)->name.s, what);
        return;
    }
    diag_error(c->d, c->m->file, region_line(c, box, r),
               "box '%s' does not fit in memory '%s': its %s needs %llu bytes but only %llu are left after the "
               "kernel and the boxes declared before it (all boxes need %llu bytes, %llu are available)",
               mbox(c, box)->name.s, a->mem->name.s, what, (unsigned long long)a->want[box],
               (unsigned long long)a->left[box], (unsigned long long)a->need,
               (unsigned long long)(a->free_end - a->free_base));
}

/* ---- one handler per validator error code ----------------------------- */

static void on_generic(const dctx_t *c, const bh_verr_t *e)
{
    int line = e->box < c->m->nboxes ? mbox(c, e->box)->line : c->m->line;
    diag_error(c->d, c->m->file, line, "the generated tables fail the kernel's check: %s (bhgen bug? please report)",
               bh_verr_str(e->code));
}

static void on_region(const dctx_t *c, const bh_verr_t *e)
{
    char desc[128];
    if (nofit(c, e->box, e->item)) {
        report_nofit(c, e->box, e->item);
        return;
    }
    region_desc(c, e->box, e->item, desc, sizeof desc);
    const char *fix = e->item >= 2u ? "; fix the peripheral in the board file" : "";
    diag_error(c->d, c->m->file, region_line(c, e->box, e->item), "box '%s': %s: %s%s", mbox(c, e->box)->name.s,
               desc, bh_verr_str(e->code), fix);
}

static void reserved_desc(const dctx_t *c, uint16_t k, char *out, size_t size)
{
    const bh_range_t *r = &c->l->sys.reserved[k];
    unsigned long long end = (unsigned long long)r->base + r->size;
    if (k < 2u) {
        snprintf(out, size, "the kernel's %s 0x%08X..0x%08llX", k == 0u ? "code" : "RAM", r->base, end);
    } else {
        snprintf(out, size, "kernel peripheral '%s' 0x%08X..0x%08llX", c->b->kernel_periphs.item[k - 2u].s,
                 r->base, end);
    }
}

static void on_reserved(const dctx_t *c, const bh_verr_t *e)
{
    char mine[128];
    char theirs[128];
    if (nofit(c, e->box, e->item)) {
        return; /* reported as "does not fit" */
    }
    region_desc(c, e->box, e->item, mine, sizeof mine);
    reserved_desc(c, e->other, theirs, sizeof theirs);
    diag_error(c->d, c->m->file, region_line(c, e->box, e->item), "box '%s': %s overlaps %s",
               mbox(c, e->box)->name.s, mine, theirs);
}

static void on_overlap(const dctx_t *c, const bh_verr_t *e)
{
    char first[128];
    char second[128];
    if (nofit(c, e->box, e->item) || nofit(c, e->other2, e->other)) {
        return; /* reported as "does not fit" */
    }
    region_desc(c, e->box, e->item, first, sizeof first);
    region_desc(c, e->other2, e->other, second, sizeof second);
    diag_error(c->d, c->m->file, region_line(c, e->other2, e->other), "box '%s': %s overlaps %s of box '%s'",
               mbox(c, e->other2)->name.s, second, first, mbox(c, e->box)->name.s);
}

/* " (also at line N)" when the first mention is on another line, else "". */
static void also_at(char *out, size_t size, int first, int again)
{
    out[0] = '\0';
    if (first != again) {
        snprintf(out, size, " (also at line %d)", first);
    }
}

static void on_two_owners(const dctx_t *c, const bh_verr_t *e)
{
    const mf_str_t *first = periph_item(c, e->box, e->item);
    const mf_str_t *again = periph_item(c, e->other2, e->other);
    char where[32];
    if (e->box == e->other2) {
        also_at(where, sizeof where, first->line, again->line);
        diag_error(c->d, c->m->file, again->line, "peripheral '%s' is listed twice in box '%s'%s", again->s,
                   mbox(c, e->box)->name.s, where);
        return;
    }
    diag_error(c->d, c->m->file, again->line,
               "peripheral '%s' already belongs to box '%s' (line %d); a peripheral has one owner", again->s,
               mbox(c, e->box)->name.s, first->line);
}

static const mf_str_t *irq_item(const dctx_t *c, uint16_t box, uint16_t i)
{
    return &mbox(c, box)->irqs.item[c->l->irq_item[box][i]];
}

static void on_irq_range(const dctx_t *c, const bh_verr_t *e)
{
    const mf_box_t *bx = mbox(c, e->box);
    if (e->item != BH_V_NONE) {
        on_generic(c, e);
        return;
    }
    diag_error(c->d, c->m->file, bx->irqs.line, "box '%s' routes %u IRQs; a box can take at most %u (BH_MAX_IRQS_PER_BOX)",
               bx->name.s, c->l->sys.boxes[e->box].nirqs, BH_MAX_IRQS_PER_BOX);
}

static void on_irq_two_owners(const dctx_t *c, const bh_verr_t *e)
{
    const mf_str_t *first = irq_item(c, e->box, e->item);
    const mf_str_t *again = irq_item(c, e->other2, e->other);
    char where[32];
    if (e->box == e->other2) {
        also_at(where, sizeof where, first->line, again->line);
        diag_error(c->d, c->m->file, again->line, "IRQ '%s' is listed twice in box '%s'%s", again->s,
                   mbox(c, e->box)->name.s, where);
        return;
    }
    diag_error(c->d, c->m->file, again->line, "IRQ '%s' is already routed to box '%s' (line %d); an IRQ has one owner",
               again->s, mbox(c, e->box)->name.s, first->line);
}

static void on_too_many_regions(const dctx_t *c, const bh_verr_t *e)
{
    const mf_box_t *bx = mbox(c, e->box);
    unsigned n = c->l->sys.boxes[e->box].nregions;
    diag_error(c->d, c->m->file, bx->peripherals.line,
               "box '%s' needs %u MPU regions (code, RAM and %u peripherals) but a box has %u; give it at most %u "
               "peripherals, or move some to another box",
               bx->name.s, n, n - 2u, BH_MAX_REGIONS, BH_MAX_REGIONS - 2u);
}

static void on_too_many_gateways(const dctx_t *c, const bh_verr_t *e)
{
    (void)e;
    diag_error(c->d, c->m->file, c->l->gw_overflow_line,
               "too many gateways: the system declares %u, at most %u are allowed (BH_MAX_GATEWAYS)",
               c->l->sys.ngateways, BH_MAX_GATEWAYS);
}

static void on_signal(const dctx_t *c, const bh_verr_t *e)
{
    const mf_box_t *bx = mbox(c, e->box);
    diag_error(c->d, c->m->file, bx->line,
               "box '%s' needs %u signals (%u gateways + %u IRQs) but only 30 are available to gateways and IRQs",
               bx->name.s, bx->ngw + bx->irqs.n, bx->ngw, bx->irqs.n);
}

static const mf_str_t *caller_item(const mf_gateway_t *g, uint16_t caller)
{
    for (uint16_t k = 0; k < g->callers.n; k++) {
        if (g->callers.item[k].ref == (int16_t)caller) {
            return &g->callers.item[k];
        }
    }
    return NULL;
}

/* A finding about the non-secure world's box (or ns.box): what check_ns.c
 * and layout_check_ns() rejected explains it; anything else is a bug. */
static void on_ns(const dctx_t *c, const bh_verr_t *e)
{
    if (c->m->ns.bad) {
        return;
    }
    diag_error(c->d, c->m->file, c->m->ns.line != 0 ? c->m->ns.line : c->m->line,
               "the generated tables fail the kernel's check for the non-secure world: %s (bhgen bug? please report)",
               bh_verr_str(e->code));
}

static void on_downhill(const dctx_t *c, const bh_verr_t *e)
{
    const gw_src_t *src = &c->l->gw_src[e->item];
    const mf_box_t *server = mbox(c, src->box);
    if (server->priority.state != MF_SET) {
        return; /* a rejected priority was already reported */
    }
    if (e->other2 >= c->m->nboxes) {
        on_ns(c, e); /* the non-secure world (255) is below every box (0..254) */
        return;
    }
    const mf_box_t *caller = mbox(c, e->other2);
    const mf_gateway_t *g = &server->gw[src->gw];
    const mf_str_t *item = caller_item(g, e->other2);
    if (caller->priority.state != MF_SET || item == NULL) {
        return; /* a rejected priority was already reported */
    }
    diag_error(c->d, c->m->file, item->line,
               "box '%s' (priority %u) may not call gateway '%s' of box '%s' (priority %u): deadlock prevention: "
               "callers must have strictly lower priority (larger number) than the server",
               caller->name.s, caller->priority.v, g->name.s, server->name.s, server->priority.v);
}

typedef void (*verr_fn)(const dctx_t *c, const bh_verr_t *e);

static const verr_fn handlers[BH_V_CODE_COUNT] = {
    [BH_V_TOO_MANY_GATEWAYS] = on_too_many_gateways,
    [BH_V_TOO_MANY_REGIONS] = on_too_many_regions,
    [BH_V_REGION_EMPTY] = on_region,
    [BH_V_REGION_ALIGN] = on_region,
    [BH_V_REGION_WRAP] = on_region,
    [BH_V_REGION_WX] = on_region,
    [BH_V_REGION_OUTSIDE] = on_region,
    [BH_V_REGION_RESERVED] = on_reserved,
    [BH_V_REGION_OVERLAP] = on_overlap,
    [BH_V_PERIPH_TWO_OWNERS] = on_two_owners,
    [BH_V_IRQ_RANGE] = on_irq_range,
    [BH_V_IRQ_TWO_OWNERS] = on_irq_two_owners,
    [BH_V_SIGNAL] = on_signal,
    [BH_V_GW_DOWNHILL] = on_downhill,
    [BH_V_NS_BOX] = on_ns,
};

/* The finding names the non-secure world's box (the one after the
 * manifest's boxes), as the box or as the second box of a pair. */
static bool about_ns(const dctx_t *c, const bh_verr_t *e)
{
    bool pair = e->code == BH_V_REGION_OVERLAP || e->code == BH_V_PERIPH_TWO_OWNERS || e->code == BH_V_IRQ_TWO_OWNERS;
    return (e->box != BH_V_NONE && e->box >= c->m->nboxes) ||
           (pair && e->other2 != BH_V_NONE && e->other2 >= c->m->nboxes);
}

/* Every placed region of every box is exactly one PMSAv7 region. Slots
 * that did not fit are already reported; board peripherals are checked
 * with the board, so a failure here can only be a bhgen bug. */
static void check_pmsav7_regions(const dctx_t *c)
{
    for (uint16_t box = 0; board_is_pmsav7(c->b) && box < c->l->sys.nboxes; box++) {
        const bh_box_desc_t *x = &c->l->sys.boxes[box];
        for (uint16_t r = 0; r < x->nregions && r < BH_MAX_REGIONS; r++) {
            uint32_t rbar = 0;
            uint32_t rasr = 0;
            char desc[128];
            if (nofit(c, box, r) || bh_pmsav7_encode(x->regions[r].base, x->regions[r].size, &rbar, &rasr)) {
                continue;
            }
            region_desc(c, box, r, desc, sizeof desc);
            diag_error(c->d, c->m->file, region_line(c, box, r),
                       "box '%s': %s is not one PMSAv7 MPU region (bhgen bug? please report)", mbox(c, box)->name.s,
                       desc);
        }
    }
}

void diagnose_tables(const manifest_t *m, const board_t *b, const layout_t *l, diags_t *d)
{
    bh_verr_t *errs = calloc(DIAG_MAX_VERRS, sizeof *errs);
    if (errs == NULL) {
        diag_error(d, m->file, 0, "out of memory");
        return;
    }
    size_t n = bh_validate(&l->sys, errs, DIAG_MAX_VERRS);
    dctx_t c = {m, b, l, d};
    for (size_t i = 0; i < n && i < DIAG_MAX_VERRS; i++) {
        verr_fn fn = errs[i].code < BH_V_CODE_COUNT ? handlers[errs[i].code] : NULL;
        if (about_ns(&c, &errs[i])) {
            fn = on_ns;
        }
        (fn != NULL ? fn : on_generic)(&c, &errs[i]);
    }
    if (n > DIAG_MAX_VERRS) {
        diag_error(d, m->file, 0, "%zu more table errors not shown", n - DIAG_MAX_VERRS);
    }
    check_pmsav7_regions(&c);
    free(errs);
}
