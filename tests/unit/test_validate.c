/*
 * test_validate.c — validate.c: the shared system-table validator.
 *
 * Starts from the unit-test system (ut_system.c), which must be valid, and
 * breaks exactly one rule per test: the validator must report exactly that
 * code, naming the box / item involved. A table of breakers shows that
 * every bh_verr_code has such a test.
 * Runs: host.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "kernel.h"
#include "ut_layout.h"
#include "validate.h"

#define MAX_ERRS 16u

static bh_system_t sys; /* a mutable copy of the unit-test system */

static int setup(void **state)
{
    (void)state;
    sys = bh_system;
    return 0;
}

static size_t run(bh_verr_t *errs)
{
    memset(errs, 0xEE, MAX_ERRS * sizeof *errs);
    return bh_validate(&sys, errs, MAX_ERRS);
}

/* Exactly one error: 'code' about (box, item). */
static void expect_only(uint16_t code, uint16_t box, uint16_t item)
{
    bh_verr_t errs[MAX_ERRS];
    size_t n = run(errs);
    if (n != 1u) {
        fail_msg("expected 1 error (%s), got %zu; first: %s", bh_verr_str(code), n,
                 n > 0u ? bh_verr_str(errs[0].code) : "-");
    }
    assert_int_equal(errs[0].code, code);
    assert_int_equal(errs[0].box, box);
    assert_int_equal(errs[0].item, item);
}

/* No error at all. */
static void expect_only_none(void)
{
    bh_verr_t errs[MAX_ERRS];
    size_t n = run(errs);
    if (n != 0u) {
        fail_msg("%zu errors, first: %s (box %u item %u)", n, bh_verr_str(errs[0].code), errs[0].box,
                 errs[0].item);
    }
}

/* ---- one breaker per rule: each changes exactly one thing ---- */

static bh_region_t *client_extra(void)
{
    return &sys.boxes[UT_CLIENT].regions[2]; /* the read-only region */
}

static void break_too_many_boxes(void) { sys.nboxes = BH_MAX_BOXES + 1u; }
static void break_too_many_gateways(void) { sys.ngateways = BH_MAX_GATEWAYS + 1u; }
static void break_too_many_regions(void) { sys.boxes[UT_SUPER].nregions = BH_MAX_REGIONS + 1u; }
static void break_region_empty(void) { client_extra()->size = 0; }
static void break_region_align(void) { client_extra()->base += 16u; }
static void break_region_wrap(void)
{
    client_extra()->base = 0xFFFFFFE0u;
    client_extra()->size = 0x40u;
}
static void break_region_wx(void) { client_extra()->access = BH_ACC_R | BH_ACC_W | BH_ACC_X; }
static void break_region_outside(void) { client_extra()->base = 0x20000000u; }
static void break_region_reserved(void) { client_extra()->base = UT_KERNEL_CODE; }
static void break_region_overlap(void) { client_extra()->base = UT_CODE_BASE(UT_SERVER); }
static void break_periph_two_owners(void)
{
    bh_box_desc_t *d = &sys.boxes[UT_INTRUDER];
    d->regions[2] = sys.boxes[UT_CLIENT].regions[3];
    d->nregions = 3;
}
static void break_layout(void) { sys.boxes[UT_SERVER].stack_size = UT_STACK + 4u; }
static void break_irq_range(void) { sys.boxes[UT_SERVER].irqs[0].irq = 32; }
static void break_irq_two_owners(void)
{
    bh_box_desc_t *d = &sys.boxes[UT_INTRUDER];
    d->irqs[0] = (bh_irq_route_t){UT_IRQ_CLIENT, 3};
    d->nirqs = 1;
}
static void break_signal(void) { sys.boxes[UT_SERVER].irqs[0].signal = 0; /* echo's */ }
static void break_policy(void) { sys.boxes[UT_SPARE].policy = BH_POLICY_RESET + 1u; }
static void break_gw_box(void) { sys.gateways[UT_GW_LAST].box = UT_NBOXES; }
static void break_gw_caller(void) { sys.gateways[UT_GW_ECHO].callers |= 1u << UT_NBOXES; }
static void break_gw_downhill(void) { sys.gateways[UT_GW_ECHO].callers |= 1u << UT_SUPER; }
static void break_notify(void) { sys.boxes[UT_CLIENT].notify_mask |= 1u << UT_NBOXES; }
static void break_counts(void) { sys.nbus_grants = BH_MAX_BUS_GRANTS + 1u; }
static void break_name(void) { memcpy(sys.boxes[UT_SPARE].name, "sixteen-chars-xx", BH_NAME_MAX); }
static void break_ns_box(void) { sys.ns.box = 0; /* the zero a table without .ns would have */ }

