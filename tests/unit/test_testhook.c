/*
 * test_testhook.c — testhook.c: the test-build kernel hooks (BH_SYS_TEST).
 *
 * A fault declared expected (box, kind or any, a count of them) is counted
 * and handled by the box's policy; each such fault uses up one of the
 * count. Any other fault, and any panic, ends the run (halt 3 / 99) before
 * the policy runs. The test ops report state, generation, boots and the
 * run's argument, and end the run with a code.
 * The hook state is process-wide: every test starts by clearing it.
 * Runs: host.
 */
#include "ut.h"

#include "fault.h"

static int32_t test_op(uint32_t id, uint32_t op, uint32_t a, uint32_t b)
{
    return (int32_t)ut_svc(id, BH_SYS_TEST, op, a, b, 0)->r0;
}

static uint32_t seen(void)
{
    return (uint32_t)test_op(UT_SUPER, BH_TEST_EXPECTED_SEEN, 0, 0);
}

static int setup(void **state)
{
    ut_setup(state);
    test_op(UT_SUPER, BH_TEST_EXPECT_FAULT, BH_MAX_BOXES, 0); /* expect nothing */
    bh_sim_console_clear();
    return 0;
}

static void test_testhook_expected_fault_is_counted_and_handled(void **state)
{
    (void)state;
    uint32_t before = seen();
    assert_int_equal(test_op(UT_SUPER, BH_TEST_EXPECT_FAULT, UT_CLIENT, BH_FAULT_BADPTR), BH_OK);
    assert_int_equal(ut_svc_catch(UT_CLIENT, BH_SYS_SELF, UT_KERNEL_RAM, 0, 0), BH_SIM_RETURNED);
    assert_int_equal(seen(), before + 1u);
    assert_int_equal(ut_box(UT_CLIENT)->generation, 2); /* policy applied */
    ut_assert_console("(expected fault)\n");
}

static void test_testhook_expectation_is_consumed_by_one_fault(void **state)
{
    (void)state;
    test_op(UT_SUPER, BH_TEST_EXPECT_FAULT, UT_CLIENT, BH_FAULT_EXIT);
    assert_int_equal(ut_svc_catch(UT_CLIENT, BH_SYS_EXIT, 0, 0, 0), BH_SIM_RETURNED);
    assert_int_equal(ut_svc_catch(UT_CLIENT, BH_SYS_EXIT, 0, 0, 0), BH_SIM_HALT);
    assert_int_equal(bh_sim.halt_code, 3);
}

static void test_testhook_expects_a_counted_number_of_faults(void **state)
{
    (void)state;
    uint32_t before = seen();
    test_op(UT_SUPER, BH_TEST_EXPECT_FAULT, UT_CLIENT, BH_FAULT_EXIT | (3u << 16));
    for (uint32_t i = 0; i < 3; i++) {
        assert_int_equal(ut_svc_catch(UT_CLIENT, BH_SYS_EXIT, 0, 0, 0), BH_SIM_RETURNED);
    }
    assert_int_equal(seen(), before + 3u);
    assert_int_equal(ut_svc_catch(UT_CLIENT, BH_SYS_EXIT, 0, 0, 0), BH_SIM_HALT);
}

static void test_testhook_expecting_any_kind_matches_every_kind(void **state)
{
    (void)state;
    uint32_t before = seen();
    test_op(UT_SUPER, BH_TEST_EXPECT_FAULT, UT_CLIENT, BH_FAULT_NONE);
    assert_int_equal(ut_svc_catch(UT_CLIENT, 77, 0, 0, 0), BH_SIM_RETURNED);
    assert_int_equal(seen(), before + 1u);
}

static void test_testhook_fault_of_other_kind_ends_the_run(void **state)
{
    (void)state;
    test_op(UT_SUPER, BH_TEST_EXPECT_FAULT, UT_CLIENT, BH_FAULT_BADPTR);
    assert_int_equal(ut_svc_catch(UT_CLIENT, BH_SYS_EXIT, 0, 0, 0), BH_SIM_HALT);
    assert_int_equal(bh_sim.halt_code, 3);
    ut_assert_console("TEST FAIL: unexpected fault\n");
    assert_int_equal(ut_box(UT_CLIENT)->generation, 1); /* halted before the policy */
}

static void test_testhook_fault_of_other_box_ends_the_run(void **state)
{
    (void)state;
    test_op(UT_SUPER, BH_TEST_EXPECT_FAULT, UT_CLIENT, BH_FAULT_EXIT);
    assert_int_equal(ut_svc_catch(UT_INTRUDER, BH_SYS_EXIT, 0, 0, 0), BH_SIM_HALT);
    assert_int_equal(bh_sim.halt_code, 3);
}

