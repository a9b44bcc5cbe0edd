/*
 * layout_check.c — independent check of a bh_tables.c that bhgen generated.
 *
 * Linked with the generated bh_tables.c (and ids_check.c, which sees
 * bh_ids.h), it re-checks the layout promises with its own simple 64-bit
 * arithmetic, deliberately not with kernel/core/validate.c, so a bug shared
 * by bhgen and the validator still shows up here:
 *   - every region non-empty, 32-byte aligned in base and size, no wrap;
 *   - code regions exactly r-x in code memory, RAM regions exactly rw- in
 *     RAM memory, peripheral regions rw- in device memory; nothing is w+x;
 *   - all regions of all boxes pairwise disjoint;
 *   - no region touches a kernel range (given on the command line as
 *     BASE:SIZE, and also every reserved[] entry), and each given range is
 *     in reserved[];
 *   - gateways callable only uphill, signals unique and below 30 per box,
 *     IRQs within the board's lines and owned once;
 *   - with --pmsav7 (boards with a PMSAv7 MPU): every region is exactly the
 *     enabled part of one PMSAv7 region (a power of two R aligned to R,
 *     whole, or a run of R/8 sub-regions inside it when R >= 256), checked
 *     with its own arithmetic, not kernel/core/pmsav7.c;
 *   - the non-secure world (the box flagged BH_BOXF_NONSECURE): the last
 *     box, no stack, no IRQs, exactly NS code r-x and NS RAM rw-, named by
 *     ns.box (and ns.box == BH_NO_NS with no such box); its SAU regions are
 *     NS code, NS RAM, then an NSC window at the very end of the kernel's
 *     code range; each MPC range is one of its regions in whole blocks;
 *     every PPC register is an NS one (0x50..0x8C); with --ns-alias OFFSET
 *     the Secure alias of its regions (address + OFFSET) touches no kernel
 *     range, no other box region and no memory outside the NS ones.
 * Usage: layout_check [--pmsav7] [--ns-alias OFFSET] BASE:SIZE...
 * Exit 0 when every check passes.
 * Runs: host (test only).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "system.h"

extern const bh_system_t bh_system;
int ids_nboxes(void);  /* ids_check.c: BH_NBOXES */
int ids_ngateways(void); /* ids_check.c: BH_NGATEWAYS */

static int failures;

static void fail(const char *what, unsigned box, unsigned item)
{
    printf("FAIL: %s (box %u, item %u)\n", what, box, item);
    failures++;
}

static bool overlap(uint64_t a, uint64_t an, uint64_t b, uint64_t bn)
{
    return a < b + bn && b < a + an;
}

static bool inside_memory(const bh_region_t *r)
{
    for (unsigned m = 0; m < bh_system.nmemories; m++) {
        const bh_range_t *mem = &bh_system.memories[m];
        if (mem->kind == r->kind && r->base >= mem->base &&
            (uint64_t)r->base + r->size <= (uint64_t)mem->base + mem->size) {
            return true;
        }
    }
    return false;
}

static void check_region(unsigned b, unsigned i)
{
    const bh_region_t *r = &bh_system.boxes[b].regions[i];
    uint8_t want = i < 2u ? (uint8_t)(i == 0u ? BH_ACC_R | BH_ACC_X : BH_ACC_R | BH_ACC_W) : BH_ACC_R | BH_ACC_W;
    uint8_t kind = i < 2u ? (uint8_t)(i == 0u ? BH_RK_CODE : BH_RK_RAM) : BH_RK_DEVICE;
    if (r->size == 0u || r->base % 32u != 0u || r->size % 32u != 0u) {
        fail("region empty or not 32-byte aligned", b, i);
    }
    if ((uint64_t)r->base + r->size > 0x100000000ull) {
        fail("region wraps", b, i);
    }
    if (r->access != want || r->kind != kind) {
        fail("region has the wrong rights or kind (code r-x, ram rw-, device rw-)", b, i);
    }
    if ((r->kind == BH_RK_DEVICE) != (r->periph != 0xFFFFu)) {
        fail("periph index set on a non-device region or missing on a device", b, i);
    }
    if (!inside_memory(r)) {
        fail("region outside every board memory of its kind", b, i);
    }
}

static bool is_ns(unsigned b)
{
    return (bh_system.boxes[b].flags & BH_BOXF_NONSECURE) != 0u;
}

