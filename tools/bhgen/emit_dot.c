/*
 * emit_dot.c — system.dot: a Graphviz picture of the system. Boxes are
 * ellipses (priority and fault policy; the supervisor has a double border),
 * peripherals are rectangles joined to their owner (the non-secure world
 * and its peripherals dashed), gateways are edges
 * caller -> server labelled with name and limits, notifications are
 * dotted edges.
 * Runs: host only.
 */
#include <inttypes.h>

#include "emit.h"

static void put_boxes(FILE *f, const bh_system_t *s)
{
    for (uint16_t b = 0; b < s->nboxes; b++) {
        const bh_box_desc_t *x = &s->boxes[b];
        bool sup = (x->flags & BH_BOXF_SUPERVISOR) != 0u;
        bool ns = (x->flags & BH_BOXF_NONSECURE) != 0u;
        fprintf(f, "  \"box_%s\" [shape=ellipse%s, label=\"%s\\n%sprio %u, %s\"];\n", x->name,
                sup ? ", peripheries=2" : (ns ? ", style=dashed" : ""), x->name, ns ? "non-secure world, " : "",
                x->priority, emit_policy(x->policy));
    }
}

static void put_periphs(FILE *f, const emit_ctx_t *c)
{
    const bh_system_t *s = &c->l->sys;
    for (uint16_t b = 0; b < s->nboxes; b++) {
        for (unsigned i = 2; i < s->boxes[b].nregions; i++) {
            const bd_periph_t *p = &c->b->periph[s->boxes[b].regions[i].periph];
            fprintf(f, "  \"periph_%s\" [shape=box, label=\"%s\\n0x%08" PRIX32 "\"];\n", p->name.s, p->name.s,
                    p->base.v);
            fprintf(f, "  \"periph_%s\" -> \"box_%s\" [dir=none, style=dashed];\n", p->name.s, s->boxes[b].name);
        }
    }
    const mf_list_t *ns = &c->m->ns.peripherals;
    for (uint16_t k = 0; s->ns.box != BH_NO_NS && k < ns->n; k++) {
        const bd_periph_t *p = &c->b->periph[ns->item[k].ref];
        fprintf(f, "  \"periph_%s\" [shape=box, style=dashed, label=\"%s\\n0x%08" PRIX32 " (NS)\"];\n", p->name.s,
                p->name.s, p->base.v - c->b->tz.alias_offset.v);
        fprintf(f, "  \"periph_%s\" -> \"box_%s\" [dir=none, style=dashed];\n", p->name.s, s->boxes[s->ns.box].name);
    }
}

static void put_gateways(FILE *f, const bh_system_t *s)
{
    for (unsigned g = 0; g < s->ngateways; g++) {
        const bh_gateway_t *gw = &s->gateways[g];
        for (uint16_t c = 0; c < s->nboxes; c++) {
            if ((gw->callers & (1u << c)) == 0u) {
                continue;
            }
            fprintf(f, "  \"box_%s\" -> \"box_%s\" [label=\"%s\\nin %" PRIu32 ", out %" PRIu32, s->boxes[c].name,
                    s->boxes[gw->box].name, gw->name, gw->max_in, gw->max_out);
            if (gw->timeout_ms != 0u) {
                fprintf(f, ", %" PRIu32 " ms", gw->timeout_ms);
            }
            fprintf(f, "\"];\n");
        }
    }
}

static void put_notify(FILE *f, const bh_system_t *s)
{
    for (uint16_t b = 0; b < s->nboxes; b++) {
        for (uint16_t t = 0; t < s->nboxes; t++) {
            if ((s->boxes[b].notify_mask & (1u << t)) != 0u) {
                fprintf(f, "  \"box_%s\" -> \"box_%s\" [style=dotted, label=\"notify\"];\n", s->boxes[b].name,
                        s->boxes[t].name);
            }
        }
    }
}

bool emit_dot(outset_t *o, const emit_ctx_t *c, diags_t *d)
{
    const bh_system_t *s = &c->l->sys;
    FILE *f = out_open(o, "system.dot", d);
    if (f == NULL) {
        return false;
    }
    emit_banner(f, c, "/*", "*/");
    fprintf(f, "digraph \"%s\" {\n", s->name);
    fprintf(f, "  graph [rankdir=LR, labelloc=t, label=\"system %s on %s\"];\n", s->name, c->b->board.s);
    fprintf(f, "  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
    put_boxes(f, s);
    put_periphs(f, c);
    put_gateways(f, s);
    put_notify(f, s);
    fprintf(f, "}\n");
    return out_close(o, f, d);
}
