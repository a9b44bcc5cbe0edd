/*
 * layout_v7.c — PMSAv7 box layout: rounding, first-fit packing and the
 * choice of packing order (see layout_v7.h). bh_pmsav7_encode() is the rule;
 * the closed forms here only propose: diagnose.c checks every placed slot
 * against it, and pmsav7_test.c checks these forms against it exhaustively.
 * Runs: host only. All arithmetic on addresses is done in 64 bits.
 */
#include "layout_v7.h"

#include <string.h>

#include "pmsav7.h" /* BH_PMSAV7_SUBREGIONS */

#define SPACE (1ull << 32)
#define SUB_SHIFT_MIN 5u  /* sub-regions of 32 bytes (R = 256) */
#define SUB_SHIFT_MAX 29u /* sub-regions of 512 MiB (R = 4 GiB) */
#define MAX_PASSES 16u    /* rounds of pairwise swaps when improving an order */

static uint64_t align_up(uint64_t v, uint64_t a)
{
    return (v + a - 1u) / a * a;
}

/* A slot is one region iff it is k sub-regions of 2^j (1 <= k <= 8,
 * j >= 5) inside one 2^(j+3) block; whole regions of 32..128 bytes are the
 * k = 1, 2, 4 cases of j = 5. */
uint64_t v7_round_size(uint64_t want)
{
    uint64_t best = 0;
    for (unsigned j = SUB_SHIFT_MIN; j <= SUB_SHIFT_MAX; j++) {
        uint64_t sub = 1ull << j;
        uint64_t k = want == 0u ? 1u : (want + sub - 1u) / sub;
        if (k <= BH_PMSAV7_SUBREGIONS && (best == 0u || k * sub < best)) {
            best = k * sub;
        }
    }
    return best;
}

uint64_t v7_lowest_base(uint64_t from, uint64_t size)
{
    uint64_t best = V7_NO_BASE;
    for (unsigned j = SUB_SHIFT_MIN; size != 0u && j <= SUB_SHIFT_MAX; j++) {
        uint64_t sub = 1ull << j;
        uint64_t r = sub * BH_PMSAV7_SUBREGIONS;
        if (size % sub != 0u || size / sub > BH_PMSAV7_SUBREGIONS) {
            continue;
        }
        uint64_t b = align_up(from, sub);
        if (b % r + size > r) {
            b = align_up(b, r);
        }
        if (b + size <= SPACE && b < best) {
            best = b;
        }
    }
    return best;
}

/* ---- packing one memory ------------------------------------------------ */

typedef struct {
    uint16_t n;
    uint64_t start, end;           /* free range of the memory */
    uint64_t size[BH_MAX_BOXES];   /* rounded slot; 0 = not representable */
    uint64_t base[BH_MAX_BOXES];
    bool placed[BH_MAX_BOXES];
    unsigned missing;              /* slots that found no place */
    uint64_t top;                  /* end of the highest placed slot */
} plan_t;

/* End of a placed slot overlapping [base, base+size), or 0 when none does. */
static uint64_t clash_end(const plan_t *p, uint64_t base, uint64_t size)
{
    for (uint16_t i = 0; i < p->n; i++) {
        if (p->placed[i] && base < p->base[i] + p->size[i] && p->base[i] < base + size) {
            return p->base[i] + p->size[i];
        }
    }
    return 0u;
}

/* Lowest base >= start where 'size' is one region and clear of every
 * placed slot, ending by 'end'. Each step moves strictly upwards. */
static bool find_place(const plan_t *p, uint64_t size, uint64_t *out)
{
    uint64_t b = p->start;
    for (;;) {
        b = v7_lowest_base(b, size);
        if (b == V7_NO_BASE || b + size > p->end) {
            return false;
        }
        uint64_t clash = clash_end(p, b, size);
        if (clash == 0u) {
            *out = b;
            return true;
        }
        b = clash;
    }
}

static void plan_run(plan_t *p, const uint16_t *order)
{
    memset(p->placed, 0, sizeof p->placed);
    p->missing = 0;
    p->top = p->start;
    for (uint16_t k = 0; k < p->n; k++) {
        uint16_t i = order[k];
        if (find_place(p, p->size[i], &p->base[i])) {
            p->placed[i] = true;
            p->top = p->base[i] + p->size[i] > p->top ? p->base[i] + p->size[i] : p->top;
        } else {
            p->missing++;
        }
    }
}

/* Fewer slots left out, then a lower end: fewer bytes skipped. */
static bool better(const plan_t *a, const plan_t *b)
{
    return a->missing < b->missing || (a->missing == b->missing && a->top < b->top);
}

static uint64_t key_size(uint64_t s)
{
    return s;
}

static uint64_t key_align(uint64_t s)
{
    return s & (~s + 1u); /* largest power of two dividing s: how aligned the slot must be */
}

/* order = 0..n-1 stably sorted by key(size) descending (key NULL: as is). */
static void make_order(uint16_t *order, const plan_t *p, uint64_t (*key)(uint64_t))
{
    for (uint16_t k = 0; k < p->n; k++) {
        uint16_t i = k;
        for (; key != NULL && i > 0u && key(p->size[order[i - 1u]]) < key(p->size[k]); i--) {
            order[i] = order[i - 1u];
        }
        order[i] = k;
    }
}

