/*
 * test_umem.c — umem.c: the one user-memory check.
 *
 * Allowed exactly when the range lies wholly inside ONE code or RAM region
 * of the box granting every requested bit (R, W); device regions, execute
 * requests, wrap-around and ranges straddling two regions are denied; an
 * empty range is allowed. Verdicts are the two hardened constants.
 * For the non-secure world the TT answer (bh_arch_ns_range_ok, stubbed
 * here) must also say yes, and it is asked only about allowed ranges.
 * Runs: host.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "umem.h"

enum { CODE, RAM, RAM2, RO, DEV, TOP, NREG };

static int ns_answer;    /* what the stubbed TT check says */
static uint32_t ns_asks; /* how often it was asked */
static uint32_t ns_addr, ns_len, ns_access;

int bh_arch_ns_range_ok(uint32_t addr, uint32_t len, uint32_t access)
{
    ns_asks++;
    ns_addr = addr;
    ns_len = len;
    ns_access = access;
    return ns_answer;
}

static bh_box_desc_t box(void)
{
    bh_box_desc_t d;
    memset(&d, 0, sizeof d);
    d.nregions = NREG;
    d.regions[CODE] = (bh_region_t){0x1000u, 0x100u, BH_ACC_R | BH_ACC_X, BH_RK_CODE, 0xFFFFu};
    d.regions[RAM] = (bh_region_t){0x2000u, 0x100u, BH_ACC_R | BH_ACC_W, BH_RK_RAM, 0xFFFFu};
    d.regions[RAM2] = (bh_region_t){0x2100u, 0x100u, BH_ACC_R | BH_ACC_W, BH_RK_RAM, 0xFFFFu};
    d.regions[RO] = (bh_region_t){0x3000u, 0x100u, BH_ACC_R, BH_RK_RAM, 0xFFFFu};
    d.regions[DEV] = (bh_region_t){0x4000u, 0x100u, BH_ACC_R | BH_ACC_W, BH_RK_DEVICE, 3};
    d.regions[TOP] = (bh_region_t){0xFFFFFF00u, 0x100u, BH_ACC_R | BH_ACC_W, BH_RK_RAM, 0xFFFFu};
    return d;
}

static void test_umem_nonsecure_needs_regions_and_tt(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    d.flags = BH_BOXF_NONSECURE;
    ns_asks = 0;
    ns_answer = 1;
    assert_int_equal(bh_umem_check(&d, 0x2010u, 0x20u, BH_ACC_W), BH_ALLOW);
    assert_int_equal(ns_asks, 1u);
    assert_true(ns_addr == 0x2010u && ns_len == 0x20u && ns_access == BH_ACC_W);
    ns_answer = 0; /* the TT says no: denied although the manifest allows it */
    assert_int_equal(bh_umem_check(&d, 0x2010u, 0x20u, BH_ACC_W), BH_DENY);
    ns_answer = 1; /* the TT says yes: still denied outside the manifest's regions */
    assert_int_equal(bh_umem_check(&d, 0x5000u, 0x20u, BH_ACC_R), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x1000u, 0x10u, BH_ACC_W), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x2000u, 0u, BH_ACC_W), BH_ALLOW); /* empty */
}

static void test_umem_secure_boxes_never_ask_the_tt(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    ns_asks = 0;
    ns_answer = 0;
    assert_int_equal(bh_umem_check(&d, 0x2010u, 0x20u, BH_ACC_W), BH_ALLOW);
    assert_int_equal(bh_umem_check(&d, 0x5000u, 0x20u, BH_ACC_W), BH_DENY);
    assert_int_equal(ns_asks, 0u);
}

static void test_umem_allows_ram_for_read_write_and_both(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    assert_int_equal(bh_umem_check(&d, 0x2000u, 0x100u, BH_ACC_R), BH_ALLOW);
    assert_int_equal(bh_umem_check(&d, 0x2010u, 0x10u, BH_ACC_W), BH_ALLOW);
    assert_int_equal(bh_umem_check(&d, 0x20FFu, 1u, BH_ACC_R | BH_ACC_W), BH_ALLOW);
}

static void test_umem_denies_one_byte_past_a_region(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    assert_int_equal(bh_umem_check(&d, 0x3000u, 0x101u, BH_ACC_R), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x2FFFu, 2u, BH_ACC_R), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x1FFFu, 1u, BH_ACC_R), BH_DENY);
}

static void test_umem_denies_range_straddling_two_adjacent_regions(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    assert_int_equal(bh_umem_check(&d, 0x20F0u, 0x20u, BH_ACC_R), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x2100u, 0x20u, BH_ACC_R), BH_ALLOW);
}