/* Turns the last box (spare) into the non-secure world, as bhgen lays it out. */
static void make_spare_nonsecure(void)
{
    bh_box_desc_t *d = &sys.boxes[UT_SPARE];
    d->flags = BH_BOXF_NONSECURE;
    d->priority = 255;
    d->stack_size = 0;
    sys.ns.box = UT_SPARE;
}

static const struct {
    uint16_t code;
    void (*breaker)(void);
} breakers[] = {
    {BH_V_TOO_MANY_BOXES, break_too_many_boxes},
    {BH_V_TOO_MANY_GATEWAYS, break_too_many_gateways},
    {BH_V_TOO_MANY_REGIONS, break_too_many_regions},
    {BH_V_REGION_EMPTY, break_region_empty},
    {BH_V_REGION_ALIGN, break_region_align},
    {BH_V_REGION_WRAP, break_region_wrap},
    {BH_V_REGION_WX, break_region_wx},
    {BH_V_REGION_OUTSIDE, break_region_outside},
    {BH_V_REGION_RESERVED, break_region_reserved},
    {BH_V_REGION_OVERLAP, break_region_overlap},
    {BH_V_PERIPH_TWO_OWNERS, break_periph_two_owners},
    {BH_V_LAYOUT, break_layout},
    {BH_V_IRQ_RANGE, break_irq_range},
    {BH_V_IRQ_TWO_OWNERS, break_irq_two_owners},
    {BH_V_SIGNAL, break_signal},
    {BH_V_POLICY, break_policy},
    {BH_V_GW_BOX, break_gw_box},
    {BH_V_GW_CALLER, break_gw_caller},
    {BH_V_GW_DOWNHILL, break_gw_downhill},
    {BH_V_NOTIFY, break_notify},
    {BH_V_COUNTS, break_counts},
    {BH_V_NAME, break_name},
    {BH_V_NS_BOX, break_ns_box},
};

/* ---- the valid table ---- */

static void test_validate_accepts_the_unit_test_system(void **state)
{
    (void)state;
    bh_verr_t errs[MAX_ERRS];
    size_t n = run(errs);
    if (n != 0u) {
        fail_msg("%zu errors, first: %s (box %u item %u)", n, bh_verr_str(errs[0].code), errs[0].box,
                 errs[0].item);
    }
}

static void test_validate_every_code_has_a_breaking_table(void **state)
{
    (void)state;
    for (uint16_t code = 1; code < BH_V_CODE_COUNT; code++) {
        bool found = false;
        for (size_t i = 0; i < sizeof breakers / sizeof breakers[0]; i++) {
            if (breakers[i].code != code) {
                continue;
            }
            found = true;
            sys = bh_system;
            breakers[i].breaker();
            bh_verr_t errs[MAX_ERRS];
            assert_int_equal(run(errs), 1);
            assert_int_equal(errs[0].code, code);
        }
        if (!found) {
            fail_msg("no test breaks rule %u (%s)", code, bh_verr_str(code));
        }
    }
}

/* ---- each rule, with the box / item it must name ---- */

static void test_validate_rejects_too_many_boxes(void **state)
{
    (void)state;
    break_too_many_boxes();
    expect_only(BH_V_TOO_MANY_BOXES, BH_V_NONE, BH_V_NONE);
}

