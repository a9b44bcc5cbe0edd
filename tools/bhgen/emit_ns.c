/*
 * emit_ns.c — the files of a system with a non-secure world (TrustZone),
 * written only when the manifest has a 'nonsecure' section:
 *   nsc_veneers.c  compiled into the kernel with -mcmse: one
 *                  cmse_nonsecure_entry function per gateway the manifest
 *                  grants to 'nonsecure', plus bh_nsc_log; each hands its
 *                  arguments, as plain numbers, to the kernel's common entry
 *                  (kernel/arch/armv8m/nsc.h). The linker makes their SG
 *                  veneers (.gnu.sgstubs) in the NSC window, KNSC.
 *   bh_ns.h        for the non-secure image: the veneers' prototypes and
 *                  bh_ns_call() / bh_ns_log(), which choose the veneer for a
 *                  gateway id and unpack the kernel's two 32-bit answers.
 *   nonsecure.ld   the non-secure image's linker script (NS alias addresses).
 * Runs: host only.
 */
#include <inttypes.h>

#include "emit.h"

static bool granted(const emit_ctx_t *c, unsigned g)
{
    return (c->l->sys.gateways[g].callers & (1u << c->l->sys.ns.box)) != 0u;
}

static unsigned ngranted(const emit_ctx_t *c)
{
    unsigned n = 0;
    for (unsigned g = 0; g < c->l->sys.ngateways; g++) {
        n += granted(c, g) ? 1u : 0u;
    }
    return n;
}

static bool emit_veneers(outset_t *o, const emit_ctx_t *c, diags_t *d)
{
    const bh_system_t *s = &c->l->sys;
    char up[MF_STR_MAX];
    FILE *f = out_open(o, "nsc_veneers.c", d);
    if (f == NULL) {
        return false;
    }
    emit_banner(f, c, "/*", "*/");
    fprintf(f, "/* The non-secure world's entry points into the kernel (built with -mcmse): one per\n"
               "   gateway the manifest grants to 'nonsecure', and bh_nsc_log. Each passes its\n"
               "   arguments on as plain numbers; the kernel checks every pointer against the\n"
               "   non-secure world's regions before it reads or writes through it. */\n");
    fprintf(f, "#include <arm_cmse.h>\n\n#include \"nsc.h\"\n#include \"bh_ids.h\"\n");
    for (unsigned g = 0; g < s->ngateways; g++) {
        if (!granted(c, g)) {
            continue;
        }
        emit_upper(s->gateways[g].name, up);
        fprintf(f, "\n/* gateway '%s' of box '%s' */\n", s->gateways[g].name, s->boxes[s->gateways[g].box].name);
        fprintf(f, "int64_t __attribute__((cmse_nonsecure_entry, used)) bh_nsc_%s(int32_t op, const void *in, "
                   "uint32_t counts, void *out);\n", s->gateways[g].name);
        fprintf(f, "int64_t __attribute__((cmse_nonsecure_entry, used)) bh_nsc_%s(int32_t op, const void *in, "
                   "uint32_t counts, void *out)\n{\n", s->gateways[g].name);
        fprintf(f, "    return bh_nsc_enter(BH_GW_%s, op, (uint32_t)(uintptr_t)in, counts, (uint32_t)(uintptr_t)out);\n}\n",
                up);
    }
    fprintf(f, "\nint64_t __attribute__((cmse_nonsecure_entry, used)) bh_nsc_log(const char *text, uint32_t len);\n");
    fprintf(f, "int64_t __attribute__((cmse_nonsecure_entry, used)) bh_nsc_log(const char *text, uint32_t len)\n{\n");
    fprintf(f, "    return bh_nsc_log_enter((uint32_t)(uintptr_t)text, len);\n}\n");
    return out_close(o, f, d);
}

static void put_call(FILE *f, const emit_ctx_t *c)
{
    const bh_system_t *s = &c->l->sys;
    char up[MF_STR_MAX];
    fprintf(f, "/*\n * Calls gateway gw through its veneer: in / out are n_in / n_out vectors\n"
               " * (NS memory). Returns the kernel's verdict (BH_OK or BH_E_*); when it is\n"
               " * BH_OK and status is not NULL, *status = the server's reply status. A\n"
               " * gateway not granted to the non-secure world is BH_E_DENIED, decided here\n"
               " * without entering the secure world (the kernel would refuse it too).\n */\n");
    fprintf(f, "static inline int32_t bh_ns_call(uint32_t gw, int32_t op, const bh_iovec_t *in, uint32_t n_in, "
               "bh_iovec_t *out,\n                                 uint32_t n_out, int32_t *status)\n{\n");
    if (ngranted(c) == 0u) {
        fprintf(f, "    (void)gw;\n    (void)op;\n    (void)in;\n    (void)n_in;\n    (void)out;\n    (void)n_out;\n"
                   "    (void)status;\n    return BH_E_DENIED;\n}\n");
        return;
    }
    fprintf(f, "    uint32_t counts = n_in | (n_out << 8);\n    int64_t r;\n    switch (gw) {\n");
    for (unsigned g = 0; g < s->ngateways; g++) {
        if (granted(c, g)) {
            emit_upper(s->gateways[g].name, up);
            fprintf(f, "    case BH_GW_%s:\n        r = bh_nsc_%s(op, in, counts, out);\n        break;\n", up,
                    s->gateways[g].name);
        }
    }
    fprintf(f, "    default:\n        return BH_E_DENIED;\n    }\n");
    fprintf(f, "    int32_t verdict = (int32_t)(uint32_t)((uint64_t)r & 0xFFFFFFFFu);\n");
    fprintf(f, "    if (verdict == BH_OK && status != NULL) {\n");
    fprintf(f, "        *status = (int32_t)(uint32_t)((uint64_t)r >> 32);\n    }\n    return verdict;\n}\n");
}

