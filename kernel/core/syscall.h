/*
 * syscall.h — what every syscall handler looks like.
 *
 * A handler decodes and validates all of its arguments first and may then
 * fail; only after that does it change state (validate, then commit).
 * It returns BH_FAULT_NONE and sets the result registers, or returns the
 * fault kind when the box broke the rules (e.g. BH_FAULT_BADPTR), in which
 * case nothing has changed and the dispatcher applies the box's policy.
 * Runs: privileged.
 */
#ifndef BH_SYSCALL_H
#define BH_SYSCALL_H

#include "kernel.h"

typedef uint32_t (*bh_sys_fn)(bh_box_t *self, bh_frame_t *f);

/*@ requires \valid(f);
    assigns f->r0;
    ensures f->r0 == (uint32_t)v; */
static inline void bh_ret(bh_frame_t *f, int32_t v)
{
    f->r0 = (uint32_t)v;
}

uint32_t bh_sys_call(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_get(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_read(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_write(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_reply(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_wait(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_notify(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_irq_enable(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_sleep(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_yield(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_log(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_fault_info(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_self(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_exit(bh_box_t *self, bh_frame_t *f);
uint32_t bh_sys_test(bh_box_t *self, bh_frame_t *f);

/* Kernel copy helpers: ranges already checked with bh_umem_check. */
void bh_copy(uint32_t dst, uint32_t src, uint32_t len);
void bh_copy_out(uint32_t dst, const void *src, uint32_t len);
void bh_copy_in(void *dst, uint32_t src, uint32_t len);

#endif