static void test_validate_rejects_too_many_gateways(void **state)
{
    (void)state;
    break_too_many_gateways();
    expect_only(BH_V_TOO_MANY_GATEWAYS, BH_V_NONE, BH_V_NONE);
}

static void test_validate_rejects_more_regions_than_mpu_slots(void **state)
{
    (void)state;
    break_too_many_regions();
    expect_only(BH_V_TOO_MANY_REGIONS, UT_SUPER, BH_V_NONE);
}

static void test_validate_rejects_empty_region(void **state)
{
    (void)state;
    break_region_empty();
    expect_only(BH_V_REGION_EMPTY, UT_CLIENT, 2);
}

static void test_validate_rejects_unaligned_region(void **state)
{
    (void)state;
    break_region_align();
    expect_only(BH_V_REGION_ALIGN, UT_CLIENT, 2);
}

static void test_validate_rejects_unaligned_region_size(void **state)
{
    (void)state;
    client_extra()->size = UT_RO_SIZE - 8u;
    expect_only(BH_V_REGION_ALIGN, UT_CLIENT, 2);
}

static void test_validate_rejects_region_wrapping_past_4gib(void **state)
{
    (void)state;
    break_region_wrap();
    expect_only(BH_V_REGION_WRAP, UT_CLIENT, 2);
}

static void test_validate_rejects_writable_executable_region(void **state)
{
    (void)state;
    break_region_wx();
    expect_only(BH_V_REGION_WX, UT_CLIENT, 2);
}

static void test_validate_rejects_region_outside_board_memory(void **state)
{
    (void)state;
    break_region_outside();
    expect_only(BH_V_REGION_OUTSIDE, UT_CLIENT, 2);
}

static void test_validate_rejects_region_in_memory_of_another_kind(void **state)
{
    (void)state;
    client_extra()->kind = BH_RK_RAM; /* RAM region placed in code memory */
    expect_only(BH_V_REGION_OUTSIDE, UT_CLIENT, 2);
}

static void test_validate_rejects_region_overlapping_kernel_range(void **state)
{
    (void)state;
    break_region_reserved();
    bh_verr_t errs[MAX_ERRS];
    expect_only(BH_V_REGION_RESERVED, UT_CLIENT, 2);
    run(errs);
    assert_int_equal(errs[0].other, 0); /* reserved range 0: kernel code */
}

static void test_validate_rejects_region_overlapping_another_box(void **state)
{
    (void)state;
    break_region_overlap();
    bh_verr_t errs[MAX_ERRS];
    expect_only(BH_V_REGION_OVERLAP, UT_SERVER, 0);
    run(errs);
    assert_int_equal(errs[0].other, 2);
    assert_int_equal(errs[0].other2, UT_CLIENT);
}

static void test_validate_rejects_overlapping_regions_of_one_box(void **state)
{
    (void)state;
    client_extra()->base = UT_CODE_BASE(UT_CLIENT) + 0x400u;
    client_extra()->access = BH_ACC_R | BH_ACC_X;
    expect_only(BH_V_REGION_OVERLAP, UT_CLIENT, 0);
}

static void test_validate_rejects_peripheral_with_two_owners(void **state)
{
    (void)state;
    break_periph_two_owners();
    bh_verr_t errs[MAX_ERRS];
    expect_only(BH_V_PERIPH_TWO_OWNERS, UT_CLIENT, 3);
    run(errs);
    assert_int_equal(errs[0].other2, UT_INTRUDER);
}

static void test_validate_rejects_stack_not_multiple_of_8(void **state)
{
    (void)state;
    break_layout();
    expect_only(BH_V_LAYOUT, UT_SERVER, BH_V_NONE);
}

static void test_validate_rejects_stack_larger_than_ram(void **state)
{
    (void)state;
    sys.boxes[UT_SERVER].stack_size = UT_RAM_SIZE + 8u;
    expect_only(BH_V_LAYOUT, UT_SERVER, BH_V_NONE);
}

