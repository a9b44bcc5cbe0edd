/*
 * test_fault.c — fault.c and box.c: fault records, policies, restart.
 *
 * Restart is boot: RAM re-initialised from the image (.data copied, .bss
 * and stack cleared), fresh context, generation + 1; calls in flight to a
 * restarted server fail with BH_E_RESTARTED (BH_E_STOPPED when it stops);
 * the restart budget turns a crash loop into stop; policy reset requests a
 * reset and leaves the fault in the epitaph. A fault record tells a box
 * only about itself: PC as an offset into its own code, the address only
 * when inside its own regions.
 * Runs: host.
 */
#include "ut.h"

#include <stdio.h>

#include "box.h"
#include "fault.h"

/* The arch reports a hardware fault of box id, which is running. */
static void hw_fault(uint32_t id, uint32_t kind, uint32_t pc, uint32_t addr, bool addr_valid)
{
    bh_fault_report_t r = {kind, pc, addr, addr_valid, 0x82u};
    bh_k.current = ut_box(id);
    bh_kernel_fault(&r);
}

static void kernel_fault_fn(void *report)
{
    bh_kernel_fault(report);
}

static void crash(uint32_t id)
{
    ut_svc(id, BH_SYS_EXIT, 0, 0, 0, 0);
}

static void test_fault_restart_reinitialises_data_bss_and_stack(void **state)
{
    (void)state;
    ut_fill(UT_RAM_BASE(UT_CLIENT), 0xAB, UT_RAM_SIZE); /* the box scribbled everywhere */
    crash(UT_CLIENT);
    for (uint32_t k = 0; k < UT_DATA_SIZE; k++) {
        assert_int_equal(bh_sim_mem(UT_DATA(UT_CLIENT) + k, 1)[0], UT_DATA_BYTE(UT_CLIENT, k));
    }
    assert_true(ut_all(UT_DATA(UT_CLIENT) + UT_DATA_SIZE, 0, UT_BSS_SIZE));
    assert_true(ut_all(UT_RAM_BASE(UT_CLIENT), 0, UT_STACK - sizeof(bh_frame_t)));
    assert_true(ut_all(UT_SCRATCH(UT_CLIENT), 0, UT_SCRATCH_SIZE));
    const bh_frame_t *f = ut_frame(UT_CLIENT);
    assert_int_equal(f->pc, UT_ENTRY(UT_CLIENT) & ~1u);
    assert_int_equal(f->r0, 0);
    assert_int_equal(ut_box(UT_CLIENT)->arch.inits, 2);
}

static void test_fault_restart_raises_generation(void **state)
{
    (void)state;
    crash(UT_CLIENT);
    const bh_box_t *b = ut_box(UT_CLIENT);
    assert_int_equal(b->generation, 2);
    assert_int_equal(b->restarts, 1);
    assert_int_equal(b->state, BH_STATE_READY);
    ut_assert_console("box 'client' restarted, generation 2\n");
    ut_assert_invariants();
}

static void test_fault_restart_forgets_pending_signals(void **state)
{
    (void)state;
    ut_svc(UT_INTRUDER, BH_SYS_NOTIFY, UT_CLIENT, 0, 0, 0);
    bh_kernel_irq(UT_IRQ_CLIENT);
    crash(UT_CLIENT);
    assert_int_equal(ut_box(UT_CLIENT)->signals, 0);
}

static void test_fault_record_names_box_generation_kind_and_count(void **state)
{
    (void)state;
    crash(UT_CLIENT);
    const bh_fault_t *f = &ut_box(UT_CLIENT)->fault;
    assert_int_equal(f->box, UT_CLIENT);
    assert_int_equal(f->generation, 1); /* the generation that faulted */
    assert_int_equal(f->kind, BH_FAULT_EXIT);
    assert_int_equal(f->detail, BH_SYS_EXIT);
    assert_int_equal(f->count, 1);
    ut_svc(UT_CLIENT, 200, 0, 0, 0, 0);
    assert_int_equal(f->generation, 2);
    assert_int_equal(f->kind, BH_FAULT_SYSCALL);
    assert_int_equal(f->detail, 200);
    assert_int_equal(f->count, 2);
}

