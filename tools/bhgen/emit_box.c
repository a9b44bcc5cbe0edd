/*
 * emit_box.c — per-box files: boxes/<box>.ld, the linker script that places
 * one box image in its own slot with the image header first, and
 * boxes/<box>_entry.c, the runtime entry that calls the box's entry function.
 *
 * The header is written word by word from the layout of bh_image_header_t
 * (bulkhead/abi.h), so the script and the kernel's header check cannot
 * disagree: words the emitter does not know are written as 0. The entry
 * address carries the Thumb bit (ld gives a Thumb symbol's plain address).
 * Runs: host only.
 */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "emit.h"

#define HDR_WORDS (sizeof(bh_image_header_t) / 4u)
#define HDR_LINE 96u

_Static_assert(sizeof(bh_image_header_t) % 4u == 0u, "header is whole words");
_Static_assert(offsetof(bh_image_header_t, name) % 4u == 0u, "name is word aligned");
_Static_assert(BH_IMAGE_NAME_MAX == 16u && BH_NAME_MAX <= BH_IMAGE_NAME_MAX, "name fits the header");

#define NAME_WORD (offsetof(bh_image_header_t, name) / 4u)
#define NAME_WORDS (BH_IMAGE_NAME_MAX / 4u)

typedef char hdr_text_t[HDR_WORDS][HDR_LINE];

static void word(hdr_text_t t, size_t off, const char *expr, const char *what)
{
    snprintf(t[off / 4u], HDR_LINE, "LONG(%s)%*s/* %s */", expr, (int)(36u - strlen(expr)), "", what);
}

/* "BYTE(0x63) BYTE(0x6F) ..." for the NUL-padded name. */
static void name_bytes(char *out, size_t size, const char *name)
{
    size_t len = strlen(name);
    size_t n = 0;
    for (unsigned i = 0; i < BH_IMAGE_NAME_MAX && n < size; i++) {
        unsigned ch = i < len ? (unsigned char)name[i] : 0u;
        n += (size_t)snprintf(out + n, size - n, "%sBYTE(0x%02X)", i == 0u ? "" : " ", ch);
    }
}

static void fill_header(hdr_text_t t, const emit_ctx_t *c, uint16_t b)
{
    char num[32];
    for (unsigned i = 0; i < HDR_WORDS; i++) {
        word(t, i * 4u, "0", "reserved");
    }
    snprintf(num, sizeof num, "0x%08" PRIX32, (uint32_t)BH_IMAGE_MAGIC);
    word(t, offsetof(bh_image_header_t, magic), num, "magic");
    snprintf(num, sizeof num, "%zu", sizeof(bh_image_header_t));
    word(t, offsetof(bh_image_header_t, header_size), num, "header_size");
    snprintf(num, sizeof num, "%" PRIu32, c->m->box[b].version.v);
    word(t, offsetof(bh_image_header_t, version), num, "version");
    word(t, offsetof(bh_image_header_t, entry), "bh_rt_entry | 1", "entry (Thumb)");
    word(t, offsetof(bh_image_header_t, code_size), "__bh_image_end - ORIGIN(CODE)", "code_size");
    word(t, offsetof(bh_image_header_t, data_load), "LOADADDR(.data)", "data_load");
    word(t, offsetof(bh_image_header_t, data_size), "SIZEOF(.data)", "data_size");
    word(t, offsetof(bh_image_header_t, bss_size), "SIZEOF(.bss)", "bss_size");
    snprintf(num, sizeof num, "%u", (unsigned)BH_ABI_VERSION);
    word(t, offsetof(bh_image_header_t, abi), num, "abi");
    word(t, offsetof(bh_image_header_t, hash), "0", "hash, set by bhgen --seal");
}