static void test_validate_rejects_code_slot_not_region_0(void **state)
{
    (void)state;
    sys.boxes[UT_SERVER].regions[0].access = BH_ACC_R;
    expect_only(BH_V_LAYOUT, UT_SERVER, BH_V_NONE);
}

static void test_validate_rejects_irq_beyond_board(void **state)
{
    (void)state;
    break_irq_range();
    expect_only(BH_V_IRQ_RANGE, UT_SERVER, 0);
}

static void test_validate_rejects_more_irqs_than_slots(void **state)
{
    (void)state;
    sys.boxes[UT_SERVER].nirqs = BH_MAX_IRQS_PER_BOX + 1u;
    expect_only(BH_V_IRQ_RANGE, UT_SERVER, BH_V_NONE);
}

static void test_validate_rejects_irq_with_two_owners(void **state)
{
    (void)state;
    break_irq_two_owners();
    bh_verr_t errs[MAX_ERRS];
    expect_only(BH_V_IRQ_TWO_OWNERS, UT_CLIENT, 0);
    run(errs);
    assert_int_equal(errs[0].other2, UT_INTRUDER);
}

static void test_validate_rejects_irq_signal_used_by_gateway(void **state)
{
    (void)state;
    break_signal();
    expect_only(BH_V_SIGNAL, UT_SERVER, 0);
}

static void test_validate_rejects_reserved_irq_signal(void **state)
{
    (void)state;
    sys.boxes[UT_SERVER].irqs[0].signal = 30; /* BH_SIG_NOTIFY */
    expect_only(BH_V_SIGNAL, UT_SERVER, 0);
}

static void test_validate_rejects_reserved_gateway_signal(void **state)
{
    (void)state;
    sys.gateways[UT_GW_ECHO].signal = 31; /* BH_SIG_FAULT */
    expect_only(BH_V_SIGNAL, UT_SERVER, UT_GW_ECHO);
}

static void test_validate_rejects_two_gateways_on_one_signal(void **state)
{
    (void)state;
    sys.gateways[UT_GW_BIG].signal = 0; /* echo's */
    expect_only(BH_V_SIGNAL, UT_SERVER, UT_GW_BIG);
}

static void test_validate_rejects_unknown_policy(void **state)
{
    (void)state;
    break_policy();
    expect_only(BH_V_POLICY, UT_SPARE, BH_V_NONE);
}

static void test_validate_rejects_gateway_of_missing_box(void **state)
{
    (void)state;
    break_gw_box();
    expect_only(BH_V_GW_BOX, BH_V_NONE, UT_GW_LAST);
}

static void test_validate_rejects_gateway_caller_naming_no_box(void **state)
{
    (void)state;
    break_gw_caller();
    expect_only(BH_V_GW_CALLER, BH_V_NONE, UT_GW_ECHO);
}

static void test_validate_rejects_caller_of_higher_priority(void **state)
{
    (void)state;
    break_gw_downhill();
    bh_verr_t errs[MAX_ERRS];
    expect_only(BH_V_GW_DOWNHILL, UT_SERVER, UT_GW_ECHO);
    run(errs);
    assert_int_equal(errs[0].other2, UT_SUPER);
}

static void test_validate_rejects_caller_of_equal_priority(void **state)
{
    (void)state;
    sys.gateways[UT_GW_ECHO].callers |= 1u << UT_STOPPER; /* priority 2, like the server */
    expect_only(BH_V_GW_DOWNHILL, UT_SERVER, UT_GW_ECHO);
}

static void test_validate_rejects_notify_of_missing_box(void **state)
{
    (void)state;
    break_notify();
    expect_only(BH_V_NOTIFY, UT_CLIENT, BH_V_NONE);
}

/* ---- the non-secure world (TrustZone) ---- */

