/*
 * emit_tables.c — bh_tables.c: the const bh_system_t the kernel links in.
 * Designated initialisers only, every value a literal (hex for addresses,
 * sizes and masks), with comments naming what each entry is.
 * Runs: host only.
 */
#include <inttypes.h>

#include "emit.h"

static void put_region(FILE *f, unsigned i, const bh_region_t *r, const char *what)
{
    char acc[4];
    emit_access(r->access, acc);
    fprintf(f,
            "                [%u] = {.base = 0x%08" PRIX32 "u, .size = 0x%08" PRIX32 "u, .access = 0x%Xu, .kind = %uu, "
            ".periph = 0x%04Xu}, /* %s %s */\n",
            i, r->base, r->size, (unsigned)r->access, (unsigned)r->kind, (unsigned)r->periph, what, acc);
}

static void put_regions(FILE *f, const emit_ctx_t *c, uint16_t b)
{
    const bh_box_desc_t *box = &c->l->sys.boxes[b];
    fprintf(f, "            .regions = {\n");
    for (unsigned i = 0; i < box->nregions; i++) {
        const bh_region_t *r = &box->regions[i];
        put_region(f, i, r, i < 2u ? emit_kind(r->kind) : c->b->periph[r->periph].name.s);
    }
    fprintf(f, "            },\n");
}

static void put_irqs(FILE *f, const emit_ctx_t *c, uint16_t b)
{
    const bh_box_desc_t *box = &c->l->sys.boxes[b];
    if (box->nirqs == 0u) {
        return;
    }
    fprintf(f, "            .irqs = {\n");
    for (unsigned i = 0; i < box->nirqs; i++) {
        const mf_str_t *name = &c->m->box[b].irqs.item[c->l->irq_item[b][i]];
        fprintf(f, "                [%u] = {.irq = %uu, .signal = %uu}, /* %s */\n", i, box->irqs[i].irq,
                box->irqs[i].signal, name->s);
    }
    fprintf(f, "            },\n");
}

static void put_box(FILE *f, const emit_ctx_t *c, uint16_t b)
{
    const bh_box_desc_t *x = &c->l->sys.boxes[b];
    fprintf(f, "        [%u] = {\n", b);
    fprintf(f, "            .name = \"%s\",\n", x->name);
    fprintf(f, "            .priority = %uu,\n", x->priority);
    fprintf(f, "            .policy = %uu, /* %s */\n", x->policy, emit_policy(x->policy));
    fprintf(f, "            .nregions = %uu,\n", x->nregions);
    fprintf(f, "            .nirqs = %uu,\n", x->nirqs);
    fprintf(f, "            .restart_count = %uu,\n", x->restart_count);
    fprintf(f, "            .flags = 0x%04Xu,%s\n", x->flags,
            (x->flags & BH_BOXF_SUPERVISOR) ? " /* supervisor */"
                                            : ((x->flags & BH_BOXF_NONSECURE) ? " /* the non-secure world */" : ""));
    fprintf(f, "            .restart_window_ms = %" PRIu32 "u,\n", x->restart_window_ms);
    fprintf(f, "            .code_base = 0x%08" PRIX32 "u,\n", x->code_base);
    fprintf(f, "            .code_size = 0x%08" PRIX32 "u,\n", x->code_size);
    fprintf(f, "            .ram_base = 0x%08" PRIX32 "u,\n", x->ram_base);
    fprintf(f, "            .ram_size = 0x%08" PRIX32 "u,\n", x->ram_size);
    fprintf(f, "            .stack_size = 0x%08" PRIX32 "u,\n", x->stack_size);
    fprintf(f, "            .notify_mask = 0x%08" PRIX32 "u,\n", x->notify_mask);
    put_regions(f, c, b);
    put_irqs(f, c, b);
    fprintf(f, "        },\n");
}

