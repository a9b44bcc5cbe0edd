/*
 * validate.h — the one checker of system tables, shared by bhgen and the
 * kernel's boot-time check.
 *
 * bh_validate() is pure: it reads a bh_system_t and reports every rule it
 * breaks, each as a bh_verr_t naming the box / gateway / region involved so
 * that bhgen can map it back to a manifest line. A table with zero errors
 * satisfies: regions aligned, non-empty, non-wrapping, inside a board memory
 * or the box's own peripheral, never writable and executable, disjoint from
 * each other and from kernel-reserved ranges; each peripheral and IRQ has at
 * most one owner; gateways are served by an existing box and callable only
 * uphill (caller priority number strictly greater than the server's); the
 * non-secure world (a box flagged BH_BOXF_NONSECURE, TrustZone boards) is
 * the last box, has exactly its NS code and RAM regions, no stack and no
 * IRQs, and sys->ns.box names it (BH_NO_NS when there is none).
 * Runs: privileged at boot, and on the host. Proof: bh_validate() == 0
 * implies bh_system_ok (spec.h): counts within arrays; every region
 * non-empty, non-wrapping, not W+X; no two regions overlap; each IRQ line
 * routed once, on a free signal; gateways served by an existing box and
 * called only uphill by existing boxes. WP, scripts/prove.
 */
#ifndef BH_VALIDATE_H
#define BH_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

#include <bulkhead/abi.h>

#include "spec.h"
#include "system.h"

enum bh_verr_code {
    BH_V_TOO_MANY_BOXES = 1,
    BH_V_TOO_MANY_GATEWAYS,
    BH_V_TOO_MANY_REGIONS,   /* box: needs more MPU regions than exist */
    BH_V_REGION_EMPTY,       /* box, item: size 0 */
    BH_V_REGION_ALIGN,       /* box, item: base or size not granule aligned */
    BH_V_REGION_WRAP,        /* box, item: base + size wraps past 4 GiB */
    BH_V_REGION_WX,          /* box, item: writable and executable */
    BH_V_REGION_OUTSIDE,     /* box, item: not inside any board memory */
    BH_V_REGION_RESERVED,    /* box, item: overlaps kernel range 'other' */
    BH_V_REGION_OVERLAP,     /* box, item overlaps box 'other2', item 'other' */
    BH_V_PERIPH_TWO_OWNERS,  /* box, item: peripheral also owned by 'other2' */
    BH_V_LAYOUT,             /* box: code/ram/stack fields inconsistent */
    BH_V_IRQ_RANGE,          /* box, item: IRQ number beyond the board */
    BH_V_IRQ_TWO_OWNERS,     /* box, item: IRQ also owned by box 'other2' */
    BH_V_SIGNAL,             /* box: signal number reused or reserved */
    BH_V_POLICY,             /* box: policy value unknown */
    BH_V_GW_BOX,             /* gateway 'item': serving box does not exist */
    BH_V_GW_CALLER,          /* gateway 'item': caller bit names no box */
    BH_V_GW_DOWNHILL,        /* gateway 'item': caller 'other2' not lower priority */
    BH_V_NOTIFY,             /* box: notify mask names a box that does not exist */
    BH_V_COUNTS,             /* a count field exceeds its array (item: which, see validate.c) */
    BH_V_NAME,               /* box 'box' or gateway 'item': name not NUL-terminated */
    BH_V_NS_BOX,             /* ns.box is not the BH_BOXF_NONSECURE box's id (or BH_NO_NS) */
    BH_V_CODE_COUNT
};

typedef struct {
    uint16_t code;   /* enum bh_verr_code */
    uint16_t box;    /* box id, or 0xFFFF */
    uint16_t item;   /* region index, irq index or gateway id */
    uint16_t other;  /* second region index / reserved range */
    uint16_t other2; /* second box id */
} bh_verr_t;

#define BH_V_NONE 0xFFFFu

/* Checks every rule; stores up to max errors; returns the total found. */
/*@ requires \valid_read(sys);
    requires max == 0 || \valid(errs + (0 .. max - 1));
    requires \separated(sys, errs + (0 .. max - 1));
    assigns errs[0 .. max - 1];
    ensures system_ok: \result == 0 ==> bh_system_ok(sys); */
size_t bh_validate(const bh_system_t *sys, bh_verr_t *errs, size_t max);

/* A short English description of an error code (never NULL). */
/*@ assigns \nothing;
    ensures \valid_read(\result); */
const char *bh_verr_str(uint16_t code);

#endif
