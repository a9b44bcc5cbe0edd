/*
 * layout.c — address assignment and table building (see layout.h).
 * Runs: host only. All arithmetic on addresses is done in 64 bits.
 */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "layout_v7.h"

/* Copies a name that check/parse limited to BH_NAME_MAX - 1 characters. */
static void copy_name(char dst[BH_NAME_MAX], const char *src)
{
    size_t n = strlen(src);
    memcpy(dst, src, n < BH_NAME_MAX ? n : BH_NAME_MAX - 1u);
}

static uint64_t align_up(uint64_t v, uint32_t a)
{
    return (v + a - 1u) / a * a;
}

static void arena_init(arena_t *a, const board_t *b, uint32_t kind, uint32_t kbase, uint32_t ksize)
{
    memset(a, 0, sizeof *a);
    a->mem = board_memory_holding(b, kind, kbase, ksize);
    if (a->mem != NULL) {
        a->free_base = align_up((uint64_t)kbase + ksize, board_align(b));
        a->free_end = (uint64_t)a->mem->base.v + a->mem->size.v;
    }
    a->cursor = a->free_base;
}

/* Places 'size' bytes for box i; returns the base (clamped to 32 bits). */
static uint32_t arena_take(arena_t *a, uint16_t i, uint64_t size, uint32_t align)
{
    uint64_t base = a->cursor;
    a->want[i] = size;
    a->need += size;
    a->left[i] = a->free_end > base ? a->free_end - base : 0u;
    a->nofit[i] = a->mem == NULL || base + size > a->free_end;
    if (!a->nofit[i]) {
        a->cursor = align_up(base + size, align);
    }
    return base <= UINT32_MAX - (align - 1u) ? (uint32_t)base : (uint32_t)(UINT32_MAX - (align - 1u));
}

static bh_region_t region(uint32_t base, uint32_t size, uint8_t access, uint8_t kind, uint16_t periph)
{
    return (bh_region_t){.base = base, .size = size, .access = access, .kind = kind, .periph = periph};
}

static void layout_memory(layout_t *l, uint16_t i, const mf_box_t *bx, uint32_t align)
{
    bh_box_desc_t *box = &l->sys.boxes[i];
    uint64_t code = align_up(bx->code.v, align);
    uint64_t ram = align_up(bx->stack.v, align) + align_up(bx->data.v, align);
    box->code_base = arena_take(&l->code, i, code, align);
    box->code_size = (uint32_t)code;
    box->ram_base = arena_take(&l->ram, i, ram, align);
    box->ram_size = ram <= UINT32_MAX ? (uint32_t)ram : UINT32_MAX & ~(align - 1u);
    box->stack_size = (uint32_t)align_up(bx->stack.v, align);
    box->regions[0] = region(box->code_base, box->code_size, BH_ACC_R | BH_ACC_X, BH_RK_CODE, 0xFFFFu);
    box->regions[1] = region(box->ram_base, box->ram_size, BH_ACC_R | BH_ACC_W, BH_RK_RAM, 0xFFFFu);
}

/* One device region per resolved peripheral; nregions may exceed the table
 * (only the first BH_MAX_REGIONS are stored) so the validator can say so. */
static void layout_devices(layout_t *l, uint16_t i, const mf_box_t *bx, const board_t *b)
{
    bh_box_desc_t *box = &l->sys.boxes[i];
    unsigned n = 2;
    for (uint16_t k = 0; k < bx->peripherals.n; k++) {
        int16_t p = bx->peripherals.item[k].ref;
        if (p < 0) {
            continue;
        }
        if (n < BH_MAX_REGIONS) {
            const bd_periph_t *per = &b->periph[p];
            box->regions[n] = region(per->base.v, per->size.v, BH_ACC_R | BH_ACC_W, BH_RK_DEVICE, (uint16_t)p);
            l->region_item[i][n] = (uint8_t)k;
        }
        n++;
    }
    box->nregions = (uint8_t)n;
}

static void layout_irqs(layout_t *l, uint16_t i, const mf_box_t *bx, const board_t *b)
{
    bh_box_desc_t *box = &l->sys.boxes[i];
    unsigned n = 0;
    for (uint16_t k = 0; k < bx->irqs.n; k++) {
        int16_t r = bx->irqs.item[k].ref;
        if (r < 0) {
            continue;
        }
        if (n < BH_MAX_IRQS_PER_BOX) {
            const bd_irq_t *q = &b->periph[irq_ref_periph(r)].irq[irq_ref_slot(r)];
            box->irqs[n] = (bh_irq_route_t){.irq = (uint16_t)q->nvic.v, .signal = (uint16_t)(bx->ngw + k)};
            l->irq_item[i][n] = (uint8_t)k;
        }
        n++;
    }
    box->nirqs = (uint8_t)n;
}

/* Bits of the boxes named in l that exist in the tables (the non-secure
 * world's only once layout_ns() has appended it). */
static uint32_t box_mask(const layout_t *lay, const mf_list_t *l)
{
    uint32_t mask = 0;
    for (uint16_t k = 0; k < l->n; k++) {
        if (l->item[k].ref >= 0 && l->item[k].ref < lay->sys.nboxes) {
            mask |= 1u << l->item[k].ref;
        }
    }
    return mask;
}

