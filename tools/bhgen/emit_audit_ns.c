/*
 * emit_audit_ns.c — the "Secure / Non-secure boundary" section of
 * audit.md, for a system with a non-secure world: what the kernel makes
 * Non-secure at boot (SAU regions, MPC blocks, PPC ports, interrupts),
 * the same cells under both aliases, the NSC veneer window and the
 * gateways the non-secure world may call. Everything not listed is Secure.
 * Runs: host only.
 */
#include <inttypes.h>

#include "emit.h"

static unsigned long long end_of(uint32_t base, uint32_t size)
{
    return (unsigned long long)base + size;
}

static void put_memory(FILE *f, const emit_ctx_t *c)
{
    const bh_box_desc_t *x = &c->l->sys.boxes[c->l->sys.ns.box];
    uint32_t off = c->b->tz.alias_offset.v;
    fprintf(f, "| Memory | NS alias | Secure alias (the same cells) | Size | Access |\n|---|---|---|---|---|\n");
    fprintf(f, "| code (the NS image, vector table first) | 0x%08" PRIX32 "..0x%08llX | 0x%08llX..0x%08llX | 0x%" PRIX32
               " | r-x |\n",
            x->code_base, end_of(x->code_base, x->code_size), (unsigned long long)x->code_base + off,
            end_of(x->code_base, x->code_size) + off, x->code_size);
    fprintf(f, "| ram (stack, data, bss) | 0x%08" PRIX32 "..0x%08llX | 0x%08llX..0x%08llX | 0x%" PRIX32 " | rw- |\n",
            x->ram_base, end_of(x->ram_base, x->ram_size), (unsigned long long)x->ram_base + off,
            end_of(x->ram_base, x->ram_size) + off, x->ram_size);
    fprintf(f, "\nThe Secure side never uses the Secure alias of these cells: the image is loaded through\n"
               "it before boot, and after boot the MPC passes only Non-secure transactions to them.\n");
}

static void put_irq_names(FILE *f, const bd_periph_t *per)
{
    if (per->nirqs == 0u) {
        fprintf(f, "none");
    }
    for (uint16_t i = 0; i < per->nirqs; i++) {
        fprintf(f, "%s%s (%" PRIu32 ")", i == 0u ? "" : ", ", per->irq[i].name.s, per->irq[i].nvic.v);
    }
}

static void put_periphs(FILE *f, const emit_ctx_t *c)
{
    const mf_list_t *ps = &c->m->ns.peripherals;
    fprintf(f, "\n### Peripherals\n\n");
    if (ps->n == 0u) {
        fprintf(f, "None: every PPC port stays Secure.\n");
        return;
    }
    fprintf(f, "Each port is made Non-secure in the security controller at 0x%08" PRIX32 "; the Secure side\n"
               "(kernel and boxes) can no longer reach it.\n\n",
            c->b->secctl_base.v);
    fprintf(f, "| Peripheral | NS alias | Secure alias | PPC NS register | Bit | IRQs (to the NS world) |\n");
    fprintf(f, "|---|---|---|---|---|---|\n");
    for (uint16_t k = 0; k < ps->n; k++) {
        const bd_periph_t *per = &c->b->periph[ps->item[k].ref];
        fprintf(f, "| %s | 0x%08" PRIX32 " | 0x%08" PRIX32 " | 0x%03" PRIX32 " | %" PRIu32 " | ", per->name.s,
                per->base.v - c->b->tz.alias_offset.v, per->base.v, per->ppc_reg.v - BD_PPC_NS_DELTA, per->ppc_bit.v);
        put_irq_names(f, per);
        fprintf(f, " |\n");
    }
}

static void put_sau(FILE *f, const bh_ns_world_t *w)
{
    static const char *const what[] = {"NS code", "NS ram", "NS peripheral window (PPCs decide per port)",
                                       "NSC veneers (Secure alias)"};
    fprintf(f, "\n### SAU regions\n\nSAU on, ALLNS = 0: every address outside these regions is Secure.\n\n");
    fprintf(f, "| # | Base | End | Size | Attribution | What |\n|---|---|---|---|---|---|\n");
    for (unsigned i = 0; i < w->nsau; i++) {
        const bh_sau_t *r = &w->sau[i];
        fprintf(f, "| %u | 0x%08" PRIX32 " | 0x%08llX | 0x%" PRIX32 " | %s | %s |\n", i, r->base, end_of(r->base, r->size),
                r->size, (r->flags & BH_SAU_NSC) != 0u ? "Non-secure callable" : "Non-secure", i < 4u ? what[i] : "?");
    }
}

