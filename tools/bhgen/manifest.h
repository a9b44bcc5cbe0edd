/*
 * manifest.h — a system manifest as read from YAML, before layout.
 *
 * Every value keeps the line it came from (mf_* types, schema.h), so every
 * later check can point at the manifest. The optional 'nonsecure' section
 * describes the TrustZone non-secure world (mf_nonsecure_t). Names in lists are resolved by
 * check.c into 'ref' (box index, board peripheral index, IRQ index).
 * Limits here are bhgen's capacity; the system rules (validate.c) and the
 * manifest rules (check.c) are checked elsewhere.
 * Runs: host only.
 */
#ifndef BHG_MANIFEST_H
#define BHG_MANIFEST_H

#include <stdbool.h>
#include <stdint.h>

#include <bulkhead/abi.h>

#include "schema.h"
#include "system.h"

#define MF_NAME_MAX (BH_NAME_MAX - 1u) /* characters in a box/system/gateway name */

typedef struct {
    int line; /* list item */
    mf_str_t name;
    mf_list_t callers;
    mf_u32_t max_in, max_out, timeout_ms;
} mf_gateway_t;

typedef struct {
    int line; /* list item */
    mf_str_t name, entry;
    mf_u32_t priority, stack, data, code, version;
    mf_list_t peripherals, irqs, notify;
    mf_u32_t on_fault, supervisor;
    mf_u32_t budget_count, budget_window_ms;
    mf_gateway_t gw[BH_MAX_GATEWAYS_PER_BOX];
    uint16_t ngw;
    int gw_line; /* line of the 'gateways' key */
} mf_box_t;

/* A { base, size } mapping; line is its key's. */
typedef struct {
    int line;
    mf_u32_t base, size;
} mf_range_t;

/*
 * The 'nonsecure' section: the TrustZone non-secure world (one image,
 * linked by its own build, at NS alias addresses). line == 0: absent.
 * bad: a check rejected something in it (check_ns.c), so the table
 * validator's findings about the non-secure box are already explained.
 */
typedef struct {
    int line;
    mf_range_t code, ram;
    mf_list_t peripherals;
    mf_u32_t on_fault;
    mf_u32_t budget_count, budget_window_ms;
    bool code_ok, ram_ok; /* the range passed every check of check_ns.c */
    bool bad;
} mf_nonsecure_t;

/* The caller name that stands for the non-secure world in 'callers'. */
#define MF_NONSECURE "nonsecure"

typedef struct {
    const char *file; /* as given on the command line */
    int line;         /* root mapping */
    mf_str_t system, board;
    mf_u32_t test;
    mf_box_t box[BH_MAX_BOXES];
    uint16_t nboxes;
    int boxes_line;
    mf_nonsecure_t ns;
} manifest_t;

/* Defaults the manifest reference documents (docs/manifest.md). */
#define MF_DEFAULT_CODE 16384u
#define MF_DEFAULT_VERSION 1u
#define MF_DEFAULT_BUDGET_COUNT 5u
#define MF_DEFAULT_BUDGET_WINDOW_MS 1000u
#define MF_MIN_STACK 256u
#define MF_MIN_DATA 32u
#define MF_MIN_CODE 256u
#define MF_MAX_MSG 65536u
#define MF_MAX_BUDGET_COUNT 1000u
#define MF_MAX_BUDGET_WINDOW_MS 3600000u
#define MF_NS_PRIORITY 255u /* the non-secure world's: below every box, whose priorities are 0..254 */

/*
 * Reads the manifest in y into m (zeroed first). Reports every schema error;
 * fields that were absent or rejected are left MF_UNSET / MF_BAD.
 */
void manifest_parse(ydoc_t *y, manifest_t *m, diags_t *d);

/* Gives absent and rejected number fields their default (or a safe
 * stand-in for required ones) so later stages can keep going. */
void manifest_fill_defaults(manifest_t *m);

#endif
