/*
 * check.h — manifest rules that need names, not addresses.
 *
 * manifest_check() resolves every name a box mentions (peripherals, IRQs,
 * notify targets, gateway callers) into mf_str_t.ref, and reports what the
 * table validator cannot see because it never reaches the tables: unknown
 * or duplicate names, kernel-reserved peripherals, an IRQ of a peripheral
 * the box does not own, self-calls, sizes below the minimum or off the MPU
 * granule, a second supervisor. Rejected sizes are marked MF_BAD so that
 * layout uses a stand-in and the remaining checks still run.
 * Everything about addresses (overlap, fit, alignment of regions, two
 * owners, priorities of callers) is left to validate.c via layout.
 * Runs: host only.
 */
#ifndef BHG_CHECK_H
#define BHG_CHECK_H

#include "board.h"
#include "manifest.h"

/* Checks and resolves m; b is NULL when the board could not be loaded. */
void manifest_check(manifest_t *m, const board_t *b, diags_t *d);

/* Encodes / decodes an IRQ reference (board peripheral, slot in its irqs). */
int16_t irq_ref(uint16_t periph, uint16_t slot);
uint16_t irq_ref_periph(int16_t ref);
uint16_t irq_ref_slot(int16_t ref);

/* Index of the box called name, or -1. */
int manifest_find_box(const manifest_t *m, const char *name);

#endif
