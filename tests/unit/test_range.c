/*
 * test_range.c — range.h: overflow-safe range arithmetic.
 *
 * Each predicate is checked on chosen edge cases and exhaustively against
 * a 64-bit reference on two small universes: near 0 and near 4 GiB (where
 * a 32-bit "base + size" would wrap).
 * Runs: host.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "range.h"

#define SPAN 9u /* universe: offsets 0..8 from an origin */

static bool ref_valid(uint32_t base, uint32_t size)
{
    return (uint64_t)base + size <= (1ull << 32);
}

static bool ref_within(uint32_t a, uint32_t an, uint32_t b, uint32_t bn)
{
    return a >= b && (uint64_t)a + an <= (uint64_t)b + bn;
}

static bool ref_overlap(uint32_t a, uint32_t an, uint32_t b, uint32_t bn)
{
    uint64_t lo = a > b ? a : b;
    uint64_t hi_a = (uint64_t)a + an, hi_b = (uint64_t)b + bn;
    return an != 0u && bn != 0u && lo < (hi_a < hi_b ? hi_a : hi_b);
}

static void test_range_valid_allows_end_at_4gib_and_rejects_wrap(void **state)
{
    (void)state;
    assert_true(bh_range_valid(0xFFFFFFFFu, 1u));
    assert_true(bh_range_valid(0u, 0xFFFFFFFFu));
    assert_true(bh_range_valid(0xFFFFFFFFu, 0u));
    assert_false(bh_range_valid(0xFFFFFFFFu, 2u));
    assert_true(bh_range_valid(1u, 0xFFFFFFFFu)); /* ends exactly at 2^32 */
    assert_false(bh_range_valid(2u, 0xFFFFFFFFu));
    assert_false(bh_range_valid(0x80000000u, 0x80000001u));
}

static void test_range_within_edges(void **state)
{
    (void)state;
    assert_true(bh_range_within(0x1000u, 0x100u, 0x1000u, 0x100u));  /* equal */
    assert_false(bh_range_within(0xFFFu, 0x10u, 0x1000u, 0x100u));   /* starts before */
    assert_false(bh_range_within(0x10F8u, 0x10u, 0x1000u, 0x100u));  /* ends after */
    assert_true(bh_range_within(0x1100u, 0u, 0x1000u, 0x100u));      /* empty at the end */
    assert_false(bh_range_within(0x1101u, 0u, 0x1000u, 0x100u));     /* empty past the end */
    assert_false(bh_range_within(0x1000u, 0x101u, 0x1000u, 0x100u)); /* larger than container */
    assert_true(bh_range_within(0xFFFFFFF0u, 0x10u, 0xFFFFFF00u, 0x100u));
}

static void test_range_overlap_ignores_empty_and_adjacent_ranges(void **state)
{
    (void)state;
    assert_false(bh_range_overlap(0x1000u, 0u, 0x1000u, 0x10u));
    assert_false(bh_range_overlap(0x1000u, 0x10u, 0x1008u, 0u));
    assert_false(bh_range_overlap(0x1000u, 0x10u, 0x1010u, 0x10u));
    assert_false(bh_range_overlap(0x1010u, 0x10u, 0x1000u, 0x10u));
    assert_true(bh_range_overlap(0x1000u, 0x11u, 0x1010u, 0x10u));
    assert_true(bh_range_overlap(0x1000u, 0x100u, 0x1040u, 0x4u));
    assert_true(bh_range_overlap(0xFFFFFFFFu, 1u, 0xFFFFFF00u, 0x100u));
}

/* Every combination of a, an, b, bn in origin + [0, SPAN) against the reference. */
static void check_universe(uint32_t origin)
{
    for (uint32_t a = 0; a < SPAN; a++) {
        for (uint32_t an = 0; an < SPAN; an++) {
            uint32_t ra = origin + a;
            assert_int_equal(bh_range_valid(ra, an), ref_valid(ra, an));
            for (uint32_t b = 0; b < SPAN; b++) {
                for (uint32_t bn = 0; bn < SPAN; bn++) {
                    uint32_t rb = origin + b;
                    if (!ref_valid(ra, an) || !ref_valid(rb, bn)) {
                        continue; /* outside both predicates' preconditions */
                    }
                    assert_int_equal(bh_range_within(ra, an, rb, bn), ref_within(ra, an, rb, bn));
                    assert_int_equal(bh_range_overlap(ra, an, rb, bn), ref_overlap(ra, an, rb, bn));
                }
            }
        }
    }
}

static void test_range_predicates_match_64bit_reference_near_zero(void **state)
{
    (void)state;
    check_universe(0u);
}

static void test_range_predicates_match_64bit_reference_near_4gib(void **state)
{
    (void)state;
    check_universe(0u - SPAN); /* the largest base is 0xFFFFFFFF */
}

static void test_range_overlap_is_symmetric(void **state)
{
    (void)state;
    for (uint32_t a = 0; a < SPAN; a++) {
        for (uint32_t an = 0; an < SPAN; an++) {
            for (uint32_t b = 0; b < SPAN; b++) {
                for (uint32_t bn = 0; bn < SPAN; bn++) {
                    assert_int_equal(bh_range_overlap(a, an, b, bn), bh_range_overlap(b, bn, a, an));
                }
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_range_valid_allows_end_at_4gib_and_rejects_wrap),
        cmocka_unit_test(test_range_within_edges),
        cmocka_unit_test(test_range_overlap_ignores_empty_and_adjacent_ranges),
        cmocka_unit_test(test_range_predicates_match_64bit_reference_near_zero),
        cmocka_unit_test(test_range_predicates_match_64bit_reference_near_4gib),
        cmocka_unit_test(test_range_overlap_is_symmetric),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
