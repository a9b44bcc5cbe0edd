/*
 * ids_check.c — compiles the generated bh_ids.h on its own (the header must
 * be self-contained) and reports two of its numbers to layout_check.c.
 * Kept apart from system.h on purpose: see the BH_BOXF_SUPERVISOR note in
 * docs/manifest.md.
 * Runs: host (test only).
 */
#include "bh_ids.h"

int ids_nboxes(void);
int ids_ngateways(void);

int ids_nboxes(void)
{
    return BH_NBOXES;
}

int ids_ngateways(void)
{
    return BH_NGATEWAYS;
}
