/*
 * testhook_off.c — product kernels: no test syscalls, no fault bookkeeping.
 * Runs: privileged.
 */
#include "fault.h"
#include "syscall.h"

void bh_test_on_fault(const bh_box_t *b, uint32_t kind)
{
    (void)b;
    (void)kind;
}

void bh_test_on_panic(void)
{
}

uint32_t bh_sys_test(bh_box_t *self, bh_frame_t *f)
{
    (void)self;
    bh_ret(f, BH_E_NOSYS);
    return BH_FAULT_NONE;
}
