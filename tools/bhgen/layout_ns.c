/*
 * layout_ns.c — the non-secure world in the tables (see layout.h): the box
 * flagged BH_BOXF_NONSECURE, appended after the manifest's boxes, and
 * bh_system.ns, everything the kernel programs at boot for the
 * Secure/Non-secure split (SAU, MPCs, PPCs, NSCCFG, NVIC_ITNS). Also the
 * one check that needs placed boxes: the Secure alias of the non-secure
 * code and RAM (the same cells) must not be memory the Secure side uses.
 * Runs: host only. All arithmetic on addresses is done in 64 bits.
 */
#include <string.h>

#include "check.h"
#include "layout.h"
#include "range.h"

#define NS_SAU_CODE 0u
#define NS_SAU_RAM 1u
#define NS_SAU_PERIPH 2u
#define NS_SAU_NSC 3u
#define NS_NSAU 4u
#define NSCCFG_CODENSC 1u

_Static_assert(NS_NSAU <= BH_MAX_SAU, "the non-secure world's SAU regions fit the table");
_Static_assert(2u <= BH_MAX_MPC_NS, "NS code and NS RAM each take an MPC entry");

uint32_t layout_ns_nsc_base(const board_t *b)
{
    return b->kcode_base.v + b->kcode_size.v - b->tz.nsc_size.v;
}

static bh_region_t ns_region(const mf_range_t *r, uint8_t access, uint8_t kind)
{
    return (bh_region_t){.base = r->base.v, .size = r->size.v, .access = access, .kind = kind, .periph = 0xFFFFu};
}

static void ns_box(bh_box_desc_t *x, const mf_nonsecure_t *ns)
{
    memcpy(x->name, MF_NONSECURE, sizeof MF_NONSECURE);
    x->priority = (uint8_t)MF_NS_PRIORITY;
    x->policy = (uint8_t)ns->on_fault.v;
    x->restart_count = (uint16_t)ns->budget_count.v;
    x->restart_window_ms = ns->budget_window_ms.v;
    x->flags = BH_BOXF_NONSECURE;
    x->code_base = ns->code.base.v;
    x->code_size = ns->code.size.v;
    x->ram_base = ns->ram.base.v;
    x->ram_size = ns->ram.size.v;
    x->nregions = 2;
    x->regions[0] = ns_region(&ns->code, BH_ACC_R | BH_ACC_X, BH_RK_CODE);
    x->regions[1] = ns_region(&ns->ram, BH_ACC_R | BH_ACC_W, BH_RK_RAM);
}

static void ns_sau(bh_ns_world_t *w, const mf_nonsecure_t *ns, const board_t *b)
{
    w->sau[NS_SAU_CODE] = (bh_sau_t){.base = ns->code.base.v, .size = ns->code.size.v, .flags = 0};
    w->sau[NS_SAU_RAM] = (bh_sau_t){.base = ns->ram.base.v, .size = ns->ram.size.v, .flags = 0};
    w->sau[NS_SAU_PERIPH] = (bh_sau_t){.base = b->tz.ns_periph_base.v, .size = b->tz.ns_periph_size.v, .flags = 0};
    w->sau[NS_SAU_NSC] = (bh_sau_t){.base = layout_ns_nsc_base(b), .size = b->tz.nsc_size.v, .flags = BH_SAU_NSC};
    w->nsau = NS_NSAU;
}

static void ns_mpc(bh_ns_world_t *w, const mf_range_t *r, const board_t *b)
{
    const bd_mpc_t *m = board_mpc_holding(b, r->base.v, r->size.v);
    if (m != NULL && w->nmpc < BH_MAX_MPC_NS) {
        w->mpc[w->nmpc++] = (bh_mpc_ns_t){.ctl = m->ctl.v, .mem_base = m->base.v, .base = r->base.v, .size = r->size.v};
    }
}

/* Each NS peripheral: its port made Non-secure (the NSPPC register that
 * sits BD_PPC_NS_DELTA below the board's ppc.reg), its IRQs to the NS world. */
static void ns_periphs(bh_ns_world_t *w, const mf_nonsecure_t *ns, const board_t *b)
{
    for (uint16_t k = 0; k < ns->peripherals.n; k++) {
        int16_t p = ns->peripherals.item[k].ref;
        const bd_periph_t *per = p >= 0 ? &b->periph[p] : NULL;
        if (per == NULL || per->ppc_reg.state != MF_SET || w->nppc >= BH_MAX_NS_PPC) {
            continue;
        }
        w->ppc[w->nppc++] = (bh_bus_grant_t){.reg = per->ppc_reg.v - BD_PPC_NS_DELTA, .mask = 1u << per->ppc_bit.v};
        for (uint16_t i = 0; i < per->nirqs; i++) {
            uint32_t irq = per->irq[i].nvic.v;
            if (irq < 32u * (sizeof w->itns / sizeof w->itns[0])) {
                w->itns[irq / 32u] |= 1u << (irq % 32u);
            }
        }
    }
}

