/*
 * board.c — board file schema, loading and self-consistency checks
 * (see board.h; the format is documented in docs/manifest.md).
 * Runs: host only. Trusts: nothing in the board file.
 */
#include "board.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pmsav7.h"
#include "range.h"

static const char *const kind_words[] = {"code", "ram", "device", NULL}; /* = enum bh_region_kind */
static const char *const mpu_words[] = {"pmsav8", "pmsav7", NULL};        /* = enum bd_mpu */

#define U32(k, type, m, req, lo, hi) {k, field_u32, offsetof(type, m), req, lo, hi, 0, NULL, NULL, 0}
#define MAP(k, req, t) {k, field_map, 0, req, 0, 0, 0, NULL, t, FIELDS_N(t)}

static const field_t kcode_fields[] = {
    U32("base", board_t, kcode_base, true, 0, UINT32_MAX),
    U32("size", board_t, kcode_size, true, 1, UINT32_MAX),
};

static const field_t kram_fields[] = {
    U32("base", board_t, kram_base, true, 0, UINT32_MAX),
    U32("size", board_t, kram_size, true, 1, UINT32_MAX),
};

static const field_t kernel_fields[] = {MAP("code", true, kcode_fields), MAP("ram", true, kram_fields)};

static const field_t mem_fields[] = {
    {"name", field_ident, offsetof(bd_memory_t, name), true, 0, 0, 0, NULL, NULL, 0},
    {"kind", field_enum, offsetof(bd_memory_t, kind), true, 0, 0, 0, kind_words, NULL, 0},
    U32("base", bd_memory_t, base, true, 0, UINT32_MAX),
    U32("size", bd_memory_t, size, true, 1, UINT32_MAX),
};

static const field_t ppc_fields[] = {
    U32("reg", bd_periph_t, ppc_reg, true, 0, 0xFFFCu),
    U32("bit", bd_periph_t, ppc_bit, true, 0, 31),
};

static void read_irq_map(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);

static const field_t periph_fields[] = {
    {"name", field_ident, offsetof(bd_periph_t, name), true, 0, 0, 0, NULL, NULL, 0},
    U32("base", bd_periph_t, base, true, 0, UINT32_MAX),
    U32("size", bd_periph_t, size, true, 1, UINT32_MAX),
    {"irqs", read_irq_map, 0, false, 0, 0, 0, NULL, NULL, 0},
    MAP("ppc", false, ppc_fields),
};

static void read_memories(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);
static void read_periphs(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);
static void read_trustzone(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);
static void read_mpcs(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);
static void read_ns_memories(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);

static const field_t mpc_fields[] = {
    {"name", field_ident, offsetof(bd_mpc_t, name), true, 0, 0, 0, NULL, NULL, 0},
    U32("ctl", bd_mpc_t, ctl, true, 0, UINT32_MAX),
    U32("base", bd_mpc_t, base, true, 0, UINT32_MAX),
    U32("size", bd_mpc_t, size, true, 1, UINT32_MAX),
};

static const field_t ns_periph_fields[] = {
    U32("base", board_t, tz.ns_periph_base, true, 0, UINT32_MAX),
    U32("size", board_t, tz.ns_periph_size, true, 1, UINT32_MAX),
};

static const field_t tz_fields[] = {
    U32("alias_offset", board_t, tz.alias_offset, true, 1, UINT32_MAX),
    U32("sau_regions", board_t, tz.sau_regions, true, 1, 255),
    U32("mpc_block", board_t, tz.mpc_block, true, 1, UINT32_MAX),
    U32("nsc_size", board_t, tz.nsc_size, true, 1, UINT32_MAX),
    MAP("ns_periph", true, ns_periph_fields),
    {"mpcs", read_mpcs, 0, true, 0, 0, 0, NULL, NULL, 0},
    {"ns_memories", read_ns_memories, 0, true, 0, 0, 0, NULL, NULL, 0},
};

