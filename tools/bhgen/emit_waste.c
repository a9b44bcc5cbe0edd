/*
 * emit_waste.c — the PMSAv7 sections of audit.md: how many bytes each box
 * loses to the power-of-two region rule (padding from rounding a slot up,
 * memory skipped below a slot to align it), which sizes were rounded, and
 * the RBAR/RASR fields bh_pmsav7_encode() gives every region of every box, so
 * a reviewer can compare them with what the kernel programs.
 * Written only for boards with 'mpu: pmsav7'.
 * Runs: host only.
 */
#include <inttypes.h>

#include "emit.h"
#include "pmsav7.h"

/* Bytes one box (or, summed, the system) loses to the region rule. */
typedef struct {
    unsigned long long code_pad, code_skip, ram_pad, ram_skip;
} waste_t;

static unsigned long long waste_total(const waste_t *w)
{
    return w->code_pad + w->code_skip + w->ram_pad + w->ram_skip;
}

static void put_waste_row(FILE *f, const emit_ctx_t *c, uint16_t i, waste_t *sum)
{
    const arena_t *k = &c->l->code;
    const arena_t *r = &c->l->ram;
    waste_t w = {k->want[i] - k->asked[i], k->skip[i], r->want[i] - r->asked[i], r->skip[i]};
    fprintf(f, "| %s | 0x%llX \xE2\x86\x92 0x%llX | %llu | %llu | 0x%llX \xE2\x86\x92 0x%llX | %llu | %llu | %llu |\n",
            c->l->sys.boxes[i].name, (unsigned long long)k->asked[i], (unsigned long long)k->want[i], w.code_pad,
            w.code_skip, (unsigned long long)r->asked[i], (unsigned long long)r->want[i], w.ram_pad, w.ram_skip,
            waste_total(&w));
    sum->code_pad += w.code_pad;
    sum->code_skip += w.code_skip;
    sum->ram_pad += w.ram_pad;
    sum->ram_skip += w.ram_skip;
}

static void put_rounded(FILE *f, const emit_ctx_t *c)
{
    bool any = false;
    for (uint16_t i = 0; i < c->l->sys.nboxes; i++) {
        const arena_t *a[2] = {&c->l->code, &c->l->ram};
        const char *what[2] = {"code", "stack + data"};
        for (unsigned s = 0; s < 2u; s++) {
            if (a[s]->want[i] != a[s]->asked[i]) {
                fprintf(f, "%s- box %s: %s rounded up from 0x%llX to 0x%llX bytes\n",
                        any ? "" : "\nRounded up (not an error; the extra RAM goes to data):\n\n",
                        c->l->sys.boxes[i].name, what[s], (unsigned long long)a[s]->asked[i],
                        (unsigned long long)a[s]->want[i]);
                any = true;
            }
        }
    }
    if (!any) {
        fprintf(f, "\nNo requested size needed rounding.\n");
    }
}

static void put_waste(FILE *f, const emit_ctx_t *c)
{
    waste_t t = {0};
    fprintf(f, "\n## MPU region waste (PMSAv7)\n\n");
    fprintf(f, "Board %s has a PMSAv7 MPU: each code slot and each RAM block (stack first, then data) is exactly "
               "the enabled part of one region, a power of two R aligned to R, used whole or as a run of R/8 "
               "sub-regions (R >= 256). Padding: bytes a slot was rounded up by. Skipped: memory left unused "
               "just below a slot so that it could be aligned. Waste = padding + skipped, in bytes.\n\n",
            c->b->board.s);
    fprintf(f, "| Box | Code: asked \xE2\x86\x92 slot | Padding | Skipped | RAM: asked \xE2\x86\x92 slot | Padding "
               "| Skipped | Waste |\n|---|---|---|---|---|---|---|---|\n");
    for (uint16_t i = 0; i < c->l->sys.nboxes; i++) {
        put_waste_row(f, c, i, &t);
    }
    fprintf(f, "| **total** | | %llu | %llu | | %llu | %llu | **%llu** |\n", t.code_pad, t.code_skip, t.ram_pad,
            t.ram_skip, waste_total(&t));
    fprintf(f, "\nTotal waste: %llu bytes (code %llu, RAM %llu).\n", waste_total(&t), t.code_pad + t.code_skip,
            t.ram_pad + t.ram_skip);
    put_rounded(f, c);
}

/* "0-5" for the sub-regions an SRD value leaves enabled (a contiguous run). */
static void put_subregions(FILE *f, uint32_t rasr)
{
    uint32_t srd = (rasr >> BH_PMSAV7_RASR_SRD_SHIFT) & 0xFFu;
    unsigned first = 0;
    unsigned last = 0;
    bool any = false;
    for (unsigned s = 0; s < BH_PMSAV7_SUBREGIONS; s++) {
        if ((srd & (1u << s)) == 0u) {
            first = any ? first : s;
            last = s;
            any = true;
        }
    }
    fprintf(f, srd == 0u ? "all" : "%u-%u", first, last);
}

static void put_region_row(FILE *f, const emit_ctx_t *c, uint16_t b, unsigned i)
{
    const bh_region_t *g = &c->l->sys.boxes[b].regions[i];
    const char *what = i == 0u ? "code" : i == 1u ? "ram" : c->b->periph[g->periph].name.s;
    uint32_t rbar = 0;
    uint32_t rasr = 0;
    fprintf(f, "| %s | %u %s | 0x%08" PRIX32 " | 0x%" PRIX32 " | ", c->l->sys.boxes[b].name, i, what, g->base, g->size);
    if (!bh_pmsav7_encode(g->base, g->size, &rbar, &rasr)) {
        fprintf(f, "not representable | | | |\n"); /* layout and board checks rule this out */
        return;
    }
    uint32_t size_field = (rasr >> BH_PMSAV7_RASR_SIZE_SHIFT) & 0x1Fu;
    fprintf(f, "0x%08" PRIX32 " | 0x%llX | ", rbar, 1ull << (size_field + 1u));
    put_subregions(f, rasr);
    fprintf(f, " | 0x%02" PRIX32 " |\n", (rasr >> BH_PMSAV7_RASR_SRD_SHIFT) & 0xFFu);
}

static void put_regions(FILE *f, const emit_ctx_t *c)
{
    fprintf(f, "\n## MPU regions (PMSAv7)\n\n");
    fprintf(f, "Each box region as `bh_pmsav7_encode()` encodes it: region base (RBAR), region size R, the "
               "sub-regions left enabled and RASR.SRD.\n\n");
    fprintf(f, "| Box | Region | Base | Size | RBAR | R | Sub-regions | SRD |\n|---|---|---|---|---|---|---|---|\n");
    for (uint16_t b = 0; b < c->l->sys.nboxes; b++) {
        for (unsigned i = 0; i < c->l->sys.boxes[b].nregions && i < BH_MAX_REGIONS; i++) {
            put_region_row(f, c, b, i);
        }
    }
}

void emit_audit_pmsav7(FILE *f, const emit_ctx_t *c)
{
    put_waste(f, c);
    put_regions(f, c);
}
