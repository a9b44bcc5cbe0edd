/*
 * parse.c — the manifest schema: which keys exist, their types, limits and
 * defaults (see manifest.h, docs/manifest.md).
 * Runs: host only. Trusts: nothing in the manifest.
 */
#include <stddef.h>
#include <string.h>

#include "manifest.h"

static const char *const policy_words[] = {"restart", "stop", "reset", NULL}; /* = enum bh_policy */

#define U32(k, type, m, req, lo, hi, def) {k, field_u32, offsetof(type, m), req, lo, hi, def, NULL, NULL, 0}
#define BOOL(k, type, m) {k, field_bool, offsetof(type, m), false, 0, 1, 0, NULL, NULL, 0}
#define IDENT(k, type, m, req, len) {k, field_ident, offsetof(type, m), req, 0, len, 0, NULL, NULL, 0}
#define NAMES(k, type, m, req) {k, field_names, offsetof(type, m), req, 0, 0, 0, NULL, NULL, 0}

static const field_t budget_fields[] = {
    U32("count", mf_box_t, budget_count, false, 1, MF_MAX_BUDGET_COUNT, MF_DEFAULT_BUDGET_COUNT),
    U32("window_ms", mf_box_t, budget_window_ms, false, 1, MF_MAX_BUDGET_WINDOW_MS, MF_DEFAULT_BUDGET_WINDOW_MS),
};

static const field_t gateway_fields[] = {
    IDENT("name", mf_gateway_t, name, true, MF_NAME_MAX),
    NAMES("callers", mf_gateway_t, callers, true),
    U32("max_in", mf_gateway_t, max_in, false, 0, MF_MAX_MSG, 0),
    U32("max_out", mf_gateway_t, max_out, false, 0, MF_MAX_MSG, 0),
    U32("timeout_ms", mf_gateway_t, timeout_ms, false, 0, UINT32_MAX, 0),
};

static void read_gateways(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);

/* Sizes: only the type is checked here; the rules depend on the board (check.c). */
static const field_t box_fields[] = {
    IDENT("name", mf_box_t, name, true, MF_NAME_MAX),
    IDENT("entry", mf_box_t, entry, true, MF_STR_MAX - 1u),
    U32("priority", mf_box_t, priority, true, 0, 255, 255),
    U32("stack", mf_box_t, stack, true, 0, UINT32_MAX, MF_MIN_STACK),
    U32("data", mf_box_t, data, true, 0, UINT32_MAX, MF_MIN_DATA),
    U32("code", mf_box_t, code, false, 0, UINT32_MAX, MF_DEFAULT_CODE),
    U32("version", mf_box_t, version, false, 0, UINT32_MAX, MF_DEFAULT_VERSION),
    NAMES("peripherals", mf_box_t, peripherals, false),
    NAMES("irqs", mf_box_t, irqs, false),
    {"on_fault", field_enum, offsetof(mf_box_t, on_fault), false, 0, 0, BH_POLICY_RESTART, policy_words, NULL, 0},
    {"restart_budget", field_map, 0, false, 0, 0, 0, NULL, budget_fields, FIELDS_N(budget_fields)},
    BOOL("supervisor", mf_box_t, supervisor),
    NAMES("notify", mf_box_t, notify, false),
    {"gateways", read_gateways, 0, false, 0, 0, 0, NULL, NULL, 0},
};

static const field_t range_fields[] = {
    U32("base", mf_range_t, base, true, 0, UINT32_MAX, 0),
    U32("size", mf_range_t, size, true, 0, UINT32_MAX, 0),
};

static const field_t ns_budget_fields[] = {
    U32("count", mf_nonsecure_t, budget_count, false, 1, MF_MAX_BUDGET_COUNT, MF_DEFAULT_BUDGET_COUNT),
    U32("window_ms", mf_nonsecure_t, budget_window_ms, false, 1, MF_MAX_BUDGET_WINDOW_MS, MF_DEFAULT_BUDGET_WINDOW_MS),
};

static void read_range(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);