static const field_t board_fields[] = {
    {"board", field_ident, offsetof(board_t, board), true, 0, 0, 0, NULL, NULL, 0},
    {"arch", field_text, offsetof(board_t, arch), false, 0, 0, 0, NULL, NULL, 0},
    {"cpu", field_text, offsetof(board_t, cpu), false, 0, 0, 0, NULL, NULL, 0},
    U32("clock_hz", board_t, clock_hz, true, 1, UINT32_MAX),
    U32("irq_lines", board_t, irq_lines, true, 1, BD_MAX_IRQ_LINES),
    U32("mpu_regions", board_t, mpu_regions, true, BH_MAX_REGIONS, 255),
    {"mpu", field_enum, offsetof(board_t, mpu), true, 0, 0, 0, mpu_words, NULL, 0},
    U32("region_align", board_t, region_align, true, 1, 0x80000000u),
    {"console", field_ident, offsetof(board_t, console), true, 0, 0, 0, NULL, NULL, 0},
    U32("secctl_base", board_t, secctl_base, false, 0, UINT32_MAX),
    {"memories", read_memories, 0, true, 0, 0, 0, NULL, NULL, 0},
    MAP("kernel", true, kernel_fields),
    {"peripherals", read_periphs, 0, true, 0, 0, 0, NULL, NULL, 0},
    {"kernel_peripherals", field_names, offsetof(board_t, kernel_periphs), false, 0, 0, 0, NULL, NULL, 0},
    {"trustzone", read_trustzone, 0, false, 0, 0, 0, NULL, NULL, 0},
};

static void read_one_irq(pctx_t *p, const yaml_node_pair_t *pair, bd_periph_t *per)
{
    const yaml_node_t *k = ydoc_node(p->y, pair->key);
    int line = ynode_line(k);
    if (per->nirqs == BD_MAX_PERIPH_IRQS) {
        diag_error(p->d, p->y->file, line, "too many IRQs for one peripheral: at most %u", BD_MAX_PERIPH_IRQS);
        return;
    }
    bd_irq_t *q = &per->irq[per->nirqs];
    field_t name_f = {"irq name", field_ident, offsetof(bd_irq_t, name), true, 0, 0, 0, NULL, NULL, 0};
    field_ident(p, k, line, q, &name_f);
    field_t nvic_f = {ynode_text(k), field_u32, offsetof(bd_irq_t, nvic), true, 0, BD_MAX_IRQ_LINES - 1u, 0,
                      NULL, NULL, 0};
    field_u32(p, ydoc_node(p->y, pair->value), line, q, &nvic_f);
    if (q->name.state == MF_SET && q->nvic.state == MF_SET) {
        per->nirqs++;
    }
}

static void read_irq_map(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    (void)f;
    if (val->type != YAML_MAPPING_NODE) {
        diag_error(p->d, p->y->file, line, "'irqs' must be a mapping of IRQ name to NVIC number, got %s",
                   ynode_kind(val));
        return;
    }
    for (const yaml_node_pair_t *pr = val->data.mapping.pairs.start; pr < val->data.mapping.pairs.top; pr++) {
        read_one_irq(p, pr, obj);
    }
}

static void read_one_memory(pctx_t *p, const yaml_node_t *node, void *obj)
{
    board_t *b = obj;
    bd_memory_t *m = &b->mem[b->nmem++];
    m->line = ynode_line(node);
    parse_fields(p, node, "memory", mem_fields, FIELDS_N(mem_fields), m);
}

static void read_memories(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    (void)f;
    each_item(p, val, line, "memories", BH_MAX_MEMORIES, read_one_memory, obj);
}

static void read_one_periph(pctx_t *p, const yaml_node_t *node, void *obj)
{
    board_t *b = obj;
    bd_periph_t *per = &b->periph[b->nperiph++];
    per->line = ynode_line(node);
    parse_fields(p, node, "peripheral", periph_fields, FIELDS_N(periph_fields), per);
}

static void read_periphs(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    (void)f;
    each_item(p, val, line, "peripherals", BD_MAX_PERIPHS, read_one_periph, obj);
}

static void read_one_mpc(pctx_t *p, const yaml_node_t *node, void *obj)
{
    bd_trustzone_t *tz = obj;
    bd_mpc_t *m = &tz->mpc[tz->nmpc++];
    m->line = ynode_line(node);
    parse_fields(p, node, "mpc", mpc_fields, FIELDS_N(mpc_fields), m);
}

