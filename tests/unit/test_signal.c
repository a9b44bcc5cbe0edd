/*
 * test_signal.c — signal.c: bh_wait, bh_notify, bh_irq_enable and the
 * routing of interrupts to boxes.
 *
 * Edge signals (notify, IRQ, fault) are returned once and cleared; gateway
 * signals stay set while a call waits. bh_notify obeys the notify mask. An
 * IRQ is masked when it fires and unmasked only by its owner; a stopped
 * box receives none.
 * Runs: host.
 */
#include "ut.h"

#include "box.h"
#include "signal.h"

static uint32_t wait_sigs(uint32_t id, uint32_t mask, uint32_t timeout)
{
    return ut_svc(id, BH_SYS_WAIT, mask, timeout, 0, 0)->r0;
}

static int32_t notify(uint32_t from, uint32_t to)
{
    return (int32_t)ut_svc(from, BH_SYS_NOTIFY, to, 0, 0, 0)->r0;
}

static void test_signal_notify_sets_the_target_signal(void **state)
{
    (void)state;
    assert_int_equal(notify(UT_CLIENT, UT_SERVER), BH_OK);
    assert_int_equal(ut_box(UT_SERVER)->signals, BH_SIG_NOTIFY);
}

static void test_signal_notify_wakes_a_waiting_box(void **state)
{
    (void)state;
    wait_sigs(UT_SERVER, BH_SIG_NOTIFY, BH_FOREVER);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_BLOCKED);
    notify(UT_CLIENT, UT_SERVER);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_READY);
    assert_int_equal(ut_frame(UT_SERVER)->r0, BH_SIG_NOTIFY);
    assert_int_equal(ut_box(UT_SERVER)->signals, 0); /* edge: consumed */
    ut_assert_invariants();
}

static void test_signal_notify_denied_outside_the_notify_mask(void **state)
{
    (void)state;
    assert_int_equal(notify(UT_CLIENT, UT_SUPER), BH_E_DENIED);
    assert_int_equal(notify(UT_INTRUDER, UT_SERVER), BH_E_DENIED);
    assert_int_equal(notify(UT_CLIENT, UT_CLIENT), BH_E_DENIED);
    assert_int_equal(ut_box(UT_SUPER)->signals, 0);
    assert_int_equal(ut_box(UT_SERVER)->signals, 0);
}

static void test_signal_notify_denied_for_box_that_does_not_exist(void **state)
{
    (void)state;
    assert_int_equal(notify(UT_CLIENT, UT_NBOXES), BH_E_DENIED);
    assert_int_equal(notify(UT_CLIENT, 31), BH_E_DENIED);
    assert_int_equal(notify(UT_CLIENT, 0xFFFFFFFFu), BH_E_DENIED);
}

static void test_signal_notify_to_stopped_box_only_sets_the_bit(void **state)
{
    (void)state;
    ut_svc(UT_SERVER, BH_SYS_WAIT, BH_SIG_NOTIFY, BH_FOREVER, 0, 0);
    bh_box_stop(ut_box(UT_SERVER));
    assert_int_equal(notify(UT_CLIENT, UT_SERVER), BH_OK);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_STOPPED);
    assert_int_equal(ut_box(UT_SERVER)->signals, BH_SIG_NOTIFY);
    ut_assert_invariants();
}

static void test_signal_wait_returns_pending_signals_at_once(void **state)
{
    (void)state;
    notify(UT_CLIENT, UT_SERVER);
    assert_int_equal(wait_sigs(UT_SERVER, BH_SIG_NOTIFY | UT_SIG_ECHO, BH_FOREVER), BH_SIG_NOTIFY);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_READY);
    assert_int_equal(ut_box(UT_SERVER)->signals, 0);
}

static void test_signal_wait_takes_only_the_masked_signals(void **state)
{
    (void)state;
    notify(UT_CLIENT, UT_SERVER);
    bh_kernel_irq(UT_IRQ_SERVER);
    assert_int_equal(wait_sigs(UT_SERVER, UT_SIG_SERVER_IRQ, BH_FOREVER), UT_SIG_SERVER_IRQ);
    assert_int_equal(ut_box(UT_SERVER)->signals, BH_SIG_NOTIFY);
}

static void test_signal_wait_keeps_gateway_signal_while_call_waits(void **state)
{
    (void)state;
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, 0, 0, 0, 0);
    assert_int_equal(wait_sigs(UT_SERVER, UT_SIG_ECHO, BH_FOREVER), UT_SIG_ECHO);
    assert_int_equal(wait_sigs(UT_SERVER, UT_SIG_ECHO, BH_FOREVER), UT_SIG_ECHO);
    assert_int_equal(ut_box(UT_SERVER)->signals, UT_SIG_ECHO);
}

static void test_signal_wait_with_zero_timeout_polls(void **state)
{
    (void)state;
    assert_int_equal(wait_sigs(UT_SERVER, 0xFFFFFFFFu, 0), 0);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_READY);
}

static void test_signal_unmasked_signal_does_not_wake_a_waiter(void **state)
{
    (void)state;
    wait_sigs(UT_SERVER, UT_SIG_SERVER_IRQ, BH_FOREVER);
    notify(UT_CLIENT, UT_SERVER);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_BLOCKED);
    assert_int_equal(ut_box(UT_SERVER)->signals, BH_SIG_NOTIFY); /* kept for later */
    bh_kernel_irq(UT_IRQ_SERVER);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_READY);
    assert_int_equal(ut_frame(UT_SERVER)->r0, UT_SIG_SERVER_IRQ);
    assert_int_equal(ut_box(UT_SERVER)->signals, BH_SIG_NOTIFY);
}

