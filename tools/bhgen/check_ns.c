/*
 * check_ns.c — the manifest's 'nonsecure' section against the board's
 * 'trustzone' section (see check.h; docs/manifest.md, "The non-secure
 * world"). What it guards: no MPC block, SAU region or PPC port given to
 * the non-secure world may also be something the Secure side uses. The
 * one rule that needs placed boxes (the Secure alias of the NS ranges) is
 * layout_check_ns() in layout_ns.c.
 * Runs: host only. Trusts: nothing in the manifest.
 */
#include <string.h>

#include "check.h"
#include "range.h"

#define NS_SAU_NEEDED 4u /* NS code, NS RAM, NS peripheral window, NSC veneers */
#define NS_ITNS_IRQS 128u /* bh_ns_world_t.itns: 4 words */

_Static_assert(NS_ITNS_IRQS == 32u * sizeof(((bh_ns_world_t *)0)->itns) / sizeof(uint32_t), "itns words");

typedef struct {
    const manifest_t *m;
    const board_t *b;
    diags_t *d;
} nsctx_t;

/* "ns_code 0x00200000..0x00400000, ..." — the board's NS memories of a kind. */
static void ns_memories_of(const board_t *b, uint32_t kind, char *out, size_t size)
{
    out[0] = '\0';
    for (uint16_t i = 0; i < b->tz.nns_mem; i++) {
        const bd_memory_t *mem = &b->tz.ns_mem[i];
        size_t n = strlen(out);
        if (mem->kind.v == kind && n < size) {
            snprintf(out + n, size - n, "%s%s 0x%08X..0x%08llX", n == 0u ? "" : ", ", mem->name.s, mem->base.v,
                     (unsigned long long)mem->base.v + mem->size.v);
        }
    }
    if (out[0] == '\0') {
        snprintf(out, size, "none");
    }
}

/* Base and size present, non-zero, on the SAU/MPU granule. */
static bool range_present(const nsctx_t *c, const mf_range_t *r, const char *what)
{
    const char *file = c->m->file;
    if (r->line == 0 || r->base.state != MF_SET || r->size.state != MF_SET) {
        return false; /* missing or rejected: the schema said so */
    }
    bool ok = true;
    if (r->size.v == 0u) {
        diag_error(c->d, file, r->size.line, "nonsecure %s size is zero; the non-secure world needs some %s", what,
                   what);
        ok = false;
    }
    if (r->base.v % BH_REGION_ALIGN != 0u) {
        diag_error(c->d, file, r->base.line,
                   "nonsecure %s base 0x%08X is not a multiple of %u bytes (the SAU and MPU granule)", what,
                   r->base.v, BH_REGION_ALIGN);
        ok = false;
    }
    if (r->size.v % BH_REGION_ALIGN != 0u) {
        diag_error(c->d, file, r->size.line, "nonsecure %s size 0x%X is not a multiple of %u bytes (the SAU and MPU "
                   "granule)", what, r->size.v, BH_REGION_ALIGN);
        ok = false;
    }
    return ok;
}

/* Whole MPC blocks: a block is Secure or Non-secure as a whole, so a range
 * that ends inside one would hand the rest of that block over too. */
static bool range_whole_blocks(const nsctx_t *c, const mf_range_t *r, const char *what)
{
    uint32_t blk = c->b->tz.mpc_block.v;
    uint64_t end = (uint64_t)r->base.v + r->size.v;
    const mf_u32_t *at = r->base.v % blk != 0u ? &r->base : (end % blk != 0u ? &r->size : NULL);
    if (at == NULL) {
        return true;
    }
    bool base = at == &r->base;
    uint64_t shared = (base ? r->base.v : end) / blk * blk;
    diag_error(c->d, c->m->file, at->line,
               "nonsecure %s %s 0x%0*X would expose secure memory: MPC blocks are %u bytes, so the block at "
               "0x%08llX would be shared with secure memory; make base and size multiples of 0x%X",
               what, base ? "base" : "size", base ? 8 : 0, at->v, blk, (unsigned long long)shared, blk);
    return false;
}

static bool check_range(const nsctx_t *c, const mf_range_t *r, uint32_t kind, const char *what)
{
    if (!range_present(c, r, what) || !range_whole_blocks(c, r, what)) {
        return false;
    }
    if (board_ns_memory_holding(c->b, kind, r->base.v, r->size.v) == NULL) {
        char mems[256];
        ns_memories_of(c->b, kind, mems, sizeof mems);
        diag_error(c->d, c->m->file, r->line,
                   "nonsecure %s 0x%08X..0x%08llX is outside the board's non-secure %s memories (board %s: %s)",
                   what, r->base.v, (unsigned long long)r->base.v + r->size.v, what, c->b->board.s, mems);
        return false;
    }
    return true;
}

static void check_ranges(const nsctx_t *c, mf_nonsecure_t *ns)
{
    ns->code_ok = check_range(c, &ns->code, BH_RK_CODE, "code");
    ns->ram_ok = check_range(c, &ns->ram, BH_RK_RAM, "ram");
    if (ns->code_ok && ns->ram_ok &&
        bh_range_overlap(ns->code.base.v, ns->code.size.v, ns->ram.base.v, ns->ram.size.v)) {
        diag_error(c->d, c->m->file, ns->ram.line,
                   "nonsecure ram 0x%08X..0x%08llX overlaps nonsecure code 0x%08X..0x%08llX (line %d); code is "
                   "read-only and executable, RAM writable, so they must be apart",
                   ns->ram.base.v, (unsigned long long)ns->ram.base.v + ns->ram.size.v, ns->code.base.v,
                   (unsigned long long)ns->code.base.v + ns->code.size.v, ns->code.line);
        ns->ram_ok = false;
    }
}

