/*
 * emit_audit.c — audit.md: the human review of a system. Memory map in
 * address order (kernel ranges and every box region with its rights), each
 * box's privileges, who can call what with which limits, notifications and
 * the bus firewall grants; on a PMSAv7 board also the region waste and
 * encodings (emit_waste.c); with a non-secure world, the Secure /
 * Non-secure boundary (emit_audit_ns.c).
 * Runs: host only.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "emit.h"

typedef struct {
    uint32_t base, size;
    const char *owner;
    char what[MF_STR_MAX + 32];
    char access[16];
    uint32_t kind;
} map_row_t;

#define MAX_ROWS (BH_MAX_RESERVED + BH_MAX_BOXES * BH_MAX_REGIONS)

static int by_base(const void *a, const void *b)
{
    const map_row_t *x = a;
    const map_row_t *y = b;
    return (x->base > y->base) - (x->base < y->base);
}

static unsigned kernel_rows(const emit_ctx_t *c, map_row_t *rows)
{
    const bh_system_t *s = &c->l->sys;
    for (unsigned k = 0; k < s->nreserved; k++) {
        map_row_t *r = &rows[k];
        *r = (map_row_t){.base = s->reserved[k].base, .size = s->reserved[k].size, .owner = "kernel",
                         .kind = s->reserved[k].kind};
        snprintf(r->what, sizeof r->what, "%s", emit_reserved_name(c, k));
        snprintf(r->access, sizeof r->access, "privileged");
    }
    return s->nreserved;
}

static unsigned box_rows(const emit_ctx_t *c, uint16_t b, map_row_t *rows)
{
    const bh_box_desc_t *x = &c->l->sys.boxes[b];
    for (unsigned i = 0; i < x->nregions; i++) {
        const bh_region_t *g = &x->regions[i];
        map_row_t *r = &rows[i];
        *r = (map_row_t){.base = g->base, .size = g->size, .owner = x->name, .kind = g->kind};
        emit_access(g->access, r->access);
        if (i < 2u && (x->flags & BH_BOXF_NONSECURE) != 0u) {
            snprintf(r->what, sizeof r->what, "non-secure %s (NS alias)", i == 0u ? "code" : "ram");
        } else if (i == 0u) {
            snprintf(r->what, sizeof r->what, "code");
        } else if (i == 1u) {
            snprintf(r->what, sizeof r->what, "stack 0x%" PRIX32 " + data 0x%" PRIX32, x->stack_size,
                     x->ram_size - x->stack_size);
        } else {
            snprintf(r->what, sizeof r->what, "%s", c->b->periph[g->periph].name.s);
        }
    }
    return x->nregions;
}

static void put_memory_map(FILE *f, const emit_ctx_t *c)
{
    map_row_t rows[MAX_ROWS];
    unsigned n = kernel_rows(c, rows);
    for (uint16_t b = 0; b < c->l->sys.nboxes; b++) {
        n += box_rows(c, b, rows + n);
    }
    qsort(rows, n, sizeof rows[0], by_base);
    fprintf(f, "\n## Memory map\n\n| Base | End | Size | Owner | Region | Access | Kind |\n");
    fprintf(f, "|---|---|---|---|---|---|---|\n");
    for (unsigned i = 0; i < n; i++) {
        const map_row_t *r = &rows[i];
        fprintf(f, "| 0x%08" PRIX32 " | 0x%08llX | 0x%" PRIX32 " | %s | %s | %s | %s |\n", r->base,
                (unsigned long long)r->base + r->size, r->size, r->owner, r->what, r->access, emit_kind(r->kind));
    }
}

static void put_names(FILE *f, const mf_list_t *l)
{
    if (l->n == 0u) {
        fprintf(f, "none");
    }
    for (uint16_t i = 0; i < l->n; i++) {
        fprintf(f, "%s%s", i == 0u ? "" : ", ", l->item[i].s);
    }
}

static void put_box_irqs(FILE *f, const emit_ctx_t *c, uint16_t b)
{
    const bh_box_desc_t *x = &c->l->sys.boxes[b];
    fprintf(f, "| IRQs | ");
    if (x->nirqs == 0u) {
        fprintf(f, "none");
    }
    for (unsigned i = 0; i < x->nirqs; i++) {
        fprintf(f, "%s%s (NVIC %u, signal %u)", i == 0u ? "" : ", ", c->m->box[b].irqs.item[c->l->irq_item[b][i]].s,
                x->irqs[i].irq, x->irqs[i].signal);
    }
    fprintf(f, " |\n");
}

static void put_box_gateways(FILE *f, const emit_ctx_t *c, uint16_t b)
{
    const bh_system_t *s = &c->l->sys;
    fprintf(f, "| serves | ");
    bool any = false;
    for (unsigned g = 0; g < s->ngateways; g++) {
        if (s->gateways[g].box == b) {
            fprintf(f, "%s%s (id %u, signal %u)", any ? ", " : "", s->gateways[g].name, g, s->gateways[g].signal);
            any = true;
        }
    }
    fprintf(f, "%s |\n| may call | ", any ? "" : "none");
    any = false;
    for (unsigned g = 0; g < s->ngateways; g++) {
        if ((s->gateways[g].callers & (1u << b)) != 0u) {
            fprintf(f, "%s%s (of %s)", any ? ", " : "", s->gateways[g].name, s->boxes[s->gateways[g].box].name);
            any = true;
        }
    }
    fprintf(f, "%s |\n", any ? "" : "none");
}

static void put_policy(FILE *f, const bh_box_desc_t *x)
{
    if (x->policy == BH_POLICY_RESTART) {
        fprintf(f, "| on fault | restart (more than %u restarts within %" PRIu32 " ms: stop) |\n", x->restart_count,
                x->restart_window_ms);
    } else if (x->policy == BH_POLICY_STOP) {
        fprintf(f, "| on fault | stop (the box stays stopped) |\n");
    } else {
        fprintf(f, "| on fault | reset (the whole system resets) |\n");
    }
}

static void put_box(FILE *f, const emit_ctx_t *c, uint16_t b)
{
    const bh_box_desc_t *x = &c->l->sys.boxes[b];
    const mf_box_t *mb = &c->m->box[b];
    fprintf(f, "\n### %s (id %u)\n\n| | |\n|---|---|\n", x->name, b);
    fprintf(f, "| entry | `%s` |\n| version | %" PRIu32 " |\n", mb->entry.s, mb->version.v);
    fprintf(f, "| priority | %u (0 is highest) |\n", x->priority);
    put_policy(f, x);
    fprintf(f, "| supervisor | %s |\n", (x->flags & BH_BOXF_SUPERVISOR) != 0u ? "yes" : "no");
    fprintf(f, "| code slot | %" PRIu32 " bytes at 0x%08" PRIX32 " |\n", x->code_size, x->code_base);
    fprintf(f, "| stack | %" PRIu32 " bytes at 0x%08" PRIX32 " |\n", x->stack_size, x->ram_base);
    fprintf(f, "| data + bss | %" PRIu32 " bytes at 0x%08" PRIX32 " |\n", x->ram_size - x->stack_size,
            x->ram_base + x->stack_size);
    fprintf(f, "| peripherals | ");
    put_names(f, &mb->peripherals);
    fprintf(f, " |\n");
    put_box_irqs(f, c, b);
    fprintf(f, "| may notify | ");
    put_names(f, &mb->notify);
    fprintf(f, " |\n");
    put_box_gateways(f, c, b);
}

static void put_callers(FILE *f, const bh_system_t *s, uint32_t mask)
{
    bool any = false;
    for (uint16_t b = 0; b < s->nboxes; b++) {
        if ((mask & (1u << b)) != 0u) {
            fprintf(f, "%s%s (%u)", any ? ", " : "", s->boxes[b].name, s->boxes[b].priority);
            any = true;
        }
    }
}

static void put_gateways(FILE *f, const emit_ctx_t *c)
{
    const bh_system_t *s = &c->l->sys;
    fprintf(f, "\n## Who can call what\n\n");
    if (s->ngateways == 0u) {
        fprintf(f, "No gateways: no box can call another.\n");
        return;
    }
    fprintf(f, "Callers always have a strictly lower priority (larger number) than the server.\n\n");
    fprintf(f, "| Gateway | Id | Server (priority) | Callers (priority) | max_in | max_out | timeout |\n");
    fprintf(f, "|---|---|---|---|---|---|---|\n");
    for (unsigned g = 0; g < s->ngateways; g++) {
        const bh_gateway_t *gw = &s->gateways[g];
        fprintf(f, "| %s | %u | %s (%u) | ", gw->name, g, s->boxes[gw->box].name, s->boxes[gw->box].priority);
        put_callers(f, s, gw->callers);
        fprintf(f, " | %" PRIu32 " | %" PRIu32 " | ", gw->max_in, gw->max_out);
        if (gw->timeout_ms == 0u) {
            fprintf(f, "none |\n");
        } else {
            fprintf(f, "%" PRIu32 " ms |\n", gw->timeout_ms);
        }
    }
}

static void put_grant_periphs(FILE *f, const emit_ctx_t *c, const bh_bus_grant_t *g)
{
    bool any = false;
    for (uint16_t b = 0; b < c->m->nboxes; b++) {
        const mf_list_t *ps = &c->m->box[b].peripherals;
        for (uint16_t k = 0; k < ps->n; k++) {
            const bd_periph_t *p = &c->b->periph[ps->item[k].ref];
            if (p->ppc_reg.state == MF_SET && p->ppc_reg.v == g->reg) {
                fprintf(f, "%s%s (bit %" PRIu32 ", box %s)", any ? ", " : "", p->name.s, p->ppc_bit.v,
                        c->m->box[b].name.s);
                any = true;
            }
        }
    }
}

static void put_grants(FILE *f, const emit_ctx_t *c)
{
    const bh_system_t *s = &c->l->sys;
    fprintf(f, "\n## Bus firewall grants\n\n");
    if (c->b->secctl_base.state != MF_SET && s->nbus_grants == 0u) {
        fprintf(f, "None: board %s has no bus firewall; the MPU alone keeps boxes out of devices they do not own.\n",
                c->b->board.s);
        return;
    }
    if (s->nbus_grants == 0u) {
        fprintf(f, "None: no box owns a peripheral behind the bus firewall.\n");
        return;
    }
    fprintf(f, "Set by the kernel at boot in the security controller");
    if (c->b->secctl_base.state == MF_SET) {
        fprintf(f, " at 0x%08" PRIX32, c->b->secctl_base.v);
    }
    fprintf(f, ".\n\n| Register | Mask | Peripherals |\n|---|---|---|\n");
    for (unsigned i = 0; i < s->nbus_grants; i++) {
        fprintf(f, "| 0x%03" PRIX32 " | 0x%08" PRIX32 " | ", s->bus_grants[i].reg, s->bus_grants[i].mask);
        put_grant_periphs(f, c, &s->bus_grants[i]);
        fprintf(f, " |\n");
    }
}

static void put_notify(FILE *f, const emit_ctx_t *c)
{
    fprintf(f, "\n## Notifications\n\n");
    bool any = false;
    for (uint16_t b = 0; b < c->m->nboxes; b++) {
        const mf_list_t *l = &c->m->box[b].notify;
        for (uint16_t k = 0; k < l->n; k++) {
            fprintf(f, "%s| %s | %s |\n", any ? "" : "| From | To |\n|---|---|\n", c->m->box[b].name.s, l->item[k].s);
            any = true;
        }
    }
    if (!any) {
        fprintf(f, "No box may notify another.\n");
    }
}

bool emit_audit(outset_t *o, const emit_ctx_t *c, diags_t *d)
{
    const board_t *b = c->b;
    FILE *f = out_open(o, "audit.md", d);
    if (f == NULL) {
        return false;
    }
    emit_banner(f, c, "<!--", "-->");
    fprintf(f, "# Audit report: system %s\n\n", c->m->system.s);
    fprintf(f, "Board %s (%s, %s), core clock %" PRIu32 " Hz, %" PRIu32 " IRQ lines. Test system: %s. ",
            b->board.s, b->arch.s, b->cpu.s, b->clock_hz.v, b->irq_lines.v, c->m->test.v != 0u ? "yes" : "no");
    fprintf(f, "%u boxes, %u gateways.%s\n", c->m->nboxes, c->l->sys.ngateways,
            c->l->sys.ns.box != BH_NO_NS ? " A non-secure world (TrustZone)." : "");
    put_memory_map(f, c);
    if (board_is_pmsav7(b)) {
        emit_audit_pmsav7(f, c);
    }
    fprintf(f, "\n## Boxes\n");
    for (uint16_t i = 0; i < c->m->nboxes; i++) {
        put_box(f, c, i);
    }
    put_gateways(f, c);
    put_notify(f, c);
    put_grants(f, c);
    emit_audit_ns(f, c);
    return out_close(o, f, d);
}