static void check_box(unsigned b)
{
    const bh_box_desc_t *x = &bh_system.boxes[b];
    if (x->nregions < 2u || x->nregions > BH_MAX_REGIONS || x->nirqs > BH_MAX_IRQS_PER_BOX) {
        fail("region or IRQ count out of range", b, 0);
        return;
    }
    if (x->regions[0].base != x->code_base || x->regions[0].size != x->code_size ||
        x->regions[1].base != x->ram_base || x->regions[1].size != x->ram_size) {
        fail("code/ram fields disagree with regions 0 and 1", b, 0);
    }
    if (is_ns(b)) {
        if (b + 1u != bh_system.nboxes || x->stack_size != 0u || x->nregions != 2u || x->nirqs != 0u ||
            x->priority != 255u) {
            fail("non-secure world not the last box with priority 255, no stack, 2 regions and no IRQs", b, 0);
        }
    } else if (x->stack_size < 256u || x->stack_size % 32u != 0u || x->stack_size >= x->ram_size) {
        fail("stack not 32-aligned, below 256 or leaving no data", b, 0);
    }
    for (unsigned i = 0; i < x->nregions; i++) {
        check_region(b, i);
    }
}

/* [base, base+size) is k blocks of 2^j bytes (1 <= k <= 8, j >= 5), all in
 * one 2^(j+3)-aligned block of 2^(j+3) bytes: the sub-regions of one region
 * of R = 2^(j+3) >= 256 (a whole 32/64/128-byte region, aligned to its size,
 * is also 1/2/4 blocks of 32 inside one 256-byte block). */
static bool pmsav7_one_region(uint64_t base, uint64_t size)
{
    for (unsigned j = 5; j <= 29; j++) {
        uint64_t blk = 1ull << j;
        uint64_t big = blk * 8u;
        if (size != 0u && size % blk == 0u && size / blk <= 8u && base % blk == 0u &&
            base / big == (base + size - 1u) / big) {
            return true;
        }
    }
    return false;
}

static void check_pmsav7(unsigned b)
{
    const bh_box_desc_t *x = &bh_system.boxes[b];
    for (unsigned i = 0; i < x->nregions && i < BH_MAX_REGIONS; i++) {
        if (!pmsav7_one_region(x->regions[i].base, x->regions[i].size)) {
            fail("region is not exactly one PMSAv7 region (pow2 aligned, or a run of its eighths)", b, i);
        }
    }
}

static void check_disjoint(unsigned b, unsigned i)
{
    const bh_region_t *r = &bh_system.boxes[b].regions[i];
    for (unsigned c = b; c < bh_system.nboxes; c++) {
        for (unsigned j = (c == b) ? i + 1u : 0u; j < bh_system.boxes[c].nregions; j++) {
            const bh_region_t *q = &bh_system.boxes[c].regions[j];
            if (overlap(r->base, r->size, q->base, q->size)) {
                fail("regions of two boxes (or one box) overlap", b, i);
            }
        }
    }
    for (unsigned k = 0; k < bh_system.nreserved; k++) {
        if (overlap(r->base, r->size, bh_system.reserved[k].base, bh_system.reserved[k].size)) {
            fail("region overlaps a kernel-reserved range", b, i);
        }
    }
}

/* A kernel range from the command line: untouched, and listed in reserved[]. */
static void check_kernel_range(const char *arg)
{
    char *end = NULL;
    uint64_t base = strtoull(arg, &end, 0);
    uint64_t size = (end != NULL && *end == ':') ? strtoull(end + 1, NULL, 0) : 0u;
    bool listed = false;
    for (unsigned k = 0; k < bh_system.nreserved; k++) {
        listed |= bh_system.reserved[k].base == base && bh_system.reserved[k].size == size;
    }
    if (!listed || size == 0u) {
        printf("FAIL: kernel range %s not in reserved[]\n", arg);
        failures++;
    }
    for (unsigned b = 0; b < bh_system.nboxes; b++) {
        for (unsigned i = 0; i < bh_system.boxes[b].nregions; i++) {
            const bh_region_t *r = &bh_system.boxes[b].regions[i];
            if (overlap(r->base, r->size, base, size)) {
                fail("region overlaps a kernel range given on the command line", b, i);
            }
        }
    }
}