static void read_mpcs(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    (void)f;
    each_item(p, val, line, "mpcs", BD_MAX_MPCS, read_one_mpc, &((board_t *)obj)->tz);
}

static void read_one_ns_memory(pctx_t *p, const yaml_node_t *node, void *obj)
{
    bd_trustzone_t *tz = obj;
    bd_memory_t *m = &tz->ns_mem[tz->nns_mem++];
    m->line = ynode_line(node);
    parse_fields(p, node, "non-secure memory", mem_fields, FIELDS_N(mem_fields), m);
}

static void read_ns_memories(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    (void)f;
    each_item(p, val, line, "ns_memories", BH_MAX_MEMORIES, read_one_ns_memory, &((board_t *)obj)->tz);
}

static void read_trustzone(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    (void)f;
    ((board_t *)obj)->tz.line = line;
    parse_fields(p, val, "trustzone", tz_fields, FIELDS_N(tz_fields), obj);
}

int board_find_periph(const board_t *b, const char *name)
{
    for (uint16_t i = 0; i < b->nperiph; i++) {
        if (strcmp(b->periph[i].name.s, name) == 0) {
            return i;
        }
    }
    return -1;
}

bool board_find_irq(const board_t *b, const char *name, uint16_t *periph, uint16_t *slot)
{
    for (uint16_t i = 0; i < b->nperiph; i++) {
        for (uint16_t k = 0; k < b->periph[i].nirqs; k++) {
            if (strcmp(b->periph[i].irq[k].name.s, name) == 0) {
                *periph = i;
                *slot = k;
                return true;
            }
        }
    }
    return false;
}

const bd_memory_t *board_memory_holding(const board_t *b, uint32_t kind, uint32_t base, uint32_t size)
{
    for (uint16_t i = 0; i < b->nmem; i++) {
        const bd_memory_t *m = &b->mem[i];
        if (m->kind.v == kind && bh_range_valid(m->base.v, m->size.v) &&
            bh_range_within(base, size, m->base.v, m->size.v)) {
            return m;
        }
    }
    return NULL;
}

bool board_has_tz(const board_t *b)
{
    return b->tz.line != 0;
}

const bd_mpc_t *board_mpc_holding(const board_t *b, uint32_t base, uint32_t size)
{
    for (uint16_t i = 0; i < b->tz.nmpc; i++) {
        const bd_mpc_t *m = &b->tz.mpc[i];
        if (bh_range_valid(m->base.v, m->size.v) && bh_range_within(base, size, m->base.v, m->size.v)) {
            return m;
        }
    }
    return NULL;
}

const bd_memory_t *board_ns_memory_holding(const board_t *b, uint32_t kind, uint64_t base, uint64_t size)
{
    for (uint16_t i = 0; base + size <= 0x100000000ull && i < b->tz.nns_mem; i++) {
        const bd_memory_t *m = &b->tz.ns_mem[i];
        if (m->kind.v == kind && bh_range_valid(m->base.v, m->size.v) &&
            bh_range_within((uint32_t)base, (uint32_t)size, m->base.v, m->size.v)) {
            return m;
        }
    }
    return NULL;
}

uint32_t board_align(const board_t *b)
{
    return b->region_align.v;
}

bool board_is_pmsav7(const board_t *b)
{
    return b->mpu.state == MF_SET && b->mpu.v == BD_MPU_PMSAV7;
}

/* ---- self-consistency ------------------------------------------------ */

static void check_align(const board_t *b, diags_t *d)
{
    uint32_t a = b->region_align.v;
    if (b->region_align.state == MF_SET && (a < BH_REGION_ALIGN || (a & (a - 1u)) != 0u)) {
        diag_error(d, b->path, b->region_align.line,
                   "'region_align' is %u; it must be a power of two and at least %u (BH_REGION_ALIGN)", a,
                   BH_REGION_ALIGN);
    }
}