static void test_validate_accepts_a_nonsecure_world_as_the_last_box(void **state)
{
    (void)state;
    make_spare_nonsecure();
    sys.gateways[UT_GW_LAST].callers |= 1u << UT_SPARE; /* it may call gateways */
    expect_only_none();
}

static void test_validate_rejects_ns_box_without_a_nonsecure_world(void **state)
{
    (void)state;
    break_ns_box();
    expect_only(BH_V_NS_BOX, BH_V_NONE, BH_V_NONE);
}

static void test_validate_rejects_nonsecure_world_not_named_by_ns_box(void **state)
{
    (void)state;
    make_spare_nonsecure();
    sys.ns.box = BH_NO_NS;
    expect_only(BH_V_NS_BOX, BH_V_NONE, BH_V_NONE);
}

static void test_validate_rejects_nonsecure_world_not_last(void **state)
{
    (void)state;
    bh_box_desc_t *d = &sys.boxes[UT_RESETTER];
    d->flags = BH_BOXF_NONSECURE;
    d->stack_size = 0;
    expect_only(BH_V_LAYOUT, UT_RESETTER, BH_V_NONE);
}

static void test_validate_rejects_nonsecure_world_with_a_stack(void **state)
{
    (void)state;
    make_spare_nonsecure();
    sys.boxes[UT_SPARE].stack_size = UT_STACK;
    expect_only(BH_V_LAYOUT, UT_SPARE, BH_V_NONE);
}

static void test_validate_rejects_nonsecure_world_with_an_irq(void **state)
{
    (void)state;
    make_spare_nonsecure();
    sys.boxes[UT_SPARE].irqs[0] = (bh_irq_route_t){9, 0};
    sys.boxes[UT_SPARE].nirqs = 1;
    expect_only(BH_V_LAYOUT, UT_SPARE, BH_V_NONE);
}

static void test_validate_rejects_nonsecure_world_with_a_third_region(void **state)
{
    (void)state;
    make_spare_nonsecure();
    bh_box_desc_t *d = &sys.boxes[UT_SPARE];
    d->regions[2] = (bh_region_t){UT_GAP(UT_SPARE), 0x400u, BH_ACC_R | BH_ACC_W, BH_RK_RAM, 0xFFFFu};
    d->nregions = 3;
    expect_only(BH_V_LAYOUT, UT_SPARE, BH_V_NONE);
}

static void test_validate_rejects_nonsecure_world_with_writable_code(void **state)
{
    (void)state;
    make_spare_nonsecure();
    sys.boxes[UT_SPARE].regions[0].access = BH_ACC_R | BH_ACC_W;
    expect_only(BH_V_LAYOUT, UT_SPARE, BH_V_NONE);
}

static void test_validate_rejects_more_sau_mpc_or_ppc_entries_than_exist(void **state)
{
    (void)state;
    sys.ns.nsau = BH_MAX_SAU + 1u;
    expect_only(BH_V_COUNTS, BH_V_NONE, BH_V_NONE);
    sys = bh_system;
    sys.ns.nmpc = BH_MAX_MPC_NS + 1u;
    expect_only(BH_V_COUNTS, BH_V_NONE, BH_V_NONE);
    sys = bh_system;
    sys.ns.nppc = BH_MAX_NS_PPC + 1u;
    expect_only(BH_V_COUNTS, BH_V_NONE, BH_V_NONE);
}

/* ---- reporting ---- */

static void test_validate_counts_every_error_but_stores_at_most_max(void **state)
{
    (void)state;
    sys.boxes[UT_SERVER].policy = 9;
    sys.boxes[UT_CLIENT].policy = 9;
    sys.boxes[UT_SPARE].policy = 9;
    bh_verr_t errs[3];
    memset(errs, 0xEE, sizeof errs);
    assert_int_equal(bh_validate(&sys, errs, 2), 3);
    assert_int_equal(errs[0].box, UT_SERVER);
    assert_int_equal(errs[1].box, UT_CLIENT);
    assert_int_equal(errs[2].code, 0xEEEE); /* untouched */
    assert_int_equal(bh_validate(&sys, NULL, 0), 3);
}