static uint32_t used_signals(unsigned b)
{
    uint32_t used = 0;
    for (unsigned g = 0; g < bh_system.ngateways; g++) {
        const bh_gateway_t *gw = &bh_system.gateways[g];
        if (gw->box != b) {
            continue;
        }
        if (gw->signal >= 30u || (used & (1u << gw->signal)) != 0u) {
            fail("gateway signal reused or reserved", b, g);
        }
        used |= 1u << (gw->signal & 31u);
    }
    return used;
}

static void check_irqs(unsigned b)
{
    const bh_box_desc_t *x = &bh_system.boxes[b];
    uint32_t used = used_signals(b);
    for (unsigned i = 0; i < x->nirqs; i++) {
        const bh_irq_route_t *q = &x->irqs[i];
        if (q->irq >= bh_system.nirq_lines || q->signal >= 30u || (used & (1u << q->signal)) != 0u) {
            fail("IRQ beyond the board, or its signal reused", b, i);
        }
        used |= 1u << (q->signal & 31u);
        for (unsigned c = 0; c < bh_system.nboxes; c++) {
            for (unsigned j = 0; j < bh_system.boxes[c].nirqs; j++) {
                if ((c != b || j != i) && bh_system.boxes[c].irqs[j].irq == q->irq) {
                    fail("IRQ routed twice", b, i);
                }
            }
        }
    }
}

static void check_gateways(void)
{
    for (unsigned g = 0; g < bh_system.ngateways; g++) {
        const bh_gateway_t *gw = &bh_system.gateways[g];
        if (gw->box >= bh_system.nboxes || gw->callers == 0u || (gw->callers >> bh_system.nboxes) != 0u) {
            fail("gateway server or callers out of range", gw->box, g);
            continue;
        }
        for (unsigned c = 0; c < bh_system.nboxes; c++) {
            if ((gw->callers & (1u << c)) != 0u && bh_system.boxes[c].priority <= bh_system.boxes[gw->box].priority) {
                fail("caller not strictly lower priority than the server", c, g);
            }
        }
    }
}

/* ---- the non-secure world ------------------------------------------------ */

static bool same_range(uint32_t base, uint32_t size, const bh_region_t *r)
{
    return base == r->base && size == r->size;
}

static void check_ns_tables(unsigned ns)
{
    const bh_ns_world_t *w = &bh_system.ns;
    const bh_box_desc_t *x = &bh_system.boxes[ns];
    const bh_range_t *kcode = &bh_system.reserved[0];
    if (w->nsau != 4u || !same_range(w->sau[0].base, w->sau[0].size, &x->regions[0]) ||
        !same_range(w->sau[1].base, w->sau[1].size, &x->regions[1]) || w->sau[0].flags != 0u ||
        w->sau[1].flags != 0u || w->sau[2].flags != 0u) {
        fail("SAU regions 0..2 are not NS code, NS RAM and the NS peripheral window", ns, 0);
    }
    const bh_sau_t *nsc = &w->sau[3];
    if (nsc->flags != BH_SAU_NSC || nsc->size == 0u || nsc->base % 32u != 0u || nsc->size % 32u != 0u ||
        (uint64_t)nsc->base + nsc->size != (uint64_t)kcode->base + kcode->size || nsc->size >= kcode->size) {
        fail("SAU region 3 is not an NSC window at the end of the kernel's code", ns, 3);
    }
    if (w->vtor != x->code_base || w->nsccfg != 1u || w->mpc_block == 0u || w->nmpc != 2u) {
        fail("vtor, nsccfg, mpc_block or nmpc wrong", ns, 0);
    }
    for (unsigned i = 0; i < w->nmpc && i < BH_MAX_MPC_NS; i++) {
        const bh_mpc_ns_t *m = &w->mpc[i];
        if (!same_range(m->base, m->size, &x->regions[i]) || m->base < m->mem_base ||
            (m->base - m->mem_base) % w->mpc_block != 0u || m->size % w->mpc_block != 0u) {
            fail("MPC range is not the NS region in whole blocks", ns, i);
        }
    }
    for (unsigned i = 0; i < w->nppc && i < BH_MAX_NS_PPC; i++) {
        if (w->ppc[i].reg < 0x50u || w->ppc[i].reg > 0x8Cu || w->ppc[i].reg % 4u != 0u || w->ppc[i].mask == 0u ||
            (w->ppc[i].mask & (w->ppc[i].mask - 1u)) != 0u) {
            fail("PPC entry is not one bit of an AHB/APB NSPPC register", ns, i);
        }
    }
}