static void put_gateways(FILE *f, const bh_system_t *s)
{
    if (s->ngateways == 0u) {
        return;
    }
    fprintf(f, "    .gateways = {\n");
    for (unsigned g = 0; g < s->ngateways; g++) {
        const bh_gateway_t *gw = &s->gateways[g];
        fprintf(f,
                "        [%u] = {.name = \"%s\", .box = %uu, .signal = %uu, .callers = 0x%08" PRIX32 "u, "
                ".max_in = %" PRIu32 "u, .max_out = %" PRIu32 "u, .timeout_ms = %" PRIu32 "u}, /* served by %s */\n",
                g, gw->name, gw->box, gw->signal, gw->callers, gw->max_in, gw->max_out, gw->timeout_ms,
                s->boxes[gw->box].name);
    }
    fprintf(f, "    },\n");
}

static void put_ranges(FILE *f, const char *field, const bh_range_t *r, unsigned n, const char *const *names)
{
    fprintf(f, "    .%s = {\n", field);
    for (unsigned i = 0; i < n; i++) {
        fprintf(f, "        [%u] = {.base = 0x%08" PRIX32 "u, .size = 0x%08" PRIX32 "u, .kind = %" PRIu32 "u}, /* %s, %s */\n",
                i, r[i].base, r[i].size, r[i].kind, names[i], emit_kind(r[i].kind));
    }
    fprintf(f, "    },\n");
}

static void put_reserved(FILE *f, const emit_ctx_t *c)
{
    const char *names[BH_MAX_RESERVED];
    for (unsigned k = 0; k < c->l->sys.nreserved; k++) {
        names[k] = emit_reserved_name(c, k);
    }
    put_ranges(f, "reserved", c->l->sys.reserved, c->l->sys.nreserved, names);
}

static void put_memories(FILE *f, const emit_ctx_t *c)
{
    const char *names[BH_MAX_MEMORIES];
    for (unsigned k = 0; k < c->l->sys.nmemories; k++) {
        names[k] = k < c->b->nmem ? c->b->mem[k].name.s : c->b->tz.ns_mem[k - c->b->nmem].name.s;
    }
    put_ranges(f, "memories", c->l->sys.memories, c->l->sys.nmemories, names);
}

static void put_grants(FILE *f, const bh_system_t *s)
{
    fprintf(f, "    .nbus_grants = %uu,\n", s->nbus_grants);
    if (s->nbus_grants == 0u) {
        return;
    }
    fprintf(f, "    .bus_grants = {\n");
    for (unsigned i = 0; i < s->nbus_grants; i++) {
        fprintf(f, "        [%u] = {.reg = 0x%03" PRIX32 "u, .mask = 0x%08" PRIX32 "u},\n", i, s->bus_grants[i].reg,
                s->bus_grants[i].mask);
    }
    fprintf(f, "    },\n");
}

/* ---- the Secure/Non-secure split ---------------------------------------- */

static const char *mpc_name(const board_t *b, uint32_t ctl)
{
    for (uint16_t i = 0; i < b->tz.nmpc; i++) {
        if (b->tz.mpc[i].ctl.v == ctl) {
            return b->tz.mpc[i].name.s;
        }
    }
    return "?";
}

static void put_ns_sau(FILE *f, const bh_ns_world_t *w)
{
    static const char *const what[] = {"NS code", "NS ram", "NS peripherals", "NSC veneers (Secure alias)"};
    fprintf(f, "        .sau = {\n");
    for (unsigned i = 0; i < w->nsau; i++) {
        fprintf(f, "            [%u] = {.base = 0x%08" PRIX32 "u, .size = 0x%08" PRIX32 "u, .flags = 0x%" PRIX32 "u}, /* %s */\n",
                i, w->sau[i].base, w->sau[i].size, w->sau[i].flags, i < 4u ? what[i] : "?");
    }
    fprintf(f, "        },\n");
}

static void put_ns_mpc(FILE *f, const emit_ctx_t *c, const bh_ns_world_t *w)
{
    fprintf(f, "        .mpc = {\n");
    for (unsigned i = 0; i < w->nmpc; i++) {
        const bh_mpc_ns_t *m = &w->mpc[i];
        fprintf(f,
                "            [%u] = {.ctl = 0x%08" PRIX32 "u, .mem_base = 0x%08" PRIX32 "u, .base = 0x%08" PRIX32
                "u, .size = 0x%08" PRIX32 "u}, /* MPC %s: NS %s */\n",
                i, m->ctl, m->mem_base, m->base, m->size, mpc_name(c->b, m->ctl), i == 0u ? "code" : "ram");
    }
    fprintf(f, "        },\n");
}

