/*
 * test_boot.c — boot.c (with box.c's start path): the real bh_kernel_boot
 * on the simulated machine, up to bh_arch_start().
 *
 * Every box with a valid image starts READY in generation 1 with a fresh
 * context, its .data loaded, .bss and stack cleared and its IRQs enabled;
 * a box whose image fails its check stays BH_STATE_INVALID while the
 * others run; the epitaph counts boots across warm resets only.
 * Runs: host.
 */
#include "ut.h"

#include <string.h>

#include "fault.h"

static void test_boot_starts_every_box_ready_in_generation_1(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < UT_NBOXES; i++) {
        const bh_box_t *b = ut_box(i);
        assert_int_equal(b->id, i);
        assert_ptr_equal(b->desc, &bh_system.boxes[i]);
        assert_int_equal(b->state, BH_STATE_READY);
        assert_int_equal(b->generation, 1);
        assert_int_equal(b->restarts, 0);
        assert_int_equal(b->arch.inits, 1);
        assert_int_equal(b->arch.nmpu, bh_system.boxes[i].nregions);
    }
    assert_int_equal(bh_k.ready, (1u << UT_NBOXES) - 1u);
    ut_assert_invariants();
}

static void test_boot_gives_each_box_a_fresh_frame_at_its_stack_top(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < UT_NBOXES; i++) {
        const bh_box_t *b = ut_box(i);
        const bh_frame_t *f = ut_frame(i);
        assert_int_equal(b->arch.psp, UT_RAM_BASE(i) + UT_STACK - sizeof(bh_frame_t));
        assert_int_equal(b->arch.psplim, UT_RAM_BASE(i));
        assert_int_equal(f->pc, UT_ENTRY(i) & ~1u);
        assert_int_equal(f->xpsr, BH_SIM_XPSR_THUMB);
        assert_int_equal(f->r0 | f->r1 | f->r2 | f->r3 | f->r12 | f->lr, 0);
    }
}

static void test_boot_loads_data_and_clears_bss_and_stack(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < UT_NBOXES; i++) {
        uint8_t data[UT_DATA_SIZE];
        ut_peek(data, UT_DATA(i), UT_DATA_SIZE);
        for (uint32_t k = 0; k < UT_DATA_SIZE; k++) {
            assert_int_equal(data[k], UT_DATA_BYTE(i, k));
        }
        assert_true(ut_all(UT_DATA(i) + UT_DATA_SIZE, 0, UT_BSS_SIZE));
        assert_true(ut_all(UT_RAM_BASE(i), 0, UT_STACK - sizeof(bh_frame_t)));
    }
}

static void test_boot_enables_exactly_the_routed_irqs(void **state)
{
    (void)state;
    for (uint32_t irq = 0; irq < BH_SIM_IRQ_LINES; irq++) {
        bool routed = irq == UT_IRQ_SERVER || irq == UT_IRQ_CLIENT;
        assert_int_equal(bh_sim_irq_is_enabled(irq), routed);
    }
}

static void test_boot_sets_up_platform_idle_and_a_1khz_tick(void **state)
{
    (void)state;
    assert_int_equal(bh_sim.platform_inits, 1);
    assert_int_equal(bh_sim.idle_inits, 1);
    assert_int_equal(bh_k.idle.id, BH_MAX_BOXES);
    assert_int_equal(bh_sim.tick_starts, 1);
    assert_int_equal(bh_sim.tick_clock_hz, UT_CLOCK_HZ);
    assert_int_equal(bh_sim.tick_hz, 1000);
    assert_int_equal(bh_sim.starts, 1);
}

static void test_boot_runs_the_highest_priority_box_first(void **state)
{
    (void)state;
    assert_ptr_equal(bh_k.next, ut_box(UT_SUPER));
}

static void test_boot_announces_system_and_each_box(void **state)
{
    (void)state;
    ut_assert_console("[kernel] Bulkhead kernel, system 'unit', boot #1\n");
    ut_assert_console("[kernel] box 'server' started (priority 2)\n");
    ut_assert_console("[kernel] box 'spare' started (priority 6)\n");
    assert_false(bh_sim_console_has("NOT started"));
}

static void test_boot_counts_warm_boots_but_not_power_cycles(void **state)
{
    (void)state;
    assert_int_equal(bh_epitaph()->boots, 1);
    ut_reboot();
    ut_reboot();
    assert_int_equal(bh_epitaph()->boots, 3);
    ut_assert_console("boot #3\n");
    assert_int_equal(bh_epitaph()->magic, BH_EPITAPH_MAGIC);
    ut_boot();
    assert_int_equal(bh_epitaph()->boots, 1);
}

static void break_server_image(void)
{
    bh_sim_mem(UT_CODE_BASE(UT_SERVER) + 64u + 7u, 1)[0] ^= 0x20u; /* one bit of code */
}