static void test_testhook_undeclared_fault_ends_the_run(void **state)
{
    (void)state;
    assert_int_equal(ut_svc_catch(UT_CLIENT, BH_SYS_EXIT, 0, 0, 0), BH_SIM_HALT);
    assert_int_equal(bh_sim.halt_code, 3);
}

static void panic_fn(void *arg)
{
    (void)arg;
    bh_kernel_panic("unit test", 1, 2);
}

static void test_testhook_panic_ends_the_run_with_99(void **state)
{
    (void)state;
    assert_int_equal(bh_sim_run(panic_fn, NULL), BH_SIM_HALT);
    assert_int_equal(bh_sim.halt_code, 99);
    assert_int_equal(bh_sim.resets, 0);
    ut_assert_console("[kernel] PANIC: unit test 0x00000001 0x00000002\n");
}

static void test_testhook_exit_ends_the_run_with_its_code(void **state)
{
    (void)state;
    assert_int_equal(ut_svc_catch(UT_CLIENT, BH_SYS_TEST, BH_TEST_EXIT, 0, 0), BH_SIM_HALT);
    assert_int_equal(bh_sim.halt_code, 0);
    ut_assert_console("TEST PASS\n");
    assert_int_equal(ut_svc_catch(UT_CLIENT, BH_SYS_TEST, BH_TEST_EXIT, 5, 0), BH_SIM_HALT);
    assert_int_equal(bh_sim.halt_code, 5);
    ut_assert_console("TEST FAIL\n");
}

static void test_testhook_reports_box_state_and_generation(void **state)
{
    (void)state;
    test_op(UT_STOPPER, BH_TEST_EXPECT_FAULT, UT_STOPPER, 0);
    ut_svc(UT_STOPPER, BH_SYS_EXIT, 0, 0, 0, 0);
    test_op(UT_CLIENT, BH_TEST_EXPECT_FAULT, UT_CLIENT, 0);
    ut_svc(UT_CLIENT, BH_SYS_EXIT, 0, 0, 0, 0);
    assert_int_equal(test_op(UT_SUPER, BH_TEST_BOX_STATE, UT_STOPPER, 0), BH_STATE_STOPPED);
    assert_int_equal(test_op(UT_SUPER, BH_TEST_BOX_STATE, UT_CLIENT, 0), BH_STATE_READY);
    assert_int_equal(test_op(UT_SUPER, BH_TEST_GENERATION, UT_CLIENT, 0), 2);
    assert_int_equal(test_op(UT_SUPER, BH_TEST_GENERATION, UT_NBOXES, 0), BH_E_INVALID);
    assert_int_equal(test_op(UT_SUPER, BH_TEST_BOX_STATE, 0xFFFFFFFFu, 0), BH_E_INVALID);
}

static void test_testhook_reports_boot_count(void **state)
{
    (void)state;
    assert_int_equal(test_op(UT_SUPER, BH_TEST_BOOTS, 0, 0), 1);
    ut_reboot();
    assert_int_equal(test_op(UT_SUPER, BH_TEST_BOOTS, 0, 0), 2);
}

static void test_testhook_reports_the_run_argument(void **state)
{
    (void)state;
    assert_int_equal(test_op(UT_SUPER, BH_TEST_ARG, 0, 0), -1);
    bh_sim.test_arg = 42;
    assert_int_equal(test_op(UT_SUPER, BH_TEST_ARG, 0, 0), 42);
}

static void test_testhook_rejects_unknown_op(void **state)
{
    (void)state;
    assert_int_equal(test_op(UT_SUPER, 0, 0, 0), BH_E_INVALID);
    assert_int_equal(test_op(UT_SUPER, 99, 0, 0), BH_E_INVALID);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_testhook_expected_fault_is_counted_and_handled),
        T(test_testhook_expectation_is_consumed_by_one_fault),
        T(test_testhook_expects_a_counted_number_of_faults),
        T(test_testhook_expecting_any_kind_matches_every_kind),
        T(test_testhook_fault_of_other_kind_ends_the_run),
        T(test_testhook_fault_of_other_box_ends_the_run),
        T(test_testhook_undeclared_fault_ends_the_run),
        T(test_testhook_panic_ends_the_run_with_99),
        T(test_testhook_exit_ends_the_run_with_its_code),
        T(test_testhook_reports_box_state_and_generation),
        T(test_testhook_reports_boot_count),
        T(test_testhook_reports_the_run_argument),
        T(test_testhook_rejects_unknown_op),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
