/*
 * pmsav7_test.c — unit tests of the PMSAv7 representability rule
 * (kernel/core/pmsav7.c) and of the layout helpers built on it
 * (tools/bhgen/layout_v7.c). One ctest test per property:
 *   pmsav7_test encodes_known_regions         hand-worked RBAR/SIZE/SRD values
 *   pmsav7_test rejects_unrepresentable_ranges  empty, wrapping, misaligned, runs across a block
 *   pmsav7_test matches_every_region_decoded  exhaustive: every (R, base, SRD) decoded
 *                                             over a 16 KiB window vs bh_pmsav7_encode
 *   pmsav7_test rounds_to_smallest_region     v7_round_size vs a scan with bh_pmsav7_encode
 *   pmsav7_test places_at_lowest_base         v7_lowest_base vs a scan with bh_pmsav7_encode
 * Runs: host (test only).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_v7.h"
#include "pmsav7.h"

static int failures;

static void expect(bool ok, const char *what)
{
    if (!ok) {
        printf("FAIL: %s\n", what);
        failures++;
    }
}

/* RASR.SIZE and RASR.SRD for region size 2^n and an SRD byte. */
static uint32_t rasr(uint32_t n, uint32_t srd)
{
    return (srd << 8) | ((n - 1u) << 1);
}

static bool enc_is(uint32_t base, uint32_t size, uint32_t want_rbar, uint32_t want_rasr)
{
    uint32_t rb = 0xDEADBEEFu;
    uint32_t rs = 0xDEADBEEFu;
    return bh_pmsav7_encode(base, size, &rb, &rs) && rb == want_rbar && rs == want_rasr;
}

static bool enc_fails(uint32_t base, uint32_t size)
{
    uint32_t rb = 0xDEADBEEFu;
    uint32_t rs = 0xDEADBEEFu;
    return !bh_pmsav7_encode(base, size, &rb, &rs) && rb == 0xDEADBEEFu && rs == 0xDEADBEEFu;
}

static void encodes_known_regions(void)
{
    expect(enc_is(0x20000000u, 32u, 0x20000000u, rasr(5, 0)), "smallest region, whole");
    expect(enc_is(0x20000040u, 64u, 0x20000040u, rasr(6, 0)), "64 aligned to 64: whole region");
    expect(enc_is(0x20000020u, 64u, 0x20000000u, rasr(8, 0xF9)), "64 at 32: sub-regions 1-2 of 256");
    expect(enc_is(0x0u, 96u, 0x0u, rasr(8, 0xF8)), "96 bytes: sub-regions 0-2 of 256");
    expect(enc_is(0x20010000u, 0x600u, 0x20010000u, rasr(11, 0xC0)), "0x600: six eighths of 0x800");
    expect(enc_is(0x20010600u, 0x600u, 0x20010000u, rasr(12, 0xC7)), "0x600 at 0x600: eighths 3-5 of 0x1000");
    expect(enc_is(0x00020000u, 0x4000u, 0x00020000u, rasr(14, 0)), "16 KiB code slot, whole region");
    expect(enc_is(0x40200000u, 0x100000u, 0x40200000u, rasr(20, 0)), "1 MiB device window");
    expect(enc_is(0x00001C00u, 0x400u, 0x00001C00u, rasr(10, 0)), "pow2 size aligned: whole, not a sub-region");
    expect(enc_is(0x80000000u, 0x80000000u, 0x80000000u, rasr(31, 0)), "2 GiB at 2 GiB");
    expect(enc_is(0x20000000u, 0xE0000000u, 0x0u, rasr(32, 0x01)), "7/8 of the 4 GiB region");
    expect(enc_is(0xFFFFFF00u, 0x100u, 0xFFFFFF00u, rasr(8, 0)), "last 256 bytes of the address space");
}