static void test_umem_denies_write_to_read_only_and_code(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    assert_int_equal(bh_umem_check(&d, 0x3000u, 4u, BH_ACC_R), BH_ALLOW);
    assert_int_equal(bh_umem_check(&d, 0x3000u, 4u, BH_ACC_W), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x3000u, 4u, BH_ACC_R | BH_ACC_W), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x1000u, 4u, BH_ACC_R), BH_ALLOW);
    assert_int_equal(bh_umem_check(&d, 0x1000u, 4u, BH_ACC_W), BH_DENY);
}

static void test_umem_denies_device_regions(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    assert_int_equal(bh_umem_check(&d, 0x4000u, 4u, BH_ACC_R), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x4000u, 4u, BH_ACC_W), BH_DENY);
}

static void test_umem_denies_execute_unknown_and_empty_access(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    assert_int_equal(bh_umem_check(&d, 0x1000u, 4u, BH_ACC_X), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x1000u, 4u, BH_ACC_R | BH_ACC_X), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x2000u, 4u, 0u), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x2000u, 4u, 0x8u), BH_DENY);
}

static void test_umem_denies_wrap_past_4gib(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    assert_int_equal(bh_umem_check(&d, 0xFFFFFFF0u, 0x10u, BH_ACC_W), BH_ALLOW);
    assert_int_equal(bh_umem_check(&d, 0xFFFFFFF0u, 0x11u, BH_ACC_W), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0xFFFFFFF0u, 0x2010u, BH_ACC_R), BH_DENY); /* would end in RAM */
    assert_int_equal(bh_umem_check(&d, 0x2000u, 0xFFFFFFFFu, BH_ACC_R), BH_DENY);
}

static void test_umem_allows_empty_range_anywhere(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    assert_int_equal(bh_umem_check(&d, 0u, 0u, BH_ACC_W), BH_ALLOW);
    assert_int_equal(bh_umem_check(&d, 0xFFFFFFFFu, 0u, BH_ACC_R), BH_ALLOW);
}

static void test_umem_ignores_regions_past_nregions(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    d.nregions = RAM; /* RAM and later no longer count */
    assert_int_equal(bh_umem_check(&d, 0x2000u, 4u, BH_ACC_R), BH_DENY);
    assert_int_equal(bh_umem_check(&d, 0x1000u, 4u, BH_ACC_R), BH_ALLOW);
}

static void test_umem_never_reads_past_the_region_array(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    d.nregions = 200; /* a corrupt count: only BH_MAX_REGIONS entries exist */
    assert_int_equal(bh_umem_check(&d, 0x2000u, 4u, BH_ACC_R), BH_ALLOW);
    assert_int_equal(bh_umem_check(&d, 0x9000u, 4u, BH_ACC_R), BH_DENY);
}

static void test_umem_returns_only_hardened_verdicts(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    for (uint32_t addr = 0x1FF0u; addr < 0x2210u; addr += 8u) {
        for (uint32_t len = 0; len < 0x220u; len += 8u) {
            bh_verdict_t v = bh_umem_check(&d, addr, len, BH_ACC_R);
            assert_true(v == BH_ALLOW || v == BH_DENY);
        }
    }
}

/* Against a reference: inside RAM or inside RAM2, never across. */
static void test_umem_matches_reference_around_two_adjacent_regions(void **state)
{
    (void)state;
    bh_box_desc_t d = box();
    for (uint32_t addr = 0x1FF0u; addr < 0x2210u; addr++) {
        for (uint32_t len = 1; len < 0x120u; len += 7u) {
            uint64_t end = (uint64_t)addr + len;
            bool in1 = addr >= 0x2000u && end <= 0x2100u;
            bool in2 = addr >= 0x2100u && end <= 0x2200u;
            bh_verdict_t want = (in1 || in2) ? BH_ALLOW : BH_DENY;
            assert_int_equal(bh_umem_check(&d, addr, len, BH_ACC_W), want);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_umem_allows_ram_for_read_write_and_both),
        cmocka_unit_test(test_umem_nonsecure_needs_regions_and_tt),
        cmocka_unit_test(test_umem_secure_boxes_never_ask_the_tt),
        cmocka_unit_test(test_umem_denies_one_byte_past_a_region),
        cmocka_unit_test(test_umem_denies_range_straddling_two_adjacent_regions),
        cmocka_unit_test(test_umem_denies_write_to_read_only_and_code),
        cmocka_unit_test(test_umem_denies_device_regions),
        cmocka_unit_test(test_umem_denies_execute_unknown_and_empty_access),
        cmocka_unit_test(test_umem_denies_wrap_past_4gib),
        cmocka_unit_test(test_umem_allows_empty_range_anywhere),
        cmocka_unit_test(test_umem_ignores_regions_past_nregions),
        cmocka_unit_test(test_umem_never_reads_past_the_region_array),
        cmocka_unit_test(test_umem_returns_only_hardened_verdicts),
        cmocka_unit_test(test_umem_matches_reference_around_two_adjacent_regions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