static void check_memories(const board_t *b, diags_t *d)
{
    for (uint16_t i = 0; i < b->nmem; i++) {
        const bd_memory_t *m = &b->mem[i];
        if (!bh_range_valid(m->base.v, m->size.v)) {
            diag_error(d, b->path, m->line, "memory '%s' wraps past the end of the address space", m->name.s);
        }
    }
}

static void check_kernel_range(const board_t *b, const char *what, uint32_t kind, const mf_u32_t *base,
                               const mf_u32_t *size, diags_t *d)
{
    if (base->state != MF_SET || size->state != MF_SET) {
        return;
    }
    if (board_memory_holding(b, kind, base->v, size->v) == NULL) {
        diag_error(d, b->path, base->line, "kernel %s range 0x%08X..0x%08X is not inside a memory of kind '%s'",
                   what, base->v, base->v + size->v, kind_words[kind]);
    }
}

static void check_irq_names(const board_t *b, uint16_t i, diags_t *d)
{
    const bd_periph_t *per = &b->periph[i];
    for (uint16_t k = 0; k < per->nirqs; k++) {
        const bd_irq_t *q = &per->irq[k];
        uint16_t pi = 0;
        uint16_t slot = 0;
        if (board_find_irq(b, q->name.s, &pi, &slot) && (pi != i || slot != k)) {
            diag_error(d, b->path, q->name.line, "IRQ name '%s' is already used by peripheral '%s' (line %d)",
                       q->name.s, b->periph[pi].name.s, b->periph[pi].irq[slot].name.line);
        }
        if (q->nvic.v >= b->irq_lines.v) {
            diag_error(d, b->path, q->nvic.line, "IRQ '%s' is number %u but the board has %u IRQ lines",
                       q->name.s, q->nvic.v, b->irq_lines.v);
        }
    }
}

static void check_periphs(const board_t *b, diags_t *d)
{
    for (uint16_t i = 0; i < b->nperiph; i++) {
        const bd_periph_t *per = &b->periph[i];
        int first = board_find_periph(b, per->name.s);
        if (per->name.state == MF_SET && first != i) {
            diag_error(d, b->path, per->line, "duplicate peripheral name '%s' (first at line %d)", per->name.s,
                       b->periph[first].line);
        }
        if (!bh_range_valid(per->base.v, per->size.v)) {
            diag_error(d, b->path, per->line, "peripheral '%s' wraps past the end of the address space",
                       per->name.s);
        }
        check_irq_names(b, i, d);
    }
}

static void check_kernel_periphs(board_t *b, diags_t *d)
{
    for (uint16_t i = 0; i < b->kernel_periphs.n; i++) {
        const mf_str_t *s = &b->kernel_periphs.item[i];
        int k = board_find_periph(b, s->s);
        if (k < 0) {
            diag_error(d, b->path, s->line, "kernel peripheral '%s' is not listed under 'peripherals'", s->s);
        } else {
            b->periph[k].kernel = true;
        }
    }
    if (2u + b->kernel_periphs.n > BH_MAX_RESERVED) {
        diag_error(d, b->path, b->kernel_periphs.line,
                   "%u kernel peripherals: the kernel reserves at most %u ranges (code, RAM and %u peripherals)",
                   b->kernel_periphs.n, BH_MAX_RESERVED, BH_MAX_RESERVED - 2u);
    }
}

/* The smallest range one PMSAv7 region can cover exactly that contains
 * [base, base+size): what a board author could write instead. */
static void pmsav7_cover(uint32_t base, uint32_t size, uint64_t *cbase, uint64_t *csize)
{
    uint64_t end = (uint64_t)base + size;
    *cbase = 0u;
    *csize = 1ull << 32;
    for (unsigned n = 5u; n <= 32u; n++) {
        uint64_t r = 1ull << n;
        uint64_t rb = (uint64_t)base & ~(r - 1u);
        uint64_t sub = r < BH_PMSAV7_MIN_SUBREGIONS ? r : r / BH_PMSAV7_SUBREGIONS;
        uint64_t lo = rb + (base - rb) / sub * sub;
        uint64_t hi = rb + (end - rb + sub - 1u) / sub * sub;
        if (end <= rb + r && hi - lo < *csize) {
            *cbase = lo;
            *csize = hi - lo;
        }
    }
}