static void put_header(FILE *f, const emit_ctx_t *c, uint16_t b)
{
    hdr_text_t t;
    char name[BH_IMAGE_NAME_MAX * 11u];
    fill_header(t, c, b);
    name_bytes(name, sizeof name, c->l->sys.boxes[b].name);
    fprintf(f, "  .bh_header : {\n");
    for (unsigned i = 0; i < HDR_WORDS; i++) {
        if (i == NAME_WORD) {
            fprintf(f, "    %s /* name */\n", name);
        } else if (i < NAME_WORD || i >= NAME_WORD + NAME_WORDS) {
            fprintf(f, "    %s\n", t[i]);
        }
    }
    fprintf(f, "  } > CODE\n");
    fprintf(f, "  ASSERT(SIZEOF(.bh_header) == %zu, \"image header must be %zu bytes\")\n", sizeof(bh_image_header_t),
            sizeof(bh_image_header_t));
}

static void put_memory(FILE *f, const bh_box_desc_t *x)
{
    uint32_t data_base = x->ram_base + x->stack_size;
    fprintf(f, "ENTRY(bh_rt_entry)\n");
    fprintf(f, "MEMORY {\n");
    fprintf(f, "  CODE (rx) : ORIGIN = 0x%08" PRIX32 ", LENGTH = 0x%08" PRIX32 "\n", x->code_base, x->code_size);
    fprintf(f, "  RAM (rw)  : ORIGIN = 0x%08" PRIX32 ", LENGTH = 0x%08" PRIX32 "\n", data_base,
            x->ram_size - x->stack_size);
    fprintf(f, "}\n");
    fprintf(f, "__bh_stack_base = 0x%08" PRIX32 ";\n", x->ram_base);
    fprintf(f, "__bh_stack_top = 0x%08" PRIX32 ";\n", data_base);
    fprintf(f, "__bh_ram_end = 0x%08" PRIX32 ";\n", x->ram_base + x->ram_size);
}

static void put_sections(FILE *f)
{
    fprintf(f, "  .text : { KEEP(*(.text.bh_rt_entry)) *(.text .text.*) *(.rodata .rodata.*) . = ALIGN(4); } > CODE\n");
    fprintf(f, "  .ARM.exidx : { *(.ARM.exidx*) } > CODE\n");
    fprintf(f, "  .data : { *(.data .data.*) . = ALIGN(4); } > RAM AT > CODE\n");
    fprintf(f, "  .bss (NOLOAD) : { *(.bss .bss.* COMMON) . = ALIGN(4); } > RAM\n");
    fprintf(f, "  __bh_image_end = LOADADDR(.data) + SIZEOF(.data);\n");
    fprintf(f, "  /DISCARD/ : { *(.ARM.attributes) *(.comment) }\n");
}

bool emit_box_ld(outset_t *o, const emit_ctx_t *c, uint16_t b, diags_t *d)
{
    const bh_box_desc_t *x = &c->l->sys.boxes[b];
    char rel[OUT_REL_MAX];
    snprintf(rel, sizeof rel, "boxes/%s.ld", x->name);
    FILE *f = out_open(o, rel, d);
    if (f == NULL) {
        return false;
    }
    emit_banner(f, c, "/*", "*/");
    fprintf(f, "/* Box '%s' (id %u): linked alone at the addresses of its slot. */\n", x->name, b);
    put_memory(f, x);
    fprintf(f, "SECTIONS {\n");
    put_header(f, c, b);
    put_sections(f);
    fprintf(f, "}\n");
    return out_close(o, f, d);
}

bool emit_box_entry(outset_t *o, const emit_ctx_t *c, uint16_t b, diags_t *d)
{
    const mf_box_t *bx = &c->m->box[b];
    char rel[OUT_REL_MAX];
    snprintf(rel, sizeof rel, "boxes/%s_entry.c", c->l->sys.boxes[b].name);
    FILE *f = out_open(o, rel, d);
    if (f == NULL) {
        return false;
    }
    emit_banner(f, c, "/*", "*/");
    fprintf(f, "#include <bulkhead/bh.h>\n");
    fprintf(f, "void %s(void);\n", bx->entry.s);
    fprintf(f, "void bh_rt_entry(void) __attribute__((section(\".text.bh_rt_entry\"), noreturn, used));\n");
    fprintf(f, "void bh_rt_entry(void) { %s(); bh_exit(); for (;;) { } }\n", bx->entry.s);
    return out_close(o, f, d);
}