/* Tries pairwise swaps of 'order' while one makes the plan better. */
static void improve(plan_t *best, uint16_t *order)
{
    plan_t t = *best;
    bool again = true;
    for (unsigned pass = 0; again && pass < MAX_PASSES; pass++) {
        again = false;
        for (uint16_t a = 0; a < best->n; a++) {
            for (uint16_t b = (uint16_t)(a + 1u); b < best->n; b++) {
                uint16_t x = order[a];
                order[a] = order[b];
                order[b] = x;
                plan_run(&t, order);
                if (better(&t, best)) {
                    *best = t;
                    again = true;
                } else {
                    order[b] = order[a];
                    order[a] = x;
                }
            }
        }
    }
}

static void plan_search(plan_t *p)
{
    uint64_t (*const keys[])(uint64_t) = {NULL, key_size, key_align};
    uint16_t order[BH_MAX_BOXES];
    uint16_t best_order[BH_MAX_BOXES];
    plan_t best = *p;
    plan_t t = *p;
    for (size_t c = 0; c < sizeof keys / sizeof keys[0]; c++) {
        make_order(order, p, keys[c]);
        plan_run(&t, order);
        if (c == 0u || better(&t, &best)) {
            best = t;
            memcpy(best_order, order, sizeof order);
        }
    }
    improve(&best, best_order);
    *p = best;
}

/* ---- one arena: ask, pack, account --------------------------------------- */

static void arena_ask(arena_t *a, plan_t *p, uint16_t i, uint64_t asked)
{
    uint64_t rounded = v7_round_size(asked);
    a->asked[i] = asked;
    a->want[i] = rounded != 0u ? rounded : asked;
    a->need += a->want[i];
    p->size[i] = rounded;
}

/* The largest size below 'want' such that a slot of every representable
 * size up to it still has a place, so "at most that" is true advice for
 * any size (a smaller slot can need an alignment a larger one did not). */
static uint64_t largest_fit(const plan_t *p, uint64_t want)
{
    uint64_t base = 0;
    uint64_t fits = 0;
    for (uint64_t s = BH_PMSAV7_MIN_REGION; s != 0u && s < want; s = v7_round_size(s + 1u)) {
        if (!find_place(p, s, &base)) {
            break;
        }
        fits = s;
    }
    return fits;
}

/* Bytes skipped below each placed slot, walking the slots in address order. */
static void account_skips(arena_t *a, const plan_t *p)
{
    uint64_t prev = a->free_base;
    for (uint16_t done = 0; done < p->n; done++) {
        int next = -1;
        for (uint16_t i = 0; i < p->n; i++) {
            if (p->placed[i] && p->base[i] >= prev && (next < 0 || p->base[i] < p->base[next])) {
                next = i;
            }
        }
        if (next < 0) {
            return;
        }
        a->skip[next] = p->base[next] - prev;
        prev = p->base[next] + p->size[next];
    }
}

/* Packs the arena; base[i] receives each slot's base (past the end of the
 * memory when it does not fit). */
static void arena_pack(arena_t *a, plan_t *p, uint64_t *base)
{
    a->pmsav7 = true;
    p->start = a->free_base;
    p->end = a->mem != NULL ? a->free_end : a->free_base;
    plan_search(p);
    for (uint16_t i = 0; i < p->n; i++) {
        a->nofit[i] = !p->placed[i];
        base[i] = p->placed[i] ? p->base[i] : a->free_end;
        a->maxfit[i] = p->placed[i] ? 0u : largest_fit(p, a->want[i]);
        a->left[i] = a->maxfit[i];
    }
    account_skips(a, p);
}

static uint32_t clamp_base(uint64_t base, uint32_t align)
{
    return base <= UINT32_MAX - (align - 1u) ? (uint32_t)base : (uint32_t)(UINT32_MAX - (align - 1u));
}

static uint32_t clamp_size(uint64_t size, uint32_t align)
{
    return size <= UINT32_MAX ? (uint32_t)size : UINT32_MAX & ~(align - 1u);
}

void layout_v7_memory(layout_t *l, const manifest_t *m, const board_t *b)
{
    uint32_t align = board_align(b);
    plan_t code = {.n = m->nboxes};
    plan_t ram = {.n = m->nboxes};
    uint64_t code_base[BH_MAX_BOXES];
    uint64_t ram_base[BH_MAX_BOXES];
    for (uint16_t i = 0; i < m->nboxes; i++) {
        const mf_box_t *bx = &m->box[i];
        uint64_t stack = align_up(bx->stack.v, align);
        arena_ask(&l->code, &code, i, align_up(bx->code.v, align));
        arena_ask(&l->ram, &ram, i, stack + align_up(bx->data.v, align));
        l->sys.boxes[i].stack_size = (uint32_t)stack;
    }
    arena_pack(&l->code, &code, code_base);
    arena_pack(&l->ram, &ram, ram_base);
    for (uint16_t i = 0; i < m->nboxes; i++) {
        bh_box_desc_t *box = &l->sys.boxes[i];
        box->code_base = clamp_base(code_base[i], align);
        box->code_size = clamp_size(l->code.want[i], align);
        box->ram_base = clamp_base(ram_base[i], align);
        box->ram_size = clamp_size(l->ram.want[i], align);
        box->regions[0] = (bh_region_t){.base = box->code_base, .size = box->code_size,
                                        .access = BH_ACC_R | BH_ACC_X, .kind = BH_RK_CODE, .periph = 0xFFFFu};
        box->regions[1] = (bh_region_t){.base = box->ram_base, .size = box->ram_size,
                                        .access = BH_ACC_R | BH_ACC_W, .kind = BH_RK_RAM, .periph = 0xFFFFu};
    }
}
