/*
 * layout.h — turns a checked manifest and its board into a bh_system_t.
 *
 * Layout rules (docs/manifest.md): boxes keep declaration order as ids;
 * code slots follow the kernel's code range, RAM blocks ([stack][data])
 * follow the kernel's RAM range, box after box, each aligned to the board's
 * region granule (on a PMSAv7 board, layout_v7.c places them instead, each
 * as one power-of-two region with sub-regions, packed to waste the least);
 * region 0 is code (r-x), region 1 RAM (rw-), then one
 * device region per owned peripheral. Gateway ids run in box order then
 * declaration order; a box's gateways take signals 0.., its IRQs the next.
 * Layout never refuses: a box that does not fit is still placed (past the
 * end of memory) and marked, so the validator and the error mapper can say
 * by how much. It also records where each table entry came from.
 * Runs: host only.
 */
#ifndef BHG_LAYOUT_H
#define BHG_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "board.h"
#include "manifest.h"
#include "system.h"

/* One memory that boxes are carved from, after the kernel's range. */
typedef struct {
    const bd_memory_t *mem;
    uint64_t free_base, free_end; /* room for boxes */
    uint64_t cursor;
    uint64_t need;                /* bytes asked for by all boxes */
    uint64_t left[BH_MAX_BOXES];  /* room left when box i was placed */
    uint64_t want[BH_MAX_BOXES];  /* bytes box i asked for (PMSAv7: the slot, rounded up) */
    bool nofit[BH_MAX_BOXES];
    /* PMSAv7 boards only (layout_v7.c); all zero otherwise. */
    bool pmsav7;
    uint64_t asked[BH_MAX_BOXES];  /* bytes before rounding up to a representable size */
    uint64_t skip[BH_MAX_BOXES];   /* unused bytes between the slot and the one below it */
    uint64_t maxfit[BH_MAX_BOXES]; /* nofit: a slot of any size up to this would fit; 0 = none */
} arena_t;

typedef struct {
    uint16_t box, gw; /* manifest box index, index in its gateways */
} gw_src_t;

typedef struct {
    bh_system_t sys;
    uint8_t region_item[BH_MAX_BOXES][BH_MAX_REGIONS];  /* regions >= 2: index in 'peripherals' */
    uint8_t irq_item[BH_MAX_BOXES][BH_MAX_IRQS_PER_BOX]; /* index in 'irqs' */
    gw_src_t gw_src[BH_MAX_GATEWAYS];
    int gw_overflow_line; /* line of the first gateway beyond BH_MAX_GATEWAYS */
    arena_t code, ram;
} layout_t;

/* Builds l from m and b (both checked). Reports what only layout can see. */
void layout_build(layout_t *l, const manifest_t *m, const board_t *b, diags_t *d);

/*
 * The non-secure world (layout_ns.c), when the manifest has a 'nonsecure'
 * section and the board a 'trustzone' one: appends the box flagged
 * BH_BOXF_NONSECURE (id = number of manifest boxes, priority 255, regions
 * NS code r-x and NS RAM rw-, no stack, no IRQs), adds the board's
 * non-secure memories to sys.memories and fills sys.ns (SAU: NS code, NS
 * RAM, the NS peripheral window, the NSC window; one MPC entry per range;
 * one PPC entry per NS peripheral; their IRQs in itns). Otherwise sets
 * sys.ns.box = BH_NO_NS and nothing else.
 */
void layout_ns(layout_t *l, const manifest_t *m, const board_t *b);

/* Reports non-secure code or RAM whose Secure alias (the same cells) is
 * memory the Secure side uses: the kernel's ranges, a box slot, a board
 * memory. Needs the boxes placed; sets m->ns.bad when it reports. */
void layout_check_ns(manifest_t *m, const board_t *b, const layout_t *l, diags_t *d);

/* First byte of the NSC veneer window: the last nsc_size bytes of the kernel's code range. */
uint32_t layout_ns_nsc_base(const board_t *b);

#endif