/* On a PMSAv7 board every peripheral a box may own must be one region. */
static void check_pmsav7_periphs(const board_t *b, diags_t *d)
{
    for (uint16_t i = 0; board_is_pmsav7(b) && i < b->nperiph; i++) {
        const bd_periph_t *per = &b->periph[i];
        uint32_t rbar = 0;
        uint32_t rasr = 0;
        if (per->kernel || !bh_range_valid(per->base.v, per->size.v) ||
            bh_pmsav7_encode(per->base.v, per->size.v, &rbar, &rasr)) {
            continue;
        }
        uint64_t cb = 0;
        uint64_t cs = 0;
        pmsav7_cover(per->base.v, per->size.v, &cb, &cs);
        diag_error(d, b->path, per->line,
                   "peripheral '%s' (0x%X bytes at 0x%08X) cannot be one PMSAv7 MPU region: a region is a power "
                   "of two R aligned to R, used whole or as a run of R/8 sub-regions (R >= 256); the smallest such "
                   "range around it is 0x%llX bytes at 0x%08llX, or make it a kernel peripheral",
                   per->name.s, per->size.v, per->base.v, (unsigned long long)cs, (unsigned long long)cb);
    }
}

/* ---- trustzone ------------------------------------------------------------ */

static bool pow2_at_least(uint32_t v, uint32_t min)
{
    return v >= min && (v & (v - 1u)) == 0u;
}

static void check_tz_basics(const board_t *b, diags_t *d)
{
    const bd_trustzone_t *tz = &b->tz;
    if (board_is_pmsav7(b)) {
        diag_error(d, b->path, tz->line,
                   "'trustzone' needs an ARMv8-M board with the Security Extension (mpu: pmsav8); board %s has "
                   "mpu: pmsav7",
                   b->board.s);
    }
    if (b->secctl_base.state != MF_SET) {
        diag_error(d, b->path, tz->line,
                   "'trustzone' needs 'secctl_base': the security controller holds the PPC and NSCCFG registers");
    }
    if (tz->mpc_block.state == MF_SET && !pow2_at_least(tz->mpc_block.v, BH_REGION_ALIGN)) {
        diag_error(d, b->path, tz->mpc_block.line, "'mpc_block' is 0x%X; it must be a power of two and at least %u",
                   tz->mpc_block.v, BH_REGION_ALIGN);
    }
    uint64_t kend = (uint64_t)b->kcode_base.v + b->kcode_size.v;
    if (tz->nsc_size.state == MF_SET && b->kcode_size.state == MF_SET &&
        (tz->nsc_size.v % BH_REGION_ALIGN != 0u || kend % BH_REGION_ALIGN != 0u || tz->nsc_size.v >= b->kcode_size.v)) {
        diag_error(d, b->path, tz->nsc_size.line,
                   "'nsc_size' is 0x%X; the NSC window ends the kernel code range (0x%X bytes, ending at 0x%08llX), "
                   "so it must be a multiple of %u (the SAU granule) smaller than that range, which must end on one",
                   tz->nsc_size.v, b->kcode_size.v, (unsigned long long)kend, BH_REGION_ALIGN);
    }
    if (!bh_range_valid(tz->ns_periph_base.v, tz->ns_periph_size.v)) {
        diag_error(d, b->path, tz->ns_periph_base.line, "'ns_periph' wraps past the end of the address space");
    }
    if (b->nmem + tz->nns_mem > BH_MAX_MEMORIES) {
        diag_error(d, b->path, tz->line,
                   "%u memories and %u non-secure memories: the system tables hold at most %u (BH_MAX_MEMORIES)",
                   b->nmem, tz->nns_mem, BH_MAX_MEMORIES);
    }
}

static void check_tz_mpcs(const board_t *b, diags_t *d)
{
    const bd_trustzone_t *tz = &b->tz;
    uint32_t blk = tz->mpc_block.v;
    for (uint16_t i = 0; i < tz->nmpc; i++) {
        const bd_mpc_t *m = &tz->mpc[i];
        if (!bh_range_valid(m->base.v, m->size.v)) {
            diag_error(d, b->path, m->line, "MPC '%s' wraps past the end of the address space", m->name.s);
        } else if (pow2_at_least(blk, BH_REGION_ALIGN) && (m->base.v % blk != 0u || m->size.v % blk != 0u)) {
            diag_error(d, b->path, m->line, "MPC '%s' (0x%X bytes at 0x%08X) is not made of whole 0x%X-byte blocks",
                       m->name.s, m->size.v, m->base.v, blk);
        }
    }
}

