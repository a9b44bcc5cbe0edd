/*
 * emit_ld.c — the system-wide linker scripts: kernel_memory.ld (the kernel's
 * own code and RAM ranges, included by kernel/arch/.../kernel.ld; with a
 * non-secure world also KNSC, the NSC veneer window cut from the end of
 * the code range) and image.ld (every raw image at its load address,
 * linked into system.elf; the non-secure image at its Secure alias).
 * Runs: host only.
 */
#include <inttypes.h>

#include "emit.h"

bool emit_kernel_ld(outset_t *o, const emit_ctx_t *c, diags_t *d)
{
    const board_t *b = c->b;
    FILE *f = out_open(o, "kernel_memory.ld", d);
    if (f == NULL) {
        return false;
    }
    emit_banner(f, c, "/*", "*/");
    fprintf(f, "/* The kernel's own ranges on board %s; boxes never reach them. */\n", b->board.s);
    bool ns = c->l->sys.ns.box != BH_NO_NS;
    uint32_t nsc = ns ? b->tz.nsc_size.v : 0u;
    if (ns) {
        fprintf(f, "/* The last 0x%" PRIX32 " bytes of the kernel's code range are the NSC window (SAU region\n"
                   "   Non-secure callable): the SG veneers (.gnu.sgstubs) and nothing else. */\n", nsc);
    }
    fprintf(f, "MEMORY {\n");
    fprintf(f, "  KCODE (rx) : ORIGIN = 0x%08" PRIX32 ", LENGTH = 0x%08" PRIX32 "\n", b->kcode_base.v,
            b->kcode_size.v - nsc);
    if (ns) {
        fprintf(f, "  KNSC (rx) : ORIGIN = 0x%08" PRIX32 ", LENGTH = 0x%08" PRIX32 "\n", layout_ns_nsc_base(b), nsc);
    }
    fprintf(f, "  KRAM (rwx) : ORIGIN = 0x%08" PRIX32 ", LENGTH = 0x%08" PRIX32 "\n", b->kram_base.v, b->kram_size.v);
    fprintf(f, "}\n");
    if (ns) {
        fprintf(f, "__bh_nsc_start = ORIGIN(KNSC);\n__bh_nsc_end = ORIGIN(KNSC) + LENGTH(KNSC);\n");
    }
    return out_close(o, f, d);
}

bool emit_image_ld(outset_t *o, const emit_ctx_t *c, diags_t *d)
{
    const bh_system_t *s = &c->l->sys;
    FILE *f = out_open(o, "image.ld", d);
    if (f == NULL) {
        return false;
    }
    emit_banner(f, c, "/*", "*/");
    fprintf(f, "/* system.elf: each raw image (objcopy'd into section .image of <name>.bin.o)\n"
               "   at its load address, as a flash programmer would place it. */\n");
    fprintf(f, "SECTIONS {\n");
    fprintf(f, "  .kernel 0x%08" PRIX32 " : { KEEP(*/kernel.bin.o(.image)) }\n", c->b->kcode_base.v);
    for (uint16_t i = 0; i < c->m->nboxes; i++) {
        fprintf(f, "  .box_%s 0x%08" PRIX32 " : { KEEP(*/%s.bin.o(.image)) }\n", s->boxes[i].name,
                s->boxes[i].code_base, s->boxes[i].name);
    }
    if (s->ns.box != BH_NO_NS) {
        /* At the Secure alias of its NS code: QEMU's loader writes as a Secure bus
           master, before the kernel has made those MPC blocks Non-secure. */
        fprintf(f, "  /* the non-secure image: NS code 0x%08" PRIX32 ", loaded through its Secure alias */\n",
                s->boxes[s->ns.box].code_base);
        fprintf(f, "  .nonsecure 0x%08" PRIX32 " : { KEEP(*/nonsecure.bin.o(.image)) }\n",
                s->boxes[s->ns.box].code_base + c->b->tz.alias_offset.v);
    }
    fprintf(f, "}\n");
    return out_close(o, f, d);
}
