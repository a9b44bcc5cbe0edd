/*
 * test_syscall.c — syscall.c: the dispatcher and the small syscalls
 * (bh_yield, bh_self, bh_fault_info, bh_exit) and the copy helpers.
 *
 * An unknown syscall number is a BH_FAULT_SYSCALL fault of the caller;
 * every known number reaches its handler; the scheduler runs after each
 * syscall; bh_fault_info gives a box its own record and a supervisor any
 * record, nobody else's; a pointer outside the box is a fault.
 * Runs: host.
 */
#include "ut.h"

#include <string.h>

#include "syscall.h"

#define BUF UT_SCRATCH(UT_CLIENT)
#define SUPBUF UT_SCRATCH(UT_SUPER)

static void test_syscall_unknown_number_is_a_syscall_fault(void **state)
{
    (void)state;
    const uint32_t bad[] = {BH_SYS_COUNT, 255, 0xFFFFFFFFu};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ut_svc(UT_CLIENT, bad[i], 0, 0, 0, 0);
        const bh_box_t *b = ut_box(UT_CLIENT);
        assert_int_equal(b->fault.kind, BH_FAULT_SYSCALL);
        assert_int_equal(b->fault.detail, bad[i]);
        assert_int_equal(b->fault.pc_offset, UT_SVC_OFFSET); /* the SVC itself */
        assert_int_equal(b->generation, 2u + i);
    }
}

/* Arguments that are valid for each syscall: it must run without a
 * syscall fault (EXIT faults by design, with its own kind). */
static void test_syscall_every_number_reaches_its_handler(void **state)
{
    (void)state;
    static const uint32_t args[BH_SYS_COUNT][4] = {
        [BH_SYS_CALL] = {UT_GW_ECHO, 1, 0, 0},
        [BH_SYS_GET] = {UT_SIG_ECHO, BUF, 0, 0},
        [BH_SYS_READ] = {0, 0, BUF, 4},
        [BH_SYS_WRITE] = {0, 0, BUF, 4},
        [BH_SYS_NOTIFY] = {UT_SERVER, 0, 0, 0},
        [BH_SYS_IRQ_ENABLE] = {UT_SIG_CLIENT_IRQ, 0, 0, 0},
        [BH_SYS_LOG] = {BUF, 4, 0, 0},
        [BH_SYS_FAULT_INFO] = {UT_CLIENT, BUF, 0, 0},
        [BH_SYS_SELF] = {BUF, 0, 0, 0},
    };
    for (uint32_t n = 0; n < BH_SYS_COUNT; n++) {
        ut_boot();
        ut_svc(UT_CLIENT, n, args[n][0], args[n][1], args[n][2], args[n][3]);
        uint32_t want = n == BH_SYS_EXIT ? BH_FAULT_EXIT : BH_FAULT_NONE;
        if (ut_box(UT_CLIENT)->fault.kind != want) {
            fail_msg("syscall %u: fault kind %u", n, ut_box(UT_CLIENT)->fault.kind);
        }
    }
}

static void test_syscall_dispatcher_reschedules_after_each_call(void **state)
{
    (void)state;
    ut_svc(UT_SUPER, BH_SYS_WAIT, 0, BH_FOREVER, 0, 0);
    assert_ptr_equal(bh_k.next, ut_box(UT_SERVER));
    ut_svc(UT_SERVER, BH_SYS_WAIT, 0, BH_FOREVER, 0, 0);
    assert_ptr_equal(bh_k.next, ut_box(UT_STOPPER));
}

static void svc_from_kernel_thread(void *arg)
{
    bh_frame_t f = {0};
    (void)arg;
    bh_kernel_svc(&f, BH_SYS_YIELD);
}