/* The Secure memory a non-secure memory shares addresses with, or NULL. */
static const bd_memory_t *secure_overlap(const board_t *b, const bd_memory_t *ns)
{
    for (uint16_t i = 0; i < b->nmem; i++) {
        if (bh_range_overlap(ns->base.v, ns->size.v, b->mem[i].base.v, b->mem[i].size.v)) {
            return &b->mem[i];
        }
    }
    return NULL;
}

static void check_tz_memories(const board_t *b, diags_t *d)
{
    const bd_trustzone_t *tz = &b->tz;
    for (uint16_t i = 0; i < tz->nns_mem; i++) {
        const bd_memory_t *m = &tz->ns_mem[i];
        const bd_memory_t *s = NULL;
        if (m->kind.state == MF_SET && m->kind.v == BH_RK_DEVICE) {
            diag_error(d, b->path, m->kind.line,
                       "non-secure memory '%s' is of kind 'device'; the non-secure world's memories hold code or ram "
                       "(its peripherals come from ns_periph)",
                       m->name.s);
            continue;
        }
        if (!bh_range_valid(m->base.v, m->size.v)) {
            diag_error(d, b->path, m->line, "non-secure memory '%s' wraps past the end of the address space",
                       m->name.s);
            continue;
        }
        if (board_mpc_holding(b, m->base.v, m->size.v) == NULL) {
            diag_error(d, b->path, m->line,
                       "non-secure memory '%s' (0x%X bytes at 0x%08X) is not inside one MPC's range (mpcs): the "
                       "kernel could not make it Non-secure",
                       m->name.s, m->size.v, m->base.v);
        }
        if ((s = secure_overlap(b, m)) != NULL) {
            diag_error(d, b->path, m->line, "non-secure memory '%s' shares addresses with memory '%s' (line %d)",
                       m->name.s, s->name.s, s->line);
        }
    }
}

/* A peripheral the non-secure world may keep needs its NS alias inside
 * ns_periph and a PPC register whose NS twin is BD_PPC_NS_DELTA below. */
static void check_tz_periphs(const board_t *b, diags_t *d)
{
    const bd_trustzone_t *tz = &b->tz;
    for (uint16_t i = 0; i < b->nperiph; i++) {
        const bd_periph_t *per = &b->periph[i];
        uint32_t reg = per->ppc_reg.v;
        if (per->kernel || per->ppc_reg.state != MF_SET) {
            continue;
        }
        if (reg < BD_PPC_SP_FIRST || reg > BD_PPC_SP_LAST || reg % 4u != 0u) {
            diag_error(d, b->path, per->ppc_reg.line,
                       "peripheral '%s': ppc.reg 0x%X is not an unprivileged-access register (AHBSPPPC*/APBSPPPC*, "
                       "0x%X..0x%X), so 0x%X below it is not the register that makes the port Non-secure",
                       per->name.s, reg, BD_PPC_SP_FIRST, BD_PPC_SP_LAST, BD_PPC_NS_DELTA);
        }
        uint64_t ns = (uint64_t)per->base.v - tz->alias_offset.v;
        if (per->base.v < tz->alias_offset.v || !bh_range_within((uint32_t)ns, per->size.v, tz->ns_periph_base.v,
                                                                  tz->ns_periph_size.v)) {
            diag_error(d, b->path, per->line,
                       "peripheral '%s' at 0x%08X has no Non-secure alias (address - alias_offset 0x%X) inside "
                       "ns_periph",
                       per->name.s, per->base.v, tz->alias_offset.v);
        }
    }
}

static void check_trustzone(const board_t *b, diags_t *d)
{
    if (!board_has_tz(b)) {
        return;
    }
    check_tz_basics(b, d);
    check_tz_mpcs(b, d);
    check_tz_memories(b, d);
    check_tz_periphs(b, d);
}

