/*
 * syscall.c — the syscall dispatcher and the small syscalls.
 *
 * One table indexed by the ABI enum (designated initialisers, checked
 * count). A handler returns a fault kind when the box broke the rules; the
 * dispatcher then applies the box's fault policy. After every syscall the
 * scheduler picks the box to run; the arch exit path switches if needed.
 * Runs: privileged, from the SVC exception only.
 */
#include "syscall.h"

#include <string.h>

#include "fault.h"
#include "umem.h"

static const bh_sys_fn sys_table[BH_SYS_COUNT] = {
    [BH_SYS_YIELD] = bh_sys_yield,
    [BH_SYS_CALL] = bh_sys_call,
    [BH_SYS_WAIT] = bh_sys_wait,
    [BH_SYS_GET] = bh_sys_get,
    [BH_SYS_READ] = bh_sys_read,
    [BH_SYS_WRITE] = bh_sys_write,
    [BH_SYS_REPLY] = bh_sys_reply,
    [BH_SYS_NOTIFY] = bh_sys_notify,
    [BH_SYS_SLEEP] = bh_sys_sleep,
    [BH_SYS_IRQ_ENABLE] = bh_sys_irq_enable,
    [BH_SYS_LOG] = bh_sys_log,
    [BH_SYS_FAULT_INFO] = bh_sys_fault_info,
    [BH_SYS_SELF] = bh_sys_self,
    [BH_SYS_EXIT] = bh_sys_exit,
    [BH_SYS_TEST] = bh_sys_test,
};
_Static_assert(sizeof sys_table / sizeof sys_table[0] == BH_SYS_COUNT, "one handler per syscall");

void bh_copy(uint32_t dst, uint32_t src, uint32_t len)
{
    if (len != 0u) {
        memmove(bh_arch_ptr(dst), bh_arch_ptr(src), len);
    }
}

void bh_copy_out(uint32_t dst, const void *src, uint32_t len)
{
    if (len != 0u) {
        memcpy(bh_arch_ptr(dst), src, len);
    }
}

void bh_copy_in(void *dst, uint32_t src, uint32_t len)
{
    if (len != 0u) {
        memcpy(dst, bh_arch_ptr(src), len);
    }
}

void bh_kernel_svc(bh_frame_t *f, uint32_t sysno)
{
    bh_box_t *self = bh_k.current;
    uint32_t fault = BH_FAULT_SYSCALL;
    if (self == 0 || self == &bh_k.idle) {
        bh_kernel_panic("syscall from kernel thread", sysno, f->pc);
    }
    if (sysno < BH_SYS_COUNT && sys_table[sysno] != 0) {
        fault = sys_table[sysno](self, f);
    }
    if (fault != BH_FAULT_NONE) {
        bh_fault_report_t r = {fault, f->pc - 2u, 0, false, sysno};
        bh_fault_box(self, &r);
        return;
    }
    bh_sched_update();
}

uint32_t bh_sys_yield(bh_box_t *self, bh_frame_t *f)
{
    bh_k.yielded |= 1u << self->id;
    bh_ret(f, BH_OK);
    return BH_FAULT_NONE;
}

/* r0 = milliseconds */
uint32_t bh_sys_sleep(bh_box_t *self, bh_frame_t *f)
{
    uint32_t ms = f->r0;
    bh_ret(f, BH_OK);
    if (ms != 0u) {
        bh_sched_block(self, BH_BLOCK_SLEEP, ms == BH_FOREVER ? BH_FOREVER - 1u : ms);
    }
    return BH_FAULT_NONE;
}

/* r0 = bh_self_t * */
uint32_t bh_sys_self(bh_box_t *self, bh_frame_t *f)
{
    if (bh_umem_check(self->desc, f->r0, sizeof(bh_self_t), BH_ACC_W) != BH_ALLOW) {
        return BH_FAULT_BADPTR;
    }
    bh_self_t s = {self->id, self->generation, self->restarts, bh_k.ticks};
    bh_copy_out(f->r0, &s, sizeof s);
    bh_ret(f, BH_OK);
    return BH_FAULT_NONE;
}

/* r0 = box id, r1 = bh_fault_t *. Own record, or any box's for a supervisor. */
uint32_t bh_sys_fault_info(bh_box_t *self, bh_frame_t *f)
{
    if (bh_umem_check(self->desc, f->r1, sizeof(bh_fault_t), BH_ACC_W) != BH_ALLOW) {
        return BH_FAULT_BADPTR;
    }
    bool sup = (self->desc->flags & BH_BOXF_SUPERVISOR) != 0u;
    if (f->r0 >= bh_system.nboxes || (!sup && f->r0 != self->id)) {
        bh_ret(f, f->r0 >= bh_system.nboxes ? BH_E_INVALID : BH_E_DENIED);
        return BH_FAULT_NONE;
    }
    const bh_box_t *b = &bh_k.boxes[f->r0];
    bh_copy_out(f->r1, &b->fault, sizeof b->fault);
    bh_ret(f, (int32_t)b->state);
    return BH_FAULT_NONE;
}

/*@ assigns \nothing;
    ensures \result == BH_FAULT_EXIT; */
uint32_t bh_sys_exit(bh_box_t *self, bh_frame_t *f)
{
    return BH_FAULT_EXIT;
}