static void test_validate_describes_every_code(void **state)
{
    (void)state;
    const char *unknown = bh_verr_str(0xFFFFu);
    for (uint16_t code = 1; code < BH_V_CODE_COUNT; code++) {
        assert_non_null(bh_verr_str(code));
        assert_string_not_equal(bh_verr_str(code), unknown);
    }
    assert_string_equal(bh_verr_str(BH_V_CODE_COUNT), unknown);
}

/* ---- counts and names: checked before anything indexes an array ---- */

/* The armv8m platform init walks bus_grants[0..nbus_grants). */
static void test_validate_rejects_more_bus_grants_than_exist(void **state)
{
    (void)state;
    break_counts();
    expect_only(BH_V_COUNTS, BH_V_NONE, BH_V_NONE);
}

static void test_validate_rejects_more_memories_or_reserved_ranges_than_exist(void **state)
{
    (void)state;
    sys.nmemories = BH_MAX_MEMORIES + 1u;
    expect_only(BH_V_COUNTS, BH_V_NONE, BH_V_NONE);
    sys = bh_system;
    sys.nreserved = BH_MAX_RESERVED + 1u;
    expect_only(BH_V_COUNTS, BH_V_NONE, BH_V_NONE);
}

/* The kernel prints names with bh_puts (strlen): they must be terminated. */
static void test_validate_rejects_unterminated_box_name(void **state)
{
    (void)state;
    break_name();
    expect_only(BH_V_NAME, UT_SPARE, BH_V_NONE);
}

static void test_validate_rejects_unterminated_gateway_name(void **state)
{
    (void)state;
    memcpy(sys.gateways[UT_GW_BIG].name, "sixteen-chars-xx", BH_NAME_MAX);
    expect_only(BH_V_NAME, BH_V_NONE, UT_GW_BIG);
}

static void test_validate_rejects_unterminated_system_name(void **state)
{
    (void)state;
    memcpy(sys.name, "sixteen-chars-xx", BH_NAME_MAX);
    expect_only(BH_V_NAME, BH_V_NONE, BH_V_NONE);
}

/*
 * Box 0's regions are compared with every region of the later boxes: the
 * later boxes' nregions must have been checked first. With nregions = 12
 * in box 3 an unchecked scan indexes regions[8..11] of a bh_region_t[8]
 * (UBSan: out of bounds; found in the first version of validate.c).
 */
static void test_validate_never_reads_past_a_later_box_region_array(void **state)
{
    (void)state;
    sys.boxes[UT_INTRUDER].nregions = 12;
    expect_only(BH_V_TOO_MANY_REGIONS, UT_INTRUDER, BH_V_NONE);
}