/* Addresses and sizes: only the type is checked here; the rules need the board (check_ns.c). */
static const field_t ns_fields[] = {
    {"code", read_range, offsetof(mf_nonsecure_t, code), true, 0, 0, 0, NULL, NULL, 0},
    {"ram", read_range, offsetof(mf_nonsecure_t, ram), true, 0, 0, 0, NULL, NULL, 0},
    NAMES("peripherals", mf_nonsecure_t, peripherals, false),
    {"on_fault", field_enum, offsetof(mf_nonsecure_t, on_fault), false, 0, 0, BH_POLICY_RESTART, policy_words, NULL,
     0},
    {"restart_budget", field_map, 0, false, 0, 0, 0, NULL, ns_budget_fields, FIELDS_N(ns_budget_fields)},
};

static void read_boxes(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);
static void read_nonsecure(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);

static const field_t top_fields[] = {
    IDENT("system", manifest_t, system, true, MF_NAME_MAX),
    IDENT("board", manifest_t, board, true, MF_STR_MAX - 1u),
    BOOL("test", manifest_t, test),
    {"boxes", read_boxes, 0, true, 0, 0, 0, NULL, NULL, 0},
    {"nonsecure", read_nonsecure, 0, false, 0, 0, 0, NULL, NULL, 0},
};

static void read_range(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    mf_range_t *r = field_slot(obj, f);
    r->line = line;
    parse_fields(p, val, f->key, range_fields, FIELDS_N(range_fields), r);
}

static void read_nonsecure(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    (void)f;
    mf_nonsecure_t *ns = &((manifest_t *)obj)->ns;
    ns->line = line;
    parse_fields(p, val, "nonsecure", ns_fields, FIELDS_N(ns_fields), ns);
}

static void read_one_gateway(pctx_t *p, const yaml_node_t *node, void *obj)
{
    mf_box_t *b = obj;
    mf_gateway_t *g = &b->gw[b->ngw++];
    g->line = ynode_line(node);
    parse_fields(p, node, "gateway", gateway_fields, FIELDS_N(gateway_fields), g);
}

static void read_gateways(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    (void)f;
    mf_box_t *b = obj;
    b->gw_line = line;
    each_item(p, val, line, "gateways", BH_MAX_GATEWAYS_PER_BOX, read_one_gateway, b);
}

static void read_one_box(pctx_t *p, const yaml_node_t *node, void *obj)
{
    manifest_t *m = obj;
    mf_box_t *b = &m->box[m->nboxes++];
    b->line = ynode_line(node);
    parse_fields(p, node, "box", box_fields, FIELDS_N(box_fields), b);
}

static void read_boxes(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    (void)f;
    manifest_t *m = obj;
    m->boxes_line = line;
    each_item(p, val, line, "boxes", BH_MAX_BOXES, read_one_box, m);
    if (val->type == YAML_SEQUENCE_NODE && m->nboxes == 0u) {
        diag_error(p->d, p->y->file, line, "'boxes' is empty; a system needs at least one box");
    }
}

void manifest_parse(ydoc_t *y, manifest_t *m, diags_t *d)
{
    memset(m, 0, sizeof *m);
    m->file = y->file;
    pctx_t p = {y, d};
    const yaml_node_t *root = ydoc_root(y);
    m->line = ynode_line(root);
    parse_fields(&p, root, "the manifest", top_fields, FIELDS_N(top_fields), m);
}

void manifest_fill_defaults(manifest_t *m)
{
    fields_fill_defaults(top_fields, FIELDS_N(top_fields), m);
    fields_fill_defaults(ns_fields, FIELDS_N(ns_fields), &m->ns);
    for (uint16_t b = 0; b < m->nboxes; b++) {
        fields_fill_defaults(box_fields, FIELDS_N(box_fields), &m->box[b]);
        for (uint16_t g = 0; g < m->box[b].ngw; g++) {
            fields_fill_defaults(gateway_fields, FIELDS_N(gateway_fields), &m->box[b].gw[g]);
        }
    }
}