static void rejects_unrepresentable_ranges(void)
{
    expect(enc_fails(0x20000000u, 0u), "size 0");
    expect(enc_fails(0xFFFFFFE0u, 0x40u), "wraps past 4 GiB");
    expect(enc_fails(0x20000010u, 32u), "base not 32-aligned");
    expect(enc_fails(0x20000000u, 48u), "size not a multiple of 32");
    expect(enc_fails(0x20000000u, 0x900u), "nine eighths: 0x900 is no region");
    expect(enc_fails(0x20010C00u, 0x600u), "0x600 at 0xC00 crosses every block");
    expect(enc_fails(0x00000700u, 0x300u), "run crosses a 0x800 boundary");
    expect(enc_fails(0x000000E0u, 64u), "run of 32-byte sub-regions crosses a 256 boundary");
}

/* ---- exhaustive model ---------------------------------------------------- */

#define WIN 0x4000u          /* window of addresses modelled */
#define GRAN 32u
#define SLOTS (WIN / GRAN)   /* base positions */
#define MAX_N 17u            /* regions up to 8 * WIN: sub-regions up to WIN */

/* min_n[base/32][size/32] = smallest region size exponent that covers
 * exactly [base, base+size), 0 when none does. */
static uint8_t (*min_n)[SLOTS + 1u];

static void record(uint64_t lo, uint64_t hi, uint32_t n)
{
    if (hi > WIN || lo % GRAN != 0u || hi % GRAN != 0u) {
        return;
    }
    uint8_t *cell = &min_n[lo / GRAN][(hi - lo) / GRAN];
    if (*cell == 0u || n < *cell) {
        *cell = (uint8_t)n;
    }
}

/* Decodes every region that can touch the window, with every SRD value,
 * and records the ones whose enabled bytes are one contiguous range. */
static void build_model(void)
{
    for (uint32_t n = 5; n <= MAX_N; n++) {
        uint64_t r = 1ull << n;
        uint64_t sub = r / 8u;
        for (uint64_t rb = 0; rb < WIN; rb += r) {
            for (uint32_t srd = 0; srd < (r >= 256u ? 256u : 1u); srd++) {
                uint32_t on = ~srd & 0xFFu;
                if (on == 0u || ((on >> __builtin_ctz(on)) & ((on >> __builtin_ctz(on)) + 1u)) != 0u) {
                    continue; /* nothing enabled, or not one run */
                }
                uint32_t first = (uint32_t)__builtin_ctz(on);
                uint32_t last = 31u - (uint32_t)__builtin_clz(on);
                record(rb + first * sub, rb + (last + 1u) * sub, n);
            }
        }
    }
}

/* Decodes an encoding back to the enabled range; false if not one run. */
static bool decode(uint32_t rb, uint32_t rs, uint64_t *lo, uint64_t *hi, uint32_t *n)
{
    *n = ((rs >> 1) & 0x1Fu) + 1u;
    uint64_t r = 1ull << *n;
    uint32_t on = ~(rs >> 8) & 0xFFu;
    if (rb % r != 0u || on == 0u || (r < 256u && on != 0xFFu) || (rs & ~0xFF3Eu) != 0u) {
        return false;
    }
    uint32_t first = (uint32_t)__builtin_ctz(on);
    uint32_t last = 31u - (uint32_t)__builtin_clz(on);
    *lo = rb + first * (r / 8u);
    *hi = rb + (last + 1u) * (r / 8u);
    return ((on >> first) & ((on >> first) + 1u)) == 0u;
}

static void matches_every_region_decoded(void)
{
    min_n = calloc(SLOTS, sizeof *min_n);
    if (min_n == NULL) {
        expect(false, "out of memory");
        return;
    }
    build_model();
    unsigned agree = 0;
    for (uint32_t b = 0; b < SLOTS; b++) {
        for (uint32_t k = 1; b + k <= SLOTS; k++) {
            uint32_t rb = 0;
            uint32_t rs = 0;
            uint64_t lo = 0;
            uint64_t hi = 0;
            uint32_t n = 0;
            bool ok = bh_pmsav7_encode(b * GRAN, k * GRAN, &rb, &rs);
            bool want = min_n[b][k] != 0u;
            bool exact = !ok || (decode(rb, rs, &lo, &hi, &n) && lo == b * GRAN && hi == (b + k) * GRAN);
            if (ok != want || !exact || (ok && n != min_n[b][k])) {
                if (failures < 10) {
                    printf("base 0x%X size 0x%X: encode %d model %d (n %u vs %u)\n", b * GRAN, k * GRAN, ok, want,
                           n, min_n[b][k]);
                }
                failures++;
            } else {
                agree++;
            }
        }
    }
    expect(agree == SLOTS * (SLOTS + 1u) / 2u, "every (base, size) in the window agrees with the model");
    free(min_n);
}