static void test_fault_record_gives_pc_as_offset_into_own_code(void **state)
{
    (void)state;
    crash(UT_CLIENT);
    assert_int_equal(ut_box(UT_CLIENT)->fault.pc_offset, UT_SVC_OFFSET);
    hw_fault(UT_CLIENT, BH_FAULT_USAGE, UT_CODE_BASE(UT_CLIENT) + 0x123u, 0, false);
    assert_int_equal(ut_box(UT_CLIENT)->fault.pc_offset, 0x123u);
    ut_assert_console(", pc +0x00000123");
}

static void test_fault_record_withholds_pc_outside_own_code(void **state)
{
    (void)state;
    hw_fault(UT_CLIENT, BH_FAULT_MEMMANAGE, UT_CODE_BASE(UT_SERVER) + 0x10u, 0, false);
    assert_int_equal(ut_box(UT_CLIENT)->fault.pc_offset, 0xFFFFFFFFu);
    hw_fault(UT_CLIENT, BH_FAULT_MEMMANAGE, UT_CODE_BASE(UT_CLIENT) + UT_CODE_SIZE, 0, false);
    assert_int_equal(ut_box(UT_CLIENT)->fault.pc_offset, 0xFFFFFFFFu);
    ut_assert_console(", pc unknown");
}

/* A fetch outside the code (no fault address from the arch): the PC is the
 * address, shown only when it lies in the box's own memory. */
static void test_fault_record_gives_fetch_address_inside_own_memory(void **state)
{
    (void)state;
    uint32_t pc = UT_SCRATCH(UT_CLIENT) + 0x40u; /* jumped into its own RAM */
    hw_fault(UT_CLIENT, BH_FAULT_MEMMANAGE, pc, 0, false);
    const bh_fault_t *f = &ut_box(UT_CLIENT)->fault;
    assert_int_equal(f->pc_offset, 0xFFFFFFFFu);
    assert_int_equal(f->addr_valid, 1);
    assert_int_equal(f->addr, pc);
}

static void test_fault_record_withholds_fetch_address_outside_own_memory(void **state)
{
    (void)state;
    const uint32_t pcs[] = {UT_CODE_BASE(UT_SERVER) + 0x10u, UT_KERNEL_CODE + 0x200u, 0xFFFFFFFFu};
    for (size_t i = 0; i < sizeof pcs / sizeof pcs[0]; i++) {
        hw_fault(UT_CLIENT, BH_FAULT_MEMMANAGE, pcs[i], 0, false);
        assert_int_equal(ut_box(UT_CLIENT)->fault.addr_valid, 0);
        assert_int_equal(ut_box(UT_CLIENT)->fault.addr, 0);
        bh_k.ticks += 1000u;
    }
}

static void test_fault_record_withholds_address_outside_the_box(void **state)
{
    (void)state;
    const uint32_t foreign[] = {UT_SCRATCH(UT_SERVER) + 0x123u, UT_KERNEL_RAM + 0x40u, UT_GAP(UT_CLIENT),
                                0xE000ED28u};
    for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++) {
        bh_sim_console_clear();
        hw_fault(UT_CLIENT, BH_FAULT_MEMMANAGE, UT_CODE_BASE(UT_CLIENT), foreign[i], true);
        const bh_fault_t *f = &ut_box(UT_CLIENT)->fault;
        assert_int_equal(f->addr_valid, 0);
        assert_int_equal(f->addr, 0);
        char hex[16];
        snprintf(hex, sizeof hex, "0x%08x", (unsigned)foreign[i]);
        assert_false(bh_sim_console_has(hex));
        ut_assert_console("address outside the box (withheld)");
        bh_k.ticks += 1000u; /* a fresh restart budget */
    }
}

static void test_fault_record_keeps_address_inside_own_regions(void **state)
{
    (void)state;
    const uint32_t own[] = {UT_SCRATCH(UT_CLIENT) + 0x10u, UT_RO_BASE + 4u, UT_DEV_BASE + 8u};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        hw_fault(UT_CLIENT, BH_FAULT_BUS, UT_CODE_BASE(UT_CLIENT), own[i], true);
        assert_int_equal(ut_box(UT_CLIENT)->fault.addr_valid, 1);
        assert_int_equal(ut_box(UT_CLIENT)->fault.addr, own[i]);
        bh_k.ticks += 1000u;
    }
    hw_fault(UT_CLIENT, BH_FAULT_BUS, UT_CODE_BASE(UT_CLIENT), UT_SCRATCH(UT_CLIENT), false);
    assert_int_equal(ut_box(UT_CLIENT)->fault.addr_valid, 0); /* the arch had none */
}