void layout_ns(layout_t *l, const manifest_t *m, const board_t *b)
{
    bh_system_t *s = &l->sys;
    s->ns = (bh_ns_world_t){.box = BH_NO_NS};
    if (m->ns.line == 0 || !board_has_tz(b) || m->nboxes >= BH_MAX_BOXES) {
        return;
    }
    uint16_t id = m->nboxes;
    ns_box(&s->boxes[id], &m->ns);
    s->nboxes = (uint16_t)(id + 1u);
    for (uint16_t i = 0; i < b->tz.nns_mem && s->nmemories < BH_MAX_MEMORIES; i++) {
        const bd_memory_t *mem = &b->tz.ns_mem[i];
        s->memories[s->nmemories++] = (bh_range_t){.base = mem->base.v, .size = mem->size.v, .kind = mem->kind.v};
    }
    bh_ns_world_t *w = &s->ns;
    w->box = id;
    w->vtor = m->ns.code.base.v;
    w->nsccfg = NSCCFG_CODENSC;
    w->mpc_block = b->tz.mpc_block.v;
    ns_sau(w, &m->ns, b);
    ns_mpc(w, &m->ns.code, b);
    ns_mpc(w, &m->ns.ram, b);
    ns_periphs(w, &m->ns, b);
}

/* ---- the Secure alias of the non-secure memory ---------------------------- */

typedef struct {
    uint64_t base, size;
    char what[MF_STR_MAX + 48];
} span_t;

/* What Secure memory [base, base+size) shares cells with, first found:
 * the kernel's ranges, then the boxes' slots, then the board's memories. */
static bool secure_user(const manifest_t *m, const board_t *b, const layout_t *l, uint64_t base, uint64_t size,
                        span_t *out)
{
    span_t c[2u + 2u * BH_MAX_BOXES + BH_MAX_MEMORIES];
    unsigned n = 0;
    c[n++] = (span_t){b->kcode_base.v, b->kcode_size.v, "the kernel's code"};
    c[n++] = (span_t){b->kram_base.v, b->kram_size.v, "the kernel's RAM"};
    for (uint16_t i = 0; i < m->nboxes; i++) {
        const bh_box_desc_t *x = &l->sys.boxes[i];
        c[n] = (span_t){x->code_base, x->code_size, ""};
        snprintf(c[n++].what, sizeof c[0].what, "box '%s' code slot", x->name);
        c[n] = (span_t){x->ram_base, x->ram_size, ""};
        snprintf(c[n++].what, sizeof c[0].what, "box '%s' RAM", x->name);
    }
    for (uint16_t i = 0; i < b->nmem; i++) {
        c[n] = (span_t){b->mem[i].base.v, b->mem[i].size.v, ""};
        snprintf(c[n++].what, sizeof c[0].what, "board memory '%s'", b->mem[i].name.s);
    }
    for (unsigned i = 0; i < n; i++) {
        if (c[i].size != 0u && base < c[i].base + c[i].size && c[i].base < base + size) {
            *out = c[i];
            return true;
        }
    }
    return false;
}

static void check_alias(manifest_t *m, const board_t *b, const layout_t *l, const mf_range_t *r, const char *what,
                        diags_t *d)
{
    uint64_t alias = (uint64_t)r->base.v + b->tz.alias_offset.v;
    span_t hit;
    if (alias + r->size.v > 0x100000000ull || !secure_user(m, b, l, alias, r->size.v, &hit)) {
        return;
    }
    diag_error(d, m->file, r->line,
               "nonsecure %s 0x%08X..0x%08llX overlaps secure memory: its Secure alias 0x%08llX..0x%08llX (the same "
               "cells) overlaps %s 0x%08llX..0x%08llX; the MPC would hand that memory to the non-secure world",
               what, r->base.v, (unsigned long long)r->base.v + r->size.v, (unsigned long long)alias,
               (unsigned long long)(alias + r->size.v), hit.what, (unsigned long long)hit.base,
               (unsigned long long)(hit.base + hit.size));
    m->ns.bad = true;
}

void layout_check_ns(manifest_t *m, const board_t *b, const layout_t *l, diags_t *d)
{
    if (m->ns.line == 0 || !board_has_tz(b)) {
        return;
    }
    if (m->ns.code_ok) {
        check_alias(m, b, l, &m->ns.code, "code", d);
    }
    if (m->ns.ram_ok) {
        check_alias(m, b, l, &m->ns.ram, "ram", d);
    }
}
