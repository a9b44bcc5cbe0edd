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
 *     with its own arithmetic, not kernel/core/pmsav7.c.
 * Usage: layout_check [--pmsav7] BASE:SIZE...   Exit 0 when every check passes.
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
    if (x->stack_size < 256u || x->stack_size % 32u != 0u || x->stack_size >= x->ram_size) {
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
    if (argc > 1 && strcmp(argv[1], "--pmsav7") == 0) {
        for (unsigned b = 0; b < bh_system.nboxes; b++) {
            check_pmsav7(b);
        }
        a = 2;
    }
    for (; a < argc; a++) {
        check_kernel_range(argv[a]);
    }
    printf("%s: %u boxes, %u gateways, %d failures\n", failures == 0 ? "ok" : "FAIL", bh_system.nboxes,
           bh_system.ngateways, failures);
    return failures == 0 ? 0 : 1;
}