/* ---- peripherals ------------------------------------------------------------ */

/* The secure box owning board peripheral k, or -1. */
static int secure_owner(const manifest_t *m, int k)
{
    for (uint16_t i = 0; i < m->nboxes; i++) {
        const mf_list_t *ps = &m->box[i].peripherals;
        for (uint16_t j = 0; j < ps->n; j++) {
            if (ps->item[j].ref == k) {
                return i;
            }
        }
    }
    return -1;
}

static int first_mention(const mf_list_t *l, uint16_t i)
{
    for (uint16_t j = 0; j < i; j++) {
        if (strcmp(l->item[j].s, l->item[i].s) == 0) {
            return l->item[j].line;
        }
    }
    return 0;
}

/* The peripheral's PPC port and IRQs can be handed over; true when so. */
static bool periph_handover(const nsctx_t *c, const mf_str_t *s, const bd_periph_t *per)
{
    if (per->ppc_reg.state != MF_SET) {
        diag_error(c->d, c->m->file, s->line,
                   "peripheral '%s' has no PPC bit on board %s (no 'ppc' in the board file): the kernel cannot make "
                   "it Non-secure",
                   s->s, c->b->board.s);
        return false;
    }
    for (uint16_t i = 0; i < per->nirqs; i++) {
        if (per->irq[i].nvic.v >= NS_ITNS_IRQS) {
            diag_error(c->d, c->m->file, s->line,
                       "peripheral '%s' raises IRQ %u ('%s'), beyond the %u the kernel can target at the non-secure "
                       "world (bh_ns_world_t.itns)",
                       s->s, per->irq[i].nvic.v, per->irq[i].name.s, NS_ITNS_IRQS);
            return false;
        }
    }
    return true;
}

static void check_periph(const nsctx_t *c, mf_list_t *l, uint16_t i, uint16_t *count)
{
    mf_str_t *s = &l->item[i];
    int k = board_find_periph(c->b, s->s);
    int owner = k >= 0 ? secure_owner(c->m, k) : -1;
    int again = first_mention(l, i);
    char h[96];
    if (k < 0) {
        check_periph_hint(h, sizeof h, c->b, s->s);
        diag_error(c->d, c->m->file, s->line, "unknown peripheral '%s': board %s has no such peripheral%s", s->s,
                   c->b->board.s, h);
    } else if (c->b->periph[k].kernel) {
        diag_error(c->d, c->m->file, s->line,
                   "peripheral '%s' is reserved for the kernel (board %s lists it in kernel_peripherals)", s->s,
                   c->b->board.s);
    } else if (again != 0) {
        diag_error(c->d, c->m->file, s->line, "peripheral '%s' is listed twice in nonsecure peripherals (also at line %d)",
                   s->s, again);
    } else if (owner >= 0) {
        diag_error(c->d, c->m->file, s->line,
                   "peripheral '%s' is owned by box '%s' (secure) and cannot also be given to the non-secure world",
                   s->s, c->m->box[owner].name.s);
    } else if (periph_handover(c, s, &c->b->periph[k])) {
        if (++*count > BH_MAX_NS_PPC) {
            diag_error(c->d, c->m->file, s->line,
                       "the non-secure world may keep at most %u peripherals (BH_MAX_NS_PPC); '%s' is one too many",
                       BH_MAX_NS_PPC, s->s);
        } else {
            s->ref = (int16_t)k;
        }
    }
}

/* ---- the section as a whole ------------------------------------------------- */

static bool check_board(const nsctx_t *c)
{
    const board_t *b = c->b;
    if (!board_has_tz(b)) {
        diag_error(c->d, c->m->file, c->m->ns.line,
                   "'nonsecure' needs a TrustZone board: board %s has no 'trustzone' section in its board file", b->board.s);
        return false;
    }
    if (c->m->nboxes >= BH_MAX_BOXES) {
        diag_error(c->d, c->m->file, c->m->ns.line,
                   "the non-secure world takes a box slot: with it a system has at most %u boxes, and this one "
                   "declares %u",
                   BH_MAX_BOXES - 1u, c->m->nboxes);
    }
    uint32_t sau = b->tz.sau_regions.v < BH_MAX_SAU ? b->tz.sau_regions.v : BH_MAX_SAU;
    if (sau < NS_SAU_NEEDED) {
        diag_error(c->d, c->m->file, c->m->ns.line,
                   "the non-secure world needs %u SAU regions (code, ram, peripherals, NSC veneers) but board %s "
                   "has %u",
                   NS_SAU_NEEDED, b->board.s, sau);
    }
    return true;
}

void manifest_check_ns(manifest_t *m, const board_t *b, diags_t *d)
{
    mf_nonsecure_t *ns = &m->ns;
    nsctx_t c = {m, b, d};
    size_t before = diag_count(d);
    if (ns->line == 0 || b == NULL) {
        ns->bad = ns->line != 0;
        return;
    }
    if (check_board(&c)) {
        check_ranges(&c, ns);
        uint16_t count = 0;
        for (uint16_t i = 0; i < ns->peripherals.n; i++) {
            check_periph(&c, &ns->peripherals, i, &count);
        }
    }
    ns->bad = diag_count(d) != before || !ns->code_ok || !ns->ram_ok;
}