static void test_validate_never_reads_past_a_later_box_irq_array(void **state)
{
    (void)state;
    sys.boxes[UT_SPARE].nirqs = 200;
    expect_only(BH_V_IRQ_RANGE, UT_SPARE, BH_V_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_validate_accepts_the_unit_test_system, setup),
        cmocka_unit_test_setup(test_validate_every_code_has_a_breaking_table, setup),
        cmocka_unit_test_setup(test_validate_rejects_too_many_boxes, setup),
        cmocka_unit_test_setup(test_validate_rejects_too_many_gateways, setup),
        cmocka_unit_test_setup(test_validate_rejects_more_regions_than_mpu_slots, setup),
        cmocka_unit_test_setup(test_validate_rejects_empty_region, setup),
        cmocka_unit_test_setup(test_validate_rejects_unaligned_region, setup),
        cmocka_unit_test_setup(test_validate_rejects_unaligned_region_size, setup),
        cmocka_unit_test_setup(test_validate_rejects_region_wrapping_past_4gib, setup),
        cmocka_unit_test_setup(test_validate_rejects_writable_executable_region, setup),
        cmocka_unit_test_setup(test_validate_rejects_region_outside_board_memory, setup),
        cmocka_unit_test_setup(test_validate_rejects_region_in_memory_of_another_kind, setup),
        cmocka_unit_test_setup(test_validate_rejects_region_overlapping_kernel_range, setup),
        cmocka_unit_test_setup(test_validate_rejects_region_overlapping_another_box, setup),
        cmocka_unit_test_setup(test_validate_rejects_overlapping_regions_of_one_box, setup),
        cmocka_unit_test_setup(test_validate_rejects_peripheral_with_two_owners, setup),
        cmocka_unit_test_setup(test_validate_rejects_stack_not_multiple_of_8, setup),
        cmocka_unit_test_setup(test_validate_rejects_stack_larger_than_ram, setup),
        cmocka_unit_test_setup(test_validate_rejects_code_slot_not_region_0, setup),
        cmocka_unit_test_setup(test_validate_rejects_irq_beyond_board, setup),
        cmocka_unit_test_setup(test_validate_rejects_more_irqs_than_slots, setup),
        cmocka_unit_test_setup(test_validate_rejects_irq_with_two_owners, setup),
        cmocka_unit_test_setup(test_validate_rejects_irq_signal_used_by_gateway, setup),
        cmocka_unit_test_setup(test_validate_rejects_reserved_irq_signal, setup),
        cmocka_unit_test_setup(test_validate_rejects_reserved_gateway_signal, setup),
        cmocka_unit_test_setup(test_validate_rejects_two_gateways_on_one_signal, setup),
        cmocka_unit_test_setup(test_validate_rejects_unknown_policy, setup),
        cmocka_unit_test_setup(test_validate_rejects_gateway_of_missing_box, setup),
        cmocka_unit_test_setup(test_validate_rejects_gateway_caller_naming_no_box, setup),
        cmocka_unit_test_setup(test_validate_rejects_caller_of_higher_priority, setup),
        cmocka_unit_test_setup(test_validate_rejects_caller_of_equal_priority, setup),
        cmocka_unit_test_setup(test_validate_rejects_notify_of_missing_box, setup),
        cmocka_unit_test_setup(test_validate_accepts_a_nonsecure_world_as_the_last_box, setup),
        cmocka_unit_test_setup(test_validate_rejects_ns_box_without_a_nonsecure_world, setup),
        cmocka_unit_test_setup(test_validate_rejects_nonsecure_world_not_named_by_ns_box, setup),
        cmocka_unit_test_setup(test_validate_rejects_nonsecure_world_not_last, setup),
        cmocka_unit_test_setup(test_validate_rejects_nonsecure_world_with_a_stack, setup),
        cmocka_unit_test_setup(test_validate_rejects_nonsecure_world_with_an_irq, setup),
        cmocka_unit_test_setup(test_validate_rejects_nonsecure_world_with_a_third_region, setup),
        cmocka_unit_test_setup(test_validate_rejects_nonsecure_world_with_writable_code, setup),
        cmocka_unit_test_setup(test_validate_rejects_more_sau_mpc_or_ppc_entries_than_exist, setup),
        cmocka_unit_test_setup(test_validate_counts_every_error_but_stores_at_most_max, setup),
        cmocka_unit_test_setup(test_validate_describes_every_code, setup),
        cmocka_unit_test_setup(test_validate_rejects_more_bus_grants_than_exist, setup),
        cmocka_unit_test_setup(test_validate_rejects_more_memories_or_reserved_ranges_than_exist, setup),
        cmocka_unit_test_setup(test_validate_rejects_unterminated_box_name, setup),
        cmocka_unit_test_setup(test_validate_rejects_unterminated_gateway_name, setup),
        cmocka_unit_test_setup(test_validate_rejects_unterminated_system_name, setup),
        cmocka_unit_test_setup(test_validate_never_reads_past_a_later_box_region_array, setup),
        cmocka_unit_test_setup(test_validate_never_reads_past_a_later_box_irq_array, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