static void check_console(board_t *b, diags_t *d)
{
    b->console_idx = (int16_t)board_find_periph(b, b->console.s);
    if (b->console.state != MF_SET) {
        return;
    }
    if (b->console_idx < 0) {
        diag_error(d, b->path, b->console.line, "console '%s' is not listed under 'peripherals'", b->console.s);
    } else if (!b->periph[b->console_idx].kernel) {
        diag_error(d, b->path, b->console.line, "console '%s' must also be listed in 'kernel_peripherals'",
                   b->console.s);
    }
}

static void check_board(board_t *b, const char *want, diags_t *d)
{
    if (b->board.state == MF_SET && strcmp(b->board.s, want) != 0) {
        diag_error(d, b->path, b->board.line, "board file names board '%s' but lives in directory '%s'",
                   b->board.s, want);
    }
    check_align(b, d);
    check_memories(b, d);
    check_kernel_range(b, "code", BH_RK_CODE, &b->kcode_base, &b->kcode_size, d);
    check_kernel_range(b, "ram", BH_RK_RAM, &b->kram_base, &b->kram_size, d);
    check_periphs(b, d);
    check_kernel_periphs(b, d);
    check_pmsav7_periphs(b, d);
    check_console(b, d);
    check_trustzone(b, d);
}

/* ---- loading ------------------------------------------------------------ */

static bool has_board_file(const char *dir, const char *name)
{
    char path[4096];
    struct stat st;
    int n = snprintf(path, sizeof path, "%s/%s/board.yaml", dir, name);
    return n > 0 && (size_t)n < sizeof path && stat(path, &st) == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "an505, mps3" — the boards found in dir, sorted; "none" if there are none. */
static void list_boards(const char *dir, char *out, size_t size)
{
    char *names[64];
    size_t n = 0;
    DIR *dp = opendir(dir);
    struct dirent *e = NULL;
    while (dp != NULL && n < 64u && (e = readdir(dp)) != NULL) {
        if (e->d_name[0] != '.' && has_board_file(dir, e->d_name) && (names[n] = strdup(e->d_name)) != NULL) {
            n++;
        }
    }
    if (dp != NULL) {
        closedir(dp);
    }
    qsort(names, n, sizeof names[0], by_name);
    snprintf(out, size, "%s", n == 0u ? "none" : "");
    for (size_t i = 0; i < n; i++) {
        strncat(out, i == 0u ? "" : ", ", size - strlen(out) - 1u);
        strncat(out, names[i], size - strlen(out) - 1u);
        free(names[i]);
    }
}

static bool find_board_file(board_t *b, const char *dir, const mf_str_t *name, const char *mfile, diags_t *d)
{
    int n = snprintf(b->path, sizeof b->path, "%s/%s/board.yaml", dir, name->s);
    struct stat st;
    if (n < 0 || (size_t)n >= sizeof b->path) {
        diag_error(d, mfile, name->line, "board directory path is too long");
        return false;
    }
    if (stat(b->path, &st) != 0 && errno == ENOENT) {
        char known[512];
        list_boards(dir, known, sizeof known);
        diag_error(d, mfile, name->line, "unknown board '%s': there is no %s (known boards: %s)", name->s, b->path,
                   known);
        return false;
    }
    return true;
}

bool board_load(board_t *b, const char *boards_dir, const mf_str_t *name, const char *manifest_file, diags_t *d)
{
    memset(b, 0, sizeof *b);
    b->console_idx = -1;
    if (name->state != MF_SET || !find_board_file(b, boards_dir, name, manifest_file, d)) {
        return false;
    }
    size_t before = diag_count(d);
    ydoc_t y;
    if (ydoc_load(&y, b->path, d)) {
        pctx_t p = {&y, d};
        b->line = ynode_line(ydoc_root(&y));
        parse_fields(&p, ydoc_root(&y), "the board file", board_fields, FIELDS_N(board_fields), b);
        check_board(b, name->s, d);
    }
    ydoc_free(&y);
    return diag_count(d) == before;
}