static void test_syscall_from_kernel_thread_panics(void **state)
{
    (void)state;
    bh_k.current = &bh_k.idle;
    assert_int_equal(bh_sim_run(svc_from_kernel_thread, NULL), BH_SIM_RESET);
    ut_assert_console("PANIC: syscall from kernel thread");
    bh_k.current = NULL;
    assert_int_equal(bh_sim_run(svc_from_kernel_thread, NULL), BH_SIM_RESET);
}

static void test_syscall_self_describes_the_box(void **state)
{
    (void)state;
    ut_svc(UT_CLIENT, BH_SYS_EXIT, 0, 0, 0, 0); /* generation 2, one restart */
    ut_ticks(42);
    bh_frame_t *f = ut_svc(UT_CLIENT, BH_SYS_SELF, BUF, 0, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_OK);
    bh_self_t s;
    ut_peek(&s, BUF, sizeof s);
    assert_int_equal(s.id, UT_CLIENT);
    assert_int_equal(s.generation, 2);
    assert_int_equal(s.restarts, 1);
    assert_int_equal(s.ticks, 42);
}

static void test_syscall_self_into_memory_outside_box_is_a_fault(void **state)
{
    (void)state;
    ut_svc(UT_CLIENT, BH_SYS_SELF, SUPBUF, 0, 0, 0);
    assert_int_equal(ut_box(UT_CLIENT)->fault.kind, BH_FAULT_BADPTR);
    assert_true(ut_all(SUPBUF, 0, sizeof(bh_self_t)));
    ut_svc(UT_CLIENT, BH_SYS_SELF, UT_RO_BASE, 0, 0, 0); /* own, but read-only */
    assert_int_equal(ut_box(UT_CLIENT)->generation, 3);
}

static void test_syscall_fault_info_gives_own_record(void **state)
{
    (void)state;
    ut_svc(UT_CLIENT, 200, 0, 0, 0, 0);
    bh_frame_t *f = ut_svc(UT_CLIENT, BH_SYS_FAULT_INFO, UT_CLIENT, BUF, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_STATE_READY);
    bh_fault_t rec;
    ut_peek(&rec, BUF, sizeof rec);
    assert_memory_equal(&rec, &ut_box(UT_CLIENT)->fault, sizeof rec);
    assert_int_equal(rec.kind, BH_FAULT_SYSCALL);
}

static void test_syscall_fault_info_denies_other_box_record(void **state)
{
    (void)state;
    ut_svc(UT_INTRUDER, 200, 0, 0, 0, 0);
    ut_fill(BUF, 0x5A, sizeof(bh_fault_t));
    bh_frame_t *f = ut_svc(UT_CLIENT, BH_SYS_FAULT_INFO, UT_INTRUDER, BUF, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_E_DENIED);
    assert_true(ut_all(BUF, 0x5A, sizeof(bh_fault_t)));
    f = ut_svc(UT_CLIENT, BH_SYS_FAULT_INFO, UT_SUPER, BUF, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_E_DENIED);
}

static void test_syscall_fault_info_gives_supervisor_any_record(void **state)
{
    (void)state;
    ut_svc(UT_STOPPER, BH_SYS_EXIT, 0, 0, 0, 0);
    bh_frame_t *f = ut_svc(UT_SUPER, BH_SYS_FAULT_INFO, UT_STOPPER, SUPBUF, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_STATE_STOPPED);
    bh_fault_t rec;
    ut_peek(&rec, SUPBUF, sizeof rec);
    assert_int_equal(rec.box, UT_STOPPER);
    assert_int_equal(rec.kind, BH_FAULT_EXIT);
    f = ut_svc(UT_SUPER, BH_SYS_FAULT_INFO, UT_CLIENT, SUPBUF, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_STATE_READY);
}

static void test_syscall_fault_info_rejects_box_that_does_not_exist(void **state)
{
    (void)state;
    ut_fill(SUPBUF, 0x5A, sizeof(bh_fault_t));
    bh_frame_t *f = ut_svc(UT_SUPER, BH_SYS_FAULT_INFO, UT_NBOXES, SUPBUF, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_E_INVALID);
    f = ut_svc(UT_CLIENT, BH_SYS_FAULT_INFO, 0xFFFFFFFFu, BUF, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_E_INVALID);
    assert_true(ut_all(SUPBUF, 0x5A, sizeof(bh_fault_t)));
}