static void put_mpcs(FILE *f, const emit_ctx_t *c, const bh_ns_world_t *w)
{
    fprintf(f, "\n### MPC ranges\n\nBlocks of 0x%" PRIX32 " bytes (the kernel checks BLK_CFG at boot); blocks not "
               "listed stay Secure.\n\n",
            w->mpc_block);
    fprintf(f, "| MPC | Registers | Range (NS alias) | Blocks |\n|---|---|---|---|\n");
    for (unsigned i = 0; i < w->nmpc; i++) {
        const bh_mpc_ns_t *m = &w->mpc[i];
        const char *name = "?";
        for (uint16_t k = 0; k < c->b->tz.nmpc; k++) {
            name = c->b->tz.mpc[k].ctl.v == m->ctl ? c->b->tz.mpc[k].name.s : name;
        }
        uint32_t first = (m->base - m->mem_base) / w->mpc_block;
        uint32_t n = m->size / w->mpc_block;
        fprintf(f, "| %s | 0x%08" PRIX32 " | 0x%08" PRIX32 "..0x%08llX | %" PRIu32 "..%" PRIu32 " (%" PRIu32 ") |\n",
                name, m->ctl, m->base, end_of(m->base, m->size), first, first + n - 1u, n);
    }
}

static void put_gateways(FILE *f, const emit_ctx_t *c)
{
    const bh_system_t *s = &c->l->sys;
    bool any = false;
    fprintf(f, "\n### Gateways the non-secure world may call\n\n");
    for (unsigned g = 0; g < s->ngateways; g++) {
        const bh_gateway_t *gw = &s->gateways[g];
        if ((gw->callers & (1u << s->ns.box)) == 0u) {
            continue;
        }
        if (!any) {
            fprintf(f, "| Gateway | Id | Server (priority) | Veneer | max_in | max_out | timeout |\n");
            fprintf(f, "|---|---|---|---|---|---|---|\n");
            any = true;
        }
        fprintf(f, "| %s | %u | %s (%u) | `bh_nsc_%s` | %" PRIu32 " | %" PRIu32 " | ", gw->name, g,
                s->boxes[gw->box].name, s->boxes[gw->box].priority, gw->name, gw->max_in, gw->max_out);
        if (gw->timeout_ms == 0u) {
            fprintf(f, "none |\n");
        } else {
            fprintf(f, "%" PRIu32 " ms |\n", gw->timeout_ms);
        }
    }
    fprintf(f, "%sAlso `bh_nsc_log` (the kernel console, rate-limited). No other entry into the secure world.\n",
            any ? "\n" : "None. ");
}

void emit_audit_ns(FILE *f, const emit_ctx_t *c)
{
    const bh_ns_world_t *w = &c->l->sys.ns;
    if (w->box == BH_NO_NS) {
        return;
    }
    const bh_box_desc_t *x = &c->l->sys.boxes[w->box];
    uint32_t nsc = layout_ns_nsc_base(c->b);
    fprintf(f, "\n## Secure / Non-secure boundary\n\n");
    fprintf(f, "The non-secure world is box %u (`BH_BOX_NONSECURE`), priority %u: below every box, it runs when\n"
               "no Secure box is ready. On fault: %s",
            w->box, x->priority, emit_policy(x->policy));
    if (x->policy == BH_POLICY_RESTART) {
        fprintf(f, " (more than %u restarts within %" PRIu32 " ms: stop)", x->restart_count, x->restart_window_ms);
    }
    fprintf(f, ". Everything not listed in this section is Secure.\n\n");
    put_memory(f, c);
    put_periphs(f, c);
    put_sau(f, w);
    put_mpcs(f, c, w);
    fprintf(f, "\n### NSC window\n\n0x%08" PRIX32 "..0x%08llX (0x%" PRIX32 " bytes, Secure alias): the last bytes of "
               "the kernel's code range\n(KNSC in kernel_memory.ld), holding only the SG veneers. NSCCFG = 0x%" PRIX32
               " (CODENSC), so the IDAU\nlets the SAU make it Non-secure callable.\n",
            nsc, end_of(nsc, c->b->tz.nsc_size.v), c->b->tz.nsc_size.v, w->nsccfg);
    put_gateways(f, c);
    fprintf(f, "\n### Interrupts targeting the non-secure world\n\nNVIC_ITNS = 0x%08" PRIX32 " 0x%08" PRIX32
               " 0x%08" PRIX32 " 0x%08" PRIX32 ": the IRQs of the peripherals above; every other IRQ\n"
               "targets the Secure side.\n",
            w->itns[0], w->itns[1], w->itns[2], w->itns[3]);
}