static void layout_box(layout_t *l, uint16_t i, const mf_box_t *bx, const board_t *b)
{
    bh_box_desc_t *box = &l->sys.boxes[i];
    copy_name(box->name, bx->name.s);
    box->priority = (uint8_t)bx->priority.v;
    box->policy = (uint8_t)bx->on_fault.v;
    box->restart_count = (uint16_t)bx->budget_count.v;
    box->restart_window_ms = bx->budget_window_ms.v;
    box->flags = bx->supervisor.v != 0u ? BH_BOXF_SUPERVISOR : 0u;
    box->notify_mask = box_mask(l, &bx->notify);
    if (!board_is_pmsav7(b)) {
        layout_memory(l, i, bx, board_align(b));
    }
    layout_devices(l, i, bx, b);
    layout_irqs(l, i, bx, b);
}

static void layout_gateway(layout_t *l, uint16_t i, uint16_t g, const mf_gateway_t *mg)
{
    unsigned id = l->sys.ngateways++;
    if (id >= BH_MAX_GATEWAYS) {
        l->gw_overflow_line = l->gw_overflow_line != 0 ? l->gw_overflow_line : mg->line;
        return;
    }
    bh_gateway_t *gw = &l->sys.gateways[id];
    copy_name(gw->name, mg->name.s);
    gw->box = i;
    gw->signal = g;
    gw->callers = box_mask(l, &mg->callers);
    gw->max_in = mg->max_in.v;
    gw->max_out = mg->max_out.v;
    gw->timeout_ms = mg->timeout_ms.v;
    l->gw_src[id] = (gw_src_t){i, g};
}

/* ---- bus grants ---------------------------------------------------------- */

static bool add_grant(bh_system_t *sys, uint32_t reg, uint32_t bit)
{
    for (uint16_t k = 0; k < sys->nbus_grants; k++) {
        if (sys->bus_grants[k].reg == reg) {
            sys->bus_grants[k].mask |= 1u << bit;
            return true;
        }
    }
    if (sys->nbus_grants == BH_MAX_BUS_GRANTS) {
        return false;
    }
    sys->bus_grants[sys->nbus_grants++] = (bh_bus_grant_t){.reg = reg, .mask = 1u << bit};
    return true;
}

static int by_reg(const void *a, const void *b)
{
    const bh_bus_grant_t *x = a;
    const bh_bus_grant_t *y = b;
    return (x->reg > y->reg) - (x->reg < y->reg);
}

static void layout_grants(layout_t *l, const manifest_t *m, const board_t *b, diags_t *d)
{
    for (uint16_t i = 0; i < m->nboxes; i++) {
        const mf_list_t *ps = &m->box[i].peripherals;
        for (uint16_t k = 0; k < ps->n; k++) {
            const bd_periph_t *per = ps->item[k].ref >= 0 ? &b->periph[ps->item[k].ref] : NULL;
            if (per == NULL || per->ppc_reg.state != MF_SET) {
                continue;
            }
            if (!add_grant(&l->sys, per->ppc_reg.v, per->ppc_bit.v)) {
                diag_error(d, m->file, ps->item[k].line,
                           "peripheral '%s' needs a bus grant in a %uth security-controller register; the kernel "
                           "supports %u (BH_MAX_BUS_GRANTS)",
                           per->name.s, BH_MAX_BUS_GRANTS + 1u, BH_MAX_BUS_GRANTS);
            }
        }
    }
    qsort(l->sys.bus_grants, l->sys.nbus_grants, sizeof l->sys.bus_grants[0], by_reg);
}

/* ---- board-level tables -------------------------------------------------- */

static bh_range_t range(uint32_t base, uint32_t size, uint32_t kind)
{
    return (bh_range_t){.base = base, .size = size, .kind = kind};
}

static void layout_board(layout_t *l, const manifest_t *m, const board_t *b)
{
    bh_system_t *s = &l->sys;
    copy_name(s->name, m->system.s);
    s->clock_hz = b->clock_hz.v;
    s->console_base = b->console_idx >= 0 ? b->periph[b->console_idx].base.v : 0u;
    s->bus_ctl_base = b->secctl_base.state == MF_SET ? b->secctl_base.v : 0u;
    s->nirq_lines = (uint16_t)b->irq_lines.v;
    for (uint16_t i = 0; i < b->nmem; i++) {
        s->memories[s->nmemories++] = range(b->mem[i].base.v, b->mem[i].size.v, b->mem[i].kind.v);
    }
    s->reserved[s->nreserved++] = range(b->kcode_base.v, b->kcode_size.v, BH_RK_CODE);
    s->reserved[s->nreserved++] = range(b->kram_base.v, b->kram_size.v, BH_RK_RAM);
    for (uint16_t i = 0; i < b->kernel_periphs.n && s->nreserved < BH_MAX_RESERVED; i++) {
        int k = board_find_periph(b, b->kernel_periphs.item[i].s);
        if (k >= 0) {
            s->reserved[s->nreserved++] = range(b->periph[k].base.v, b->periph[k].size.v, BH_RK_DEVICE);
        }
    }
}

void layout_build(layout_t *l, const manifest_t *m, const board_t *b, diags_t *d)
{
    memset(l, 0, sizeof *l);
    layout_board(l, m, b);
    arena_init(&l->code, b, BH_RK_CODE, b->kcode_base.v, b->kcode_size.v);
    arena_init(&l->ram, b, BH_RK_RAM, b->kram_base.v, b->kram_size.v);
    l->sys.nboxes = m->nboxes;
    for (uint16_t i = 0; i < m->nboxes; i++) {
        layout_box(l, i, &m->box[i], b);
    }
    if (board_is_pmsav7(b)) {
        layout_v7_memory(l, m, b);
    }
    layout_ns(l, m, b);
    for (uint16_t i = 0; i < m->nboxes; i++) {
        for (uint16_t g = 0; g < m->box[i].ngw; g++) {
            layout_gateway(l, i, g, &m->box[i].gw[g]);
        }
    }
    layout_grants(l, m, b, d);
}