static void test_fault_of_running_box_discards_its_context(void **state)
{
    (void)state;
    crash(UT_CLIENT);
    assert_null(bh_k.current);
}

static void test_fault_restarted_server_fails_calls_with_restarted(void **state)
{
    (void)state;
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, 0, 0, 0, 0);
    ut_call(UT_INTRUDER, UT_GW_ECHO, 1, 0, 0, 0, 0);
    crash(UT_SERVER);
    for (uint32_t id = UT_CLIENT; id <= UT_INTRUDER; id++) {
        assert_int_equal(ut_box(id)->state, BH_STATE_READY);
        assert_int_equal((int32_t)ut_frame(id)->r0, BH_E_RESTARTED);
    }
    assert_int_equal(bh_k.gw[UT_GW_ECHO].pending, 0);
    assert_int_equal(ut_box(UT_SERVER)->signals, 0);
    ut_assert_invariants();
}

static void test_fault_stopped_server_fails_calls_with_stopped(void **state)
{
    (void)state;
    ut_call(UT_CLIENT, UT_GW_LAST, 1, 0, 0, 0, 0);
    crash(UT_STOPPER);
    assert_int_equal((int32_t)ut_frame(UT_CLIENT)->r0, BH_E_STOPPED);
    ut_call(UT_CLIENT, UT_GW_LAST, 1, 0, 0, 0, 0);
    assert_int_equal((int32_t)ut_frame(UT_CLIENT)->r0, BH_E_STOPPED);
    ut_assert_invariants();
}

static void test_fault_stop_policy_stops_at_first_fault(void **state)
{
    (void)state;
    crash(UT_STOPPER);
    const bh_box_t *b = ut_box(UT_STOPPER);
    assert_int_equal(b->state, BH_STATE_STOPPED);
    assert_int_equal(b->generation, 1);
    assert_false((bh_k.ready >> UT_STOPPER) & 1u);
    ut_assert_console("box 'stopper' stopped (policy stop)\n");
    ut_assert_invariants();
}

static void test_fault_restart_budget_turns_crash_loop_into_stop(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < 3; i++) {
        crash(UT_CLIENT);
        assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_READY);
        ut_ticks(10);
    }
    assert_int_equal(ut_box(UT_CLIENT)->generation, 4);
    crash(UT_CLIENT);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_STOPPED);
    assert_int_equal(ut_box(UT_CLIENT)->generation, 4);
    assert_false(bh_sim_irq_is_enabled(UT_IRQ_CLIENT));
    ut_assert_console("box 'client' stopped: restart budget exhausted\n");
    ut_assert_invariants();
}

static void test_fault_restart_budget_renews_after_its_window(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < 3; i++) {
        crash(UT_CLIENT);
    }
    ut_ticks(1000);
    crash(UT_CLIENT);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_READY);
    assert_int_equal(ut_box(UT_CLIENT)->generation, 5);
}

static void test_fault_restart_budget_of_one(void **state)
{
    (void)state;
    crash(UT_SPARE);
    assert_int_equal(ut_box(UT_SPARE)->state, BH_STATE_READY);
    ut_ticks(499);
    crash(UT_SPARE);
    assert_int_equal(ut_box(UT_SPARE)->state, BH_STATE_STOPPED);
}