static void put_ns_ppc(FILE *f, const emit_ctx_t *c, const bh_ns_world_t *w)
{
    const mf_list_t *ps = &c->m->ns.peripherals;
    unsigned i = 0;
    if (w->nppc == 0u) {
        return;
    }
    fprintf(f, "        .ppc = {\n");
    for (uint16_t k = 0; k < ps->n && i < w->nppc; k++) {
        if (ps->item[k].ref < 0) {
            continue;
        }
        fprintf(f, "            [%u] = {.reg = 0x%03" PRIX32 "u, .mask = 0x%08" PRIX32 "u}, /* %s: port Non-secure */\n",
                i, w->ppc[i].reg, w->ppc[i].mask, ps->item[k].s);
        i++;
    }
    fprintf(f, "        },\n");
}

static void put_ns(FILE *f, const emit_ctx_t *c)
{
    const bh_ns_world_t *w = &c->l->sys.ns;
    if (w->box == BH_NO_NS) {
        fprintf(f, "    .ns = {.box = 0x%04Xu}, /* BH_NO_NS: no non-secure world, everything stays Secure */\n",
                BH_NO_NS);
        return;
    }
    fprintf(f, "    .ns = {\n");
    fprintf(f, "        .box = %uu, /* %s */\n", w->box, c->l->sys.boxes[w->box].name);
    fprintf(f, "        .nsau = %uu,\n        .nmpc = %uu,\n        .nppc = %uu,\n", w->nsau, w->nmpc, w->nppc);
    fprintf(f, "        .vtor = 0x%08" PRIX32 "u, /* NS vector table: the NS image's first bytes */\n", w->vtor);
    fprintf(f, "        .nsccfg = 0x%" PRIX32 "u, /* CODENSC */\n", w->nsccfg);
    fprintf(f, "        .mpc_block = 0x%" PRIX32 "u,\n", w->mpc_block);
    put_ns_sau(f, w);
    put_ns_mpc(f, c, w);
    put_ns_ppc(f, c, w);
    fprintf(f, "        .itns = {0x%08" PRIX32 "u, 0x%08" PRIX32 "u, 0x%08" PRIX32 "u, 0x%08" PRIX32 "u}, /* IRQs of NS "
               "peripherals */\n",
            w->itns[0], w->itns[1], w->itns[2], w->itns[3]);
    fprintf(f, "    },\n");
}

bool emit_tables(outset_t *o, const emit_ctx_t *c, diags_t *d)
{
    const bh_system_t *s = &c->l->sys;
    FILE *f = out_open(o, "bh_tables.c", d);
    if (f == NULL) {
        return false;
    }
    emit_banner(f, c, "/*", "*/");
    fprintf(f, "#include \"system.h\"\n\nconst bh_system_t bh_system = {\n");
    fprintf(f, "    .name = \"%s\",\n", s->name);
    fprintf(f, "    .clock_hz = %" PRIu32 "u,\n", s->clock_hz);
    fprintf(f, "    .console_base = 0x%08" PRIX32 "u,\n", s->console_base);
    fprintf(f, "    .bus_ctl_base = 0x%08" PRIX32 "u,\n", s->bus_ctl_base);
    put_grants(f, s);
    fprintf(f, "    .nboxes = %uu,\n    .ngateways = %uu,\n", s->nboxes, s->ngateways);
    fprintf(f, "    .nreserved = %uu,\n    .nmemories = %uu,\n", s->nreserved, s->nmemories);
    fprintf(f, "    .nirq_lines = %uu,\n    .boxes = {\n", s->nirq_lines);
    for (uint16_t b = 0; b < s->nboxes; b++) {
        put_box(f, c, b);
    }
    fprintf(f, "    },\n");
    put_gateways(f, s);
    put_reserved(f, c);
    put_memories(f, c);
    put_ns(f, c);
    fprintf(f, "};\n");
    return out_close(o, f, d);
}