static void test_syscall_fault_info_into_memory_outside_box_is_a_fault(void **state)
{
    (void)state;
    ut_svc(UT_CLIENT, BH_SYS_FAULT_INFO, UT_CLIENT, SUPBUF, 0, 0);
    assert_int_equal(ut_box(UT_CLIENT)->fault.kind, BH_FAULT_BADPTR);
    assert_true(ut_all(SUPBUF, 0, sizeof(bh_fault_t)));
}

static void test_syscall_fault_info_checks_pointer_before_box_id(void **state)
{
    (void)state;
    ut_svc(UT_CLIENT, BH_SYS_FAULT_INFO, 0xFFFFFFFFu, UT_KERNEL_RAM, 0, 0);
    assert_int_equal(ut_box(UT_CLIENT)->fault.kind, BH_FAULT_BADPTR);
}

static void test_syscall_fault_info_count_zero_means_never_faulted(void **state)
{
    (void)state;
    ut_svc(UT_SUPER, BH_SYS_FAULT_INFO, UT_SPARE, SUPBUF, 0, 0);
    bh_fault_t rec;
    ut_peek(&rec, SUPBUF, sizeof rec);
    assert_int_equal(rec.count, 0);
    assert_int_equal(rec.kind, BH_FAULT_NONE);
}

static void test_syscall_exit_is_an_exit_fault(void **state)
{
    (void)state;
    ut_svc(UT_CLIENT, BH_SYS_EXIT, 0, 0, 0, 0);
    assert_int_equal(ut_box(UT_CLIENT)->fault.kind, BH_FAULT_EXIT);
    assert_int_equal(ut_box(UT_CLIENT)->generation, 2);
}

static void test_syscall_test_ops_absent_from_product_kernel(void **state)
{
    (void)state;
    bh_frame_t *f = ut_svc(UT_CLIENT, BH_SYS_TEST, BH_TEST_EXIT, 0, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_E_NOSYS);
    assert_int_equal(bh_sim.halts, 0);
}

static void test_syscall_copy_handles_overlapping_ranges(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < 16; i++) {
        bh_sim_mem(BUF + i, 1)[0] = (uint8_t)i;
    }
    bh_copy(BUF + 4u, BUF, 8);
    const uint8_t *p = bh_sim_mem(BUF, 16);
    for (uint32_t i = 0; i < 8; i++) {
        assert_int_equal(p[4 + i], i);
    }
    bh_copy(0xE000ED00u, 0xE000E000u, 0); /* nothing to copy: nothing touched */
}

#define T(fn) cmocka_unit_test_setup(fn, ut_setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_syscall_unknown_number_is_a_syscall_fault),
        T(test_syscall_every_number_reaches_its_handler),
        T(test_syscall_dispatcher_reschedules_after_each_call),
        T(test_syscall_from_kernel_thread_panics),
        T(test_syscall_self_describes_the_box),
        T(test_syscall_self_into_memory_outside_box_is_a_fault),
        T(test_syscall_fault_info_gives_own_record),
        T(test_syscall_fault_info_denies_other_box_record),
        T(test_syscall_fault_info_gives_supervisor_any_record),
        T(test_syscall_fault_info_rejects_box_that_does_not_exist),
        T(test_syscall_fault_info_into_memory_outside_box_is_a_fault),
        T(test_syscall_fault_info_checks_pointer_before_box_id),
        T(test_syscall_fault_info_count_zero_means_never_faulted),
        T(test_syscall_exit_is_an_exit_fault),
        T(test_syscall_test_ops_absent_from_product_kernel),
        T(test_syscall_copy_handles_overlapping_ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
