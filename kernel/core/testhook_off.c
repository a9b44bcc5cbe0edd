/*
 * testhook_off.c — product kernels: no test syscalls, no fault bookkeeping.
 * Runs: privileged.
 */
#include "fault.h"
#include "syscall.h"

/*@ assigns \nothing; */
void bh_test_on_fault(const bh_box_t *b, uint32_t kind)
{
    (void)b;
    (void)kind;
}

/*@ assigns \nothing; */
void bh_test_on_panic(void)
{
}

/*@ requires \valid(f);
    assigns f->r0;
    ensures f->r0 == (uint32_t)BH_E_NOSYS && \result == BH_FAULT_NONE; */
uint32_t bh_sys_test(bh_box_t *self, bh_frame_t *f)
{
    (void)self;
    bh_ret(f, BH_E_NOSYS);
    return BH_FAULT_NONE;
}