static bool emit_header(outset_t *o, const emit_ctx_t *c, diags_t *d)
{
    const bh_system_t *s = &c->l->sys;
    FILE *f = out_open(o, "bh_ns.h", d);
    if (f == NULL) {
        return false;
    }
    emit_banner(f, c, "/*", "*/");
    fprintf(f, "/* For the non-secure image: the secure kernel's entry veneers (their addresses\n"
               "   come from the kernel's import library) and the calls built on them. */\n");
    fprintf(f, "#ifndef BH_NS_H\n#define BH_NS_H\n\n#include <stddef.h>\n#include <stdint.h>\n\n");
    fprintf(f, "#include <bulkhead/abi.h>\n\n#include \"bh_ids.h\"\n\n");
    fprintf(f, "/* Each returns the kernel's verdict in the low 32 bits, the server's status in the high 32. */\n");
    for (unsigned g = 0; g < s->ngateways; g++) {
        if (granted(c, g)) {
            fprintf(f, "int64_t bh_nsc_%s(int32_t op, const void *in, uint32_t counts, void *out);\n",
                    s->gateways[g].name);
        }
    }
    fprintf(f, "int64_t bh_nsc_log(const char *text, uint32_t len);\n\n");
    put_call(f, c);
    fprintf(f, "\n/* Writes len bytes of text to the kernel console, tagged as the non-secure world.\n"
               "   Returns the kernel's verdict (BH_OK, or BH_E_RATE when over its rate). */\n");
    fprintf(f, "static inline int32_t bh_ns_log(const char *text, uint32_t len)\n{\n");
    fprintf(f, "    return (int32_t)(uint32_t)((uint64_t)bh_nsc_log(text, len) & 0xFFFFFFFFu);\n}\n");
    fprintf(f, "\n#endif\n");
    return out_close(o, f, d);
}

static bool emit_ns_ld(outset_t *o, const emit_ctx_t *c, diags_t *d)
{
    const bh_box_desc_t *x = &c->l->sys.boxes[c->l->sys.ns.box];
    FILE *f = out_open(o, "nonsecure.ld", d);
    if (f == NULL) {
        return false;
    }
    emit_banner(f, c, "/*", "*/");
    fprintf(f, "/* The non-secure image: linked at NS alias addresses, vector table first\n"
               "   (VTOR_NS = the start of NS_CODE), stack at the top of NS_RAM. */\n");
    fprintf(f, "ENTRY(ns_reset)\nMEMORY {\n");
    fprintf(f, "  NS_CODE (rx) : ORIGIN = 0x%08" PRIX32 ", LENGTH = 0x%08" PRIX32 "\n", x->code_base, x->code_size);
    fprintf(f, "  NS_RAM (rw)  : ORIGIN = 0x%08" PRIX32 ", LENGTH = 0x%08" PRIX32 "\n", x->ram_base, x->ram_size);
    fprintf(f, "}\n__ns_stack_top = ORIGIN(NS_RAM) + LENGTH(NS_RAM);\nSECTIONS {\n");
    fprintf(f, "  .vectors : { KEEP(*(.vectors)) } > NS_CODE\n");
    fprintf(f, "  .text : { *(.text .text.*) *(.rodata .rodata.*) . = ALIGN(4); } > NS_CODE\n");
    fprintf(f, "  .ARM.exidx : { *(.ARM.exidx*) } > NS_CODE\n");
    fprintf(f, "  .data : { __ns_data_start = .; *(.data .data.*) . = ALIGN(4); __ns_data_end = .; } > NS_RAM AT > "
               "NS_CODE\n");
    fprintf(f, "  __ns_data_load = LOADADDR(.data);\n");
    fprintf(f, "  .bss (NOLOAD) : { __ns_bss_start = .; *(.bss .bss.* COMMON) . = ALIGN(4); __ns_bss_end = .; } > "
               "NS_RAM\n");
    fprintf(f, "  /DISCARD/ : { *(.ARM.attributes) *(.comment) }\n}\n");
    return out_close(o, f, d);
}

bool emit_ns(outset_t *o, const emit_ctx_t *c, diags_t *d)
{
    if (c->l->sys.ns.box == BH_NO_NS) {
        return true;
    }
    return emit_veneers(o, c, d) && emit_header(o, c, d) && emit_ns_ld(o, c, d);
}