/* ---- layout helpers -------------------------------------------------------- */

static bool representable(uint64_t size)
{
    uint32_t rb = 0;
    uint32_t rs = 0;
    return size <= 0xFFFFFFFFu && bh_pmsav7_encode(0, (uint32_t)size, &rb, &rs); /* base 0 is aligned to any R */
}

static void rounds_to_smallest_region(void)
{
    uint64_t next = 0;
    for (uint64_t want = 0x20000u; want >= 1u; want--) {
        if (representable(want)) {
            next = want;
        }
        if (v7_round_size(want) != next) {
            printf("round(0x%llX) = 0x%llX, want 0x%llX\n", (unsigned long long)want,
                   (unsigned long long)v7_round_size(want), (unsigned long long)next);
            failures++;
            return;
        }
    }
    expect(v7_round_size(0x900u) == 0xA00u, "0x900 rounds to 0xA00");
    expect(v7_round_size(0x3E0000u) == 0x400000u, "0x3E0000 rounds to 4 MiB");
    expect(v7_round_size(0x100000000ull) == 0x100000000ull, "4 GiB is one region");
    expect(v7_round_size(0x100000001ull) == 0u, "beyond 4 GiB: none");
}

static void places_at_lowest_base(void)
{
    for (uint64_t size = 32u; size <= 0x1000u; size += 32u) {
        if (!representable(size)) {
            expect(v7_lowest_base(0, size) == V7_NO_BASE, "an unrepresentable size has no base");
            continue;
        }
        for (uint64_t from = 0; from <= 0x2000u; from += 16u) {
            uint64_t b = (from + 31u) / 32u * 32u;
            uint32_t rb = 0;
            uint32_t rs = 0;
            while (!bh_pmsav7_encode((uint32_t)b, (uint32_t)size, &rb, &rs)) {
                b += 32u;
            }
            if (v7_lowest_base(from, size) != b) {
                printf("lowest_base(0x%llX, 0x%llX) = 0x%llX, want 0x%llX\n", (unsigned long long)from,
                       (unsigned long long)size, (unsigned long long)v7_lowest_base(from, size),
                       (unsigned long long)b);
                failures++;
                return;
            }
        }
    }
    expect(v7_lowest_base(0xFFFFFE40u, 0x100u) == 0xFFFFFE40u, "256 bytes at 64-byte alignment as 4 of 8 eighths of 512");
    expect(v7_lowest_base(0x20010C00u, 0x600u) == 0x20011000u, "0x600 after 0xC00 must skip to 0x1000");
    expect(v7_lowest_base(0xFFFFFF01u, 0x100u) == V7_NO_BASE, "no room below 4 GiB");
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        void (*fn)(void);
    } tests[] = {
        {"encodes_known_regions", encodes_known_regions},
        {"rejects_unrepresentable_ranges", rejects_unrepresentable_ranges},
        {"matches_every_region_decoded", matches_every_region_decoded},
        {"rounds_to_smallest_region", rounds_to_smallest_region},
        {"places_at_lowest_base", places_at_lowest_base},
    };
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        if (argc == 2 && strcmp(argv[1], tests[i].name) == 0) {
            tests[i].fn();
            printf("%s: %s, %d failures\n", failures == 0 ? "ok" : "FAIL", argv[1], failures);
            return failures == 0 ? 0 : 1;
        }
    }
    fprintf(stderr, "usage: pmsav7_test TEST\n");
    return 2;
}