static void test_fault_reset_policy_requests_reset_and_persists_epitaph(void **state)
{
    (void)state;
    assert_int_equal(ut_svc_catch(UT_RESETTER, BH_SYS_EXIT, 0, 0, 0), BH_SIM_RESET);
    assert_int_equal(bh_sim.resets, 1);
    ut_assert_console("box 'resetter' has policy reset: resetting the system\n");
    const bh_epitaph_t *e = bh_epitaph();
    assert_int_equal(e->policy_resets, 1);
    assert_int_equal(e->last.box, UT_RESETTER);
    assert_int_equal(e->last.kind, BH_FAULT_EXIT);
    assert_int_equal(e->last.generation, 1);
    assert_int_equal(e->last.pc_offset, UT_SVC_OFFSET);
    ut_reboot();
    e = bh_epitaph();
    assert_int_equal(e->boots, 2);
    assert_int_equal(e->policy_resets, 1);
    ut_assert_console("[kernel] previous reset: box 'resetter' entry function returned\n");
    assert_int_equal(ut_box(UT_RESETTER)->state, BH_STATE_READY);
    ut_reboot(); /* a later, clean reset */
    assert_false(bh_sim_console_has("previous reset"));
}

static void test_fault_supervisor_is_notified(void **state)
{
    (void)state;
    ut_svc(UT_SUPER, BH_SYS_WAIT, BH_SIG_FAULT, BH_FOREVER, 0, 0);
    crash(UT_CLIENT);
    assert_int_equal(ut_box(UT_SUPER)->state, BH_STATE_READY);
    assert_int_equal(ut_frame(UT_SUPER)->r0, BH_SIG_FAULT);
    assert_ptr_equal(bh_k.next, ut_box(UT_SUPER));
}

static void test_fault_stopped_supervisor_is_not_notified(void **state)
{
    (void)state;
    crash(UT_SUPER); /* policy stop */
    crash(UT_CLIENT);
    assert_int_equal(ut_box(UT_SUPER)->signals, 0);
}

static void test_fault_in_kernel_thread_panics_and_resets(void **state)
{
    (void)state;
    bh_fault_report_t r = {BH_FAULT_HARD, 0x1234u, 0, false, 0};
    bh_k.current = &bh_k.idle;
    assert_int_equal(bh_sim_run(kernel_fault_fn, &r), BH_SIM_RESET);
    ut_assert_console("PANIC: fault in kernel thread");
    assert_int_equal(bh_epitaph()->last.kind, BH_FAULT_HARD);
    assert_int_equal(bh_epitaph()->last.box, 0xFFFFFFFFu); /* the kernel, no box */
    bh_k.current = NULL;
    assert_int_equal(bh_sim_run(kernel_fault_fn, &r), BH_SIM_RESET);
    ut_reboot();
    ut_assert_console("[kernel] previous reset: kernel hard fault\n");
}

static void test_fault_every_kind_has_a_name(void **state)
{
    (void)state;
    for (uint32_t k = 0; k < BH_FAULT_KIND_COUNT; k++) {
        assert_string_not_equal(bh_fault_kind_str(k), "unknown");
    }
    assert_string_equal(bh_fault_kind_str(BH_FAULT_KIND_COUNT), "unknown");
    assert_string_equal(bh_fault_kind_str(0xFFFFFFFFu), "unknown");
}

#define T(fn) cmocka_unit_test_setup(fn, ut_setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_fault_restart_reinitialises_data_bss_and_stack),
        T(test_fault_restart_raises_generation),
        T(test_fault_restart_forgets_pending_signals),
        T(test_fault_record_names_box_generation_kind_and_count),
        T(test_fault_record_gives_pc_as_offset_into_own_code),
        T(test_fault_record_withholds_pc_outside_own_code),
        T(test_fault_record_gives_fetch_address_inside_own_memory),
        T(test_fault_record_withholds_fetch_address_outside_own_memory),
        T(test_fault_record_withholds_address_outside_the_box),
        T(test_fault_record_keeps_address_inside_own_regions),
        T(test_fault_of_running_box_discards_its_context),
        T(test_fault_restarted_server_fails_calls_with_restarted),
        T(test_fault_stopped_server_fails_calls_with_stopped),
        T(test_fault_stop_policy_stops_at_first_fault),
        T(test_fault_restart_budget_turns_crash_loop_into_stop),
        T(test_fault_restart_budget_renews_after_its_window),
        T(test_fault_restart_budget_of_one),
        T(test_fault_reset_policy_requests_reset_and_persists_epitaph),
        T(test_fault_supervisor_is_notified),
        T(test_fault_stopped_supervisor_is_not_notified),
        T(test_fault_in_kernel_thread_panics_and_resets),
        T(test_fault_every_kind_has_a_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
