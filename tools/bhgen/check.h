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

/* The 'nonsecure' section against the board (check_ns.c): the board has
 * TrustZone; code and ram present, non-zero, on the SAU granule and on
 * whole MPC blocks, inside the board's non-secure memories, apart from
 * each other; peripherals exist, are not the kernel's nor a secure box's,
 * once each, behind a PPC; room for one more box. Resolves the
 * peripherals into ref and sets m->ns.bad when anything was rejected. */
void manifest_check_ns(manifest_t *m, const board_t *b, diags_t *d);

/* Encodes / decodes an IRQ reference (board peripheral, slot in its irqs). */
int16_t irq_ref(uint16_t periph, uint16_t slot);
uint16_t irq_ref_periph(int16_t ref);
uint16_t irq_ref_slot(int16_t ref);

/* "; did you mean 'uart1'?" for a likely typo of a peripheral a box may own, else "". */
void check_periph_hint(char *out, size_t size, const board_t *b, const char *name);

/* Index of the box called name, or -1. */
int manifest_find_box(const manifest_t *m, const char *name);

#endif