static bool holds(const bh_range_t *mem, const bh_region_t *r)
{
    return r->base >= mem->base && (uint64_t)r->base + r->size <= (uint64_t)mem->base + mem->size;
}

/* The Secure alias of the NS regions is nobody else's memory (a memory
 * holding an NS region is a non-secure one). */
static void check_ns_alias(unsigned ns, uint64_t offset)
{
    for (unsigned i = 0; i < 2u; i++) {
        const bh_region_t *r = &bh_system.boxes[ns].regions[i];
        uint64_t a = r->base + offset;
        for (unsigned k = 0; k < bh_system.nreserved; k++) {
            if (overlap(a, r->size, bh_system.reserved[k].base, bh_system.reserved[k].size)) {
                fail("Secure alias of an NS region overlaps a kernel range", ns, i);
            }
        }
        for (unsigned b = 0; b < ns; b++) {
            for (unsigned j = 0; j < bh_system.boxes[b].nregions; j++) {
                const bh_region_t *q = &bh_system.boxes[b].regions[j];
                if (overlap(a, r->size, q->base, q->size)) {
                    fail("Secure alias of an NS region overlaps a box region", ns, i);
                }
            }
        }
        for (unsigned m = 0; m < bh_system.nmemories; m++) {
            const bh_range_t *mem = &bh_system.memories[m];
            bool ns_mem = holds(mem, &bh_system.boxes[ns].regions[0]) || holds(mem, &bh_system.boxes[ns].regions[1]);
            if (!ns_mem && overlap(a, r->size, mem->base, mem->size)) {
                fail("Secure alias of an NS region overlaps a Secure board memory", ns, i);
            }
        }
    }
}

static void check_ns(uint64_t alias, bool have_alias)
{
    unsigned ns = BH_NO_NS;
    for (unsigned b = 0; b < bh_system.nboxes; b++) {
        if (is_ns(b)) {
            ns = b;
        }
    }
    if (bh_system.ns.box != ns) {
        printf("FAIL: ns.box is %u, the non-secure box is %u\n", bh_system.ns.box, ns);
        failures++;
        return;
    }
    if (ns == BH_NO_NS) {
        bool zero = bh_system.ns.nsau == 0u && bh_system.ns.nmpc == 0u && bh_system.ns.nppc == 0u;
        if (!zero) {
            fail("no non-secure world, yet SAU, MPC or PPC entries", 0, 0);
        }
        return;
    }
    check_ns_tables(ns);
    if (have_alias) {
        check_ns_alias(ns, alias);
    }
}

int main(int argc, char **argv)
{
    if (bh_system.nboxes == 0u || bh_system.nboxes > BH_MAX_BOXES || bh_system.ngateways > BH_MAX_GATEWAYS ||
        bh_system.nreserved < 2u || bh_system.nreserved > BH_MAX_RESERVED) {
        printf("FAIL: table counts out of range\n");
        return 1;
    }
    if (ids_nboxes() != bh_system.nboxes || ids_ngateways() != bh_system.ngateways) {
        printf("FAIL: bh_ids.h disagrees with bh_tables.c\n");
        return 1;
    }
    for (unsigned b = 0; b < bh_system.nboxes; b++) {
        check_box(b);
        for (unsigned i = 0; i < bh_system.boxes[b].nregions && i < BH_MAX_REGIONS; i++) {
            check_disjoint(b, i);
        }
        check_irqs(b);
    }
    check_gateways();
    int a = 1;
    if (argc > a && strcmp(argv[a], "--pmsav7") == 0) {
        for (unsigned b = 0; b < bh_system.nboxes; b++) {
            check_pmsav7(b);
        }
        a++;
    }
    bool have_alias = argc > a + 1 && strcmp(argv[a], "--ns-alias") == 0;
    check_ns(have_alias ? strtoull(argv[a + 1], NULL, 0) : 0u, have_alias);
    a += have_alias ? 2 : 0;
    for (; a < argc; a++) {
        check_kernel_range(argv[a]);
    }
    printf("%s: %u boxes, %u gateways, %d failures\n", failures == 0 ? "ok" : "FAIL", bh_system.nboxes,
           bh_system.ngateways, failures);
    return failures == 0 ? 0 : 1;
}
