/*
 * emit_ids.c — bh_ids.h: the names box code uses for ids and signals
 * (BH_BOX_*, BH_GW_*, BH_SIG_*, BH_IRQ_*) and box placement (BH_CODE_BASE_*,
 * BH_RAM_BASE_*, BH_STACK_SIZE_*), the non-secure world's id and memory
 * when there is one (BH_BOX_NONSECURE, BH_NS_*, BH_PERIPH_NS_BASE_*), all
 * plain integer literals.
 * Runs: host only.
 */
#include <inttypes.h>

#include "emit.h"

static void put_boxes(FILE *f, const emit_ctx_t *c)
{
    char up[MF_STR_MAX];
    fprintf(f, "\n/* Box ids (declaration order in the manifest). */\n");
    for (uint16_t b = 0; b < c->m->nboxes; b++) {
        emit_upper(c->m->box[b].name.s, up);
        fprintf(f, "#define BH_BOX_%s %u\n", up, b);
    }
    fprintf(f, "\n/* Where each box lives (for tests and diagnostics; the MPU enforces it). */\n");
    for (uint16_t b = 0; b < c->m->nboxes; b++) {
        const bh_box_desc_t *x = &c->l->sys.boxes[b];
        emit_upper(c->m->box[b].name.s, up);
        fprintf(f, "#define BH_CODE_BASE_%s 0x%08" PRIX32 "u\n", up, x->code_base);
        fprintf(f, "#define BH_RAM_BASE_%s 0x%08" PRIX32 "u\n", up, x->ram_base);
        fprintf(f, "#define BH_STACK_SIZE_%s 0x%" PRIX32 "u\n", up, x->stack_size);
    }
}

static void put_gateways(FILE *f, const emit_ctx_t *c)
{
    const bh_system_t *s = &c->l->sys;
    char up[MF_STR_MAX];
    if (s->ngateways == 0u) {
        return;
    }
    fprintf(f, "\n/* Gateways: the id callers pass to bh_call(), and the signal the server waits on. */\n");
    for (unsigned g = 0; g < s->ngateways; g++) {
        emit_upper(s->gateways[g].name, up);
        fprintf(f, "#define BH_GW_%s %u\n", up, g);
        fprintf(f, "#define BH_SIG_%s (1u << %u)\n", up, s->gateways[g].signal);
    }
}

static void put_irqs(FILE *f, const emit_ctx_t *c)
{
    char up[MF_STR_MAX];
    bool any = false;
    for (uint16_t b = 0; b < c->m->nboxes; b++) {
        const bh_box_desc_t *box = &c->l->sys.boxes[b];
        for (unsigned i = 0; i < box->nirqs; i++) {
            if (!any) {
                fprintf(f, "\n/* Interrupts: NVIC number, and the signal the owning box waits on. */\n");
                any = true;
            }
            emit_upper(c->m->box[b].irqs.item[c->l->irq_item[b][i]].s, up);
            fprintf(f, "#define BH_IRQ_%s %u /* box %s */\n", up, box->irqs[i].irq, box->name);
            fprintf(f, "#define BH_SIG_IRQ_%s (1u << %u)\n", up, box->irqs[i].signal);
        }
    }
}

/* The non-secure world: its box id (the caller bit gateways grant it),
 * where its image and RAM are (NS alias), and the NS alias of each
 * peripheral it keeps. */
static void put_ns(FILE *f, const emit_ctx_t *c)
{
    const bh_system_t *s = &c->l->sys;
    char up[MF_STR_MAX];
    if (s->ns.box == BH_NO_NS) {
        return;
    }
    const bh_box_desc_t *x = &s->boxes[s->ns.box];
    fprintf(f, "\n/* The non-secure world (TrustZone): its id, its memory and peripherals (NS aliases). */\n");
    fprintf(f, "#define BH_BOX_NONSECURE %u\n", s->ns.box);
    fprintf(f, "#define BH_NS_CODE_BASE 0x%08" PRIX32 "u\n", x->code_base);
    fprintf(f, "#define BH_NS_RAM_BASE 0x%08" PRIX32 "u\n", x->ram_base);
    fprintf(f, "#define BH_NS_RAM_SIZE 0x%" PRIX32 "u\n", x->ram_size);
    const mf_list_t *ps = &c->m->ns.peripherals;
    for (uint16_t k = 0; k < ps->n; k++) {
        const bd_periph_t *per = &c->b->periph[ps->item[k].ref];
        emit_upper(per->name.s, up);
        fprintf(f, "#define BH_PERIPH_NS_BASE_%s 0x%08" PRIX32 "u\n", up, per->base.v - c->b->tz.alias_offset.v);
    }
}

/* Board facts, so tests and diagnostics need no board-specific numbers. */
static void put_board(FILE *f, const emit_ctx_t *c)
{
    char up[MF_STR_MAX];
    const board_t *bd = c->b;
    fprintf(f, "\n/* Board %s: kernel ranges and every peripheral (owned or not). */\n", bd->board.s);
    fprintf(f, "#define BH_KERNEL_CODE_BASE 0x%08" PRIX32 "u\n", bd->kcode_base.v);
    fprintf(f, "#define BH_KERNEL_RAM_BASE 0x%08" PRIX32 "u\n", bd->kram_base.v);
    for (uint16_t i = 0; i < bd->nperiph; i++) {
        emit_upper(bd->periph[i].name.s, up);
        fprintf(f, "#define BH_PERIPH_BASE_%s 0x%08" PRIX32 "u\n", up, bd->periph[i].base.v);
    }
}

bool emit_ids(outset_t *o, const emit_ctx_t *c, diags_t *d)
{
    FILE *f = out_open(o, "bh_ids.h", d);
    if (f == NULL) {
        return false;
    }
    emit_banner(f, c, "/*", "*/");
    fprintf(f, "#ifndef BH_IDS_H\n#define BH_IDS_H\n\n");
    fprintf(f, "#define BH_SYSTEM_NAME \"%s\"\n", c->m->system.s);
    fprintf(f, "#define BH_NBOXES %u\n", c->l->sys.nboxes); /* the non-secure world's box included */
    fprintf(f, "#define BH_NGATEWAYS %u\n", c->l->sys.ngateways);
    fprintf(f, "#define BH_TEST_SYSTEM %u\n", c->m->test.v != 0u ? 1u : 0u);
    put_boxes(f, c);
    put_gateways(f, c);
    put_irqs(f, c);
    put_ns(f, c);
    put_board(f, c);
    fprintf(f, "\n#endif\n");
    return out_close(o, f, d);
}