static void test_boot_leaves_box_with_corrupt_image_invalid(void **state)
{
    (void)state;
    ut_boot_with(break_server_image);
    const bh_box_t *s = ut_box(UT_SERVER);
    assert_int_equal(s->state, BH_STATE_INVALID);
    assert_int_equal(s->generation, 0);
    assert_false((bh_k.ready >> UT_SERVER) & 1u);
    assert_false(bh_sim_irq_is_enabled(UT_IRQ_SERVER));
    ut_assert_console("box 'server' NOT started: image checksum mismatch\n");
    assert_true(ut_all(UT_RAM_BASE(UT_SERVER), 0, UT_RAM_SIZE)); /* never touched */
    ut_assert_invariants();
}

static void test_boot_runs_the_other_boxes_when_one_image_is_bad(void **state)
{
    (void)state;
    ut_boot_with(break_server_image);
    for (uint32_t i = 0; i < UT_NBOXES; i++) {
        if (i != UT_SERVER) {
            assert_int_equal(ut_box(i)->state, BH_STATE_READY);
            assert_int_equal(ut_box(i)->generation, 1);
        }
    }
    assert_true(bh_sim_irq_is_enabled(UT_IRQ_CLIENT));
}

static void test_boot_calls_to_box_with_bad_image_fail_stopped(void **state)
{
    (void)state;
    ut_boot_with(break_server_image);
    bh_frame_t *f = ut_call(UT_CLIENT, UT_GW_ECHO, 1, 0, 0, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_E_STOPPED);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_READY);
    assert_int_equal(bh_k.gw[UT_GW_ECHO].pending, 0);
}

static void test_boot_routes_no_irq_to_box_with_bad_image(void **state)
{
    (void)state;
    ut_boot_with(break_server_image);
    bh_kernel_irq(UT_IRQ_SERVER);
    assert_int_equal(ut_box(UT_SERVER)->signals, 0);
}

static void erase_spare_image(void)
{
    memset(bh_sim_mem(UT_CODE_BASE(UT_SPARE), 64u), 0xFF, 64u);
}

static void test_boot_leaves_box_without_image_header_invalid(void **state)
{
    (void)state;
    ut_boot_with(erase_spare_image);
    assert_int_equal(ut_box(UT_SPARE)->state, BH_STATE_INVALID);
    ut_assert_console("box 'spare' NOT started: no valid image header (or another ABI version)\n");
}

static void swap_client_and_intruder_images(void)
{
    uint8_t a[UT_IMAGE_SIZE], b[UT_IMAGE_SIZE];
    ut_peek(a, UT_CODE_BASE(UT_CLIENT), UT_IMAGE_SIZE);
    ut_peek(b, UT_CODE_BASE(UT_INTRUDER), UT_IMAGE_SIZE);
    ut_poke(UT_CODE_BASE(UT_CLIENT), b, UT_IMAGE_SIZE);
    ut_poke(UT_CODE_BASE(UT_INTRUDER), a, UT_IMAGE_SIZE);
}

static void test_boot_rejects_image_flashed_into_the_wrong_slot(void **state)
{
    (void)state;
    ut_boot_with(swap_client_and_intruder_images);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_INVALID);
    assert_int_equal(ut_box(UT_INTRUDER)->state, BH_STATE_INVALID);
    ut_assert_console("box 'client' NOT started: image belongs to another box\n");
}

static void power_on_garbage(void)
{
    bh_sim_epitaph_fill(0xA5u);
}

/*
 * Power-on RAM holds garbage: a cold boot must not later report a
 * "previous reset" that never happened. (The first boot.c reset magic,
 * boots and policy_resets but left e->last as found, so the next warm boot
 * printed the garbage as the fault that caused a reset.)
 */
static void test_boot_cold_start_forgets_garbage_in_the_epitaph(void **state)
{
    (void)state;
    ut_boot_with(power_on_garbage);
    assert_false(bh_sim_console_has("previous reset"));
    ut_reboot();
    if (bh_sim_console_has("previous reset")) {
        fail_msg("warm boot after a clean cold boot reports a reset cause:\n%s", bh_sim.console);
    }
}

#define T(fn) cmocka_unit_test_setup(fn, ut_setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_boot_starts_every_box_ready_in_generation_1),
        T(test_boot_gives_each_box_a_fresh_frame_at_its_stack_top),
        T(test_boot_loads_data_and_clears_bss_and_stack),
        T(test_boot_enables_exactly_the_routed_irqs),
        T(test_boot_sets_up_platform_idle_and_a_1khz_tick),
        T(test_boot_runs_the_highest_priority_box_first),
        T(test_boot_announces_system_and_each_box),
        T(test_boot_counts_warm_boots_but_not_power_cycles),
        T(test_boot_leaves_box_with_corrupt_image_invalid),
        T(test_boot_runs_the_other_boxes_when_one_image_is_bad),
        T(test_boot_calls_to_box_with_bad_image_fail_stopped),
        T(test_boot_routes_no_irq_to_box_with_bad_image),
        T(test_boot_leaves_box_without_image_header_invalid),
        T(test_boot_rejects_image_flashed_into_the_wrong_slot),
        T(test_boot_cold_start_forgets_garbage_in_the_epitaph),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
