/*
 * diagnose.h — runs the shared validator on the laid-out tables and turns
 * each bh_verr_t into a message at the manifest line it came from.
 *
 * The validator (kernel/core/validate.c) is the single implementation of
 * the table rules; this module adds no rule of its own. It only chooses the
 * line (box, 'code' key, peripheral item, IRQ item, gateway, caller) and
 * words the message, with the numbers a user needs to fix it. Consequences
 * of a box that does not fit in memory (overlaps with whatever lies past
 * the end) are folded into the single "does not fit" message, and caller
 * priority errors are dropped when a priority was already rejected.
 * On a PMSAv7 board it also re-checks every placed region with
 * bh_pmsav7_encode(), the rule the kernel's MPU encoder uses, so a layout bug
 * fails the run instead of reaching the kernel.
 * Runs: host only.
 */
#ifndef BHG_DIAGNOSE_H
#define BHG_DIAGNOSE_H

#include "board.h"
#include "layout.h"
#include "manifest.h"

#define DIAG_MAX_VERRS 1024u

void diagnose_tables(const manifest_t *m, const board_t *b, const layout_t *l, diags_t *d);

#endif