static void test_signal_irq_is_masked_and_signalled_to_its_owner(void **state)
{
    (void)state;
    assert_true(bh_sim_irq_is_enabled(UT_IRQ_SERVER));
    bh_kernel_irq(UT_IRQ_SERVER);
    assert_false(bh_sim_irq_is_enabled(UT_IRQ_SERVER));
    assert_int_equal(ut_box(UT_SERVER)->signals, UT_SIG_SERVER_IRQ);
    assert_int_equal(ut_box(UT_CLIENT)->signals, 0);
    assert_true(bh_sim_irq_is_enabled(UT_IRQ_CLIENT));
}

static void test_signal_irq_wakes_owner_and_reschedules(void **state)
{
    (void)state;
    ut_svc(UT_SUPER, BH_SYS_WAIT, 0, BH_FOREVER, 0, 0);
    wait_sigs(UT_SERVER, UT_SIG_SERVER_IRQ, BH_FOREVER);
    assert_ptr_equal(bh_k.next, ut_box(UT_STOPPER));
    bh_kernel_irq(UT_IRQ_SERVER);
    assert_ptr_equal(bh_k.next, ut_box(UT_SERVER));
    assert_int_equal(ut_frame(UT_SERVER)->r0, UT_SIG_SERVER_IRQ);
}

static void test_signal_irq_enable_unmasks_own_irq(void **state)
{
    (void)state;
    bh_kernel_irq(UT_IRQ_SERVER);
    bh_frame_t *f = ut_svc(UT_SERVER, BH_SYS_IRQ_ENABLE, UT_SIG_SERVER_IRQ, 0, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_OK);
    assert_true(bh_sim_irq_is_enabled(UT_IRQ_SERVER));
}

static void test_signal_irq_enable_rejects_signal_of_no_own_irq(void **state)
{
    (void)state;
    bh_kernel_irq(UT_IRQ_CLIENT);
    const uint32_t sigs[] = {UT_SIG_CLIENT_IRQ, UT_SIG_ECHO, BH_SIG_NOTIFY, 0, UT_SIG_SERVER_IRQ | 1u};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        bh_frame_t *f = ut_svc(UT_SERVER, BH_SYS_IRQ_ENABLE, sigs[i], 0, 0, 0);
        assert_int_equal((int32_t)f->r0, BH_E_INVALID);
    }
    assert_false(bh_sim_irq_is_enabled(UT_IRQ_CLIENT));
    assert_int_equal(bh_sim.irq_enables[UT_IRQ_CLIENT], 1); /* boot only */
}

static void test_signal_unrouted_irq_is_only_masked(void **state)
{
    (void)state;
    bh_kernel_irq(20);
    assert_false(bh_sim_irq_is_enabled(20));
    for (uint32_t i = 0; i < UT_NBOXES; i++) {
        assert_int_equal(ut_box(i)->signals, 0);
    }
}

static void test_signal_stopped_box_gets_no_irq(void **state)
{
    (void)state;
    bh_box_stop(ut_box(UT_CLIENT));
    assert_false(bh_sim_irq_is_enabled(UT_IRQ_CLIENT));
    bh_kernel_irq(UT_IRQ_CLIENT);
    assert_int_equal(ut_box(UT_CLIENT)->signals, 0);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_STOPPED);
}

static void test_signal_restart_unmasks_the_box_irqs_again(void **state)
{
    (void)state;
    bh_kernel_irq(UT_IRQ_CLIENT);
    ut_svc(UT_CLIENT, BH_SYS_EXIT, 0, 0, 0, 0); /* restart */
    assert_true(bh_sim_irq_is_enabled(UT_IRQ_CLIENT));
    assert_int_equal(ut_box(UT_CLIENT)->signals, 0); /* the old IRQ signal is gone */
}

static void test_signal_gateway_mask_lists_own_gateways(void **state)
{
    (void)state;
    assert_int_equal(bh_signal_gateway_mask(ut_box(UT_SERVER)), UT_SIG_ECHO | UT_SIG_BIG);
    assert_int_equal(bh_signal_gateway_mask(ut_box(UT_STOPPER)), UT_SIG_LAST);
    assert_int_equal(bh_signal_gateway_mask(ut_box(UT_CLIENT)), 0);
}

#define T(fn) cmocka_unit_test_setup(fn, ut_setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_signal_notify_sets_the_target_signal),
        T(test_signal_notify_wakes_a_waiting_box),
        T(test_signal_notify_denied_outside_the_notify_mask),
        T(test_signal_notify_denied_for_box_that_does_not_exist),
        T(test_signal_notify_to_stopped_box_only_sets_the_bit),
        T(test_signal_wait_returns_pending_signals_at_once),
        T(test_signal_wait_takes_only_the_masked_signals),
        T(test_signal_wait_keeps_gateway_signal_while_call_waits),
        T(test_signal_wait_with_zero_timeout_polls),
        T(test_signal_unmasked_signal_does_not_wake_a_waiter),
        T(test_signal_irq_is_masked_and_signalled_to_its_owner),
        T(test_signal_irq_wakes_owner_and_reschedules),
        T(test_signal_irq_enable_unmasks_own_irq),
        T(test_signal_irq_enable_rejects_signal_of_no_own_irq),
        T(test_signal_unrouted_irq_is_only_masked),
        T(test_signal_stopped_box_gets_no_irq),
        T(test_signal_restart_unmasks_the_box_irqs_again),
        T(test_signal_gateway_mask_lists_own_gateways),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
