/*
 * layout_v7.h — box memory layout for boards with a PMSAv7 (ARMv7-M) MPU
 * (docs/adr/0008-pmsav7-one-region-per-slot.md).
 *
 * Each box's code slot and RAM block ([stack][data]) must be exactly the
 * enabled bytes of one PMSAv7 region (pmsav7.h). So:
 *   1. each slot is rounded up to the next representable size
 *      (k * 2^j bytes, 1 <= k <= 8, j >= 5); the stack keeps its size and
 *      stays at the slot's base, the extra bytes go to data;
 *   2. slots are packed into the memory after the kernel's range, first fit
 *      (each at the lowest base where it is one region and overlaps nothing),
 *      in the box order that leaves the fewest boxes out and then ends
 *      lowest: declaration order, largest first and most-aligned first are
 *      tried, then improved by swapping pairs while that helps.
 * Deterministic: the same manifest and board give the same layout.
 * Waste (padding from rounding, memory skipped below each slot) is kept in
 * the arena for the audit report. A slot that does not fit is placed at
 * the end of memory and marked, as on other boards, so the validator and
 * the error mapper can report it; maxfit says up to which size any slot
 * would still fit.
 * Runs: host only.
 */
#ifndef BHG_LAYOUT_V7_H
#define BHG_LAYOUT_V7_H

#include <stdint.h>

#include "board.h"
#include "layout.h"
#include "manifest.h"

#define V7_NO_BASE UINT64_MAX

/* Sets code/ram base and size, stack size and regions 0 and 1 of every box. */
void layout_v7_memory(layout_t *l, const manifest_t *m, const board_t *b);

/* The smallest size >= want that one PMSAv7 region covers exactly; 0 when
 * there is none (want > 4 GiB). */
uint64_t v7_round_size(uint64_t want);

/* The lowest base >= from at which [base, base+size) is one PMSAv7 region;
 * V7_NO_BASE when there is none below 4 GiB. */
uint64_t v7_lowest_base(uint64_t from, uint64_t size);

#endif
