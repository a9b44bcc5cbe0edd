/*
 * ut.h — the harness shared by the host unit tests that run the kernel.
 *
 * A test boots the unit-test system (ut_layout.h) with the real
 * bh_kernel_boot(), then "runs" a box by making it bh_k.current, filling
 * the registers of its exception frame and entering the kernel: ut_svc().
 * The box must be READY (a blocked box cannot make a syscall). Whatever the
 * kernel touches goes through the host arch's simulated memories (sim.h);
 * unowned memory is poisoned, and a simulation failure fails the test.
 * Runs: host only.
 */
#ifndef UT_H
#define UT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "kernel.h"
#include "sim.h"
#include "ut_layout.h"

/* Boot: cold (epitaph lost) or warm (epitaph kept); both write every image
 * and run the real bh_kernel_boot() up to bh_arch_start(). */
void ut_boot(void);
void ut_reboot(void);
/* Cold boot, with tamper() run after the images are written (e.g. to break
 * one image or fill the epitaph with power-on garbage). */
void ut_boot_with(void (*tamper)(void));
/* cmocka setup: installs the fail hook and cold-boots. */
int ut_setup(void **state);
/* Installs the hook that turns a simulation failure into a test failure. */
void ut_install_fail_hook(void);

bh_box_t *ut_box(uint32_t id);
bh_frame_t *ut_frame(uint32_t id);

/* Box 'id' executes SVC 'sysno' with r0..r3 (r12 = 0); returns its frame. */
bh_frame_t *ut_svc(uint32_t id, uint32_t sysno, uint32_t r0, uint32_t r1, uint32_t r2, uint32_t r3);
/* The same with r12; for bh_call's vector counts. */
bh_frame_t *ut_svc12(uint32_t id, uint32_t sysno, uint32_t r0, uint32_t r1, uint32_t r2, uint32_t r3,
                     uint32_t r12);
/* bh_call(gw, op, in, n_in, out, n_out) by box id. */
bh_frame_t *ut_call(uint32_t id, uint32_t gw, int32_t op, uint32_t in, uint32_t n_in, uint32_t out,
                    uint32_t n_out);
/* ut_svc run under bh_sim_run(); returns enum bh_sim_exit. */
int ut_svc_catch(uint32_t id, uint32_t sysno, uint32_t r0, uint32_t r1, uint32_t r2);

/* Simulated memory, as the test (not the kernel) sees it. */
void ut_poke(uint32_t addr, const void *src, uint32_t len);
void ut_peek(void *dst, uint32_t addr, uint32_t len);
void ut_fill(uint32_t addr, uint8_t byte, uint32_t len);
/* True when all len bytes at addr equal 'byte'. */
bool ut_all(uint32_t addr, uint8_t byte, uint32_t len);
void ut_put32(uint32_t addr, uint32_t v);
uint32_t ut_get32(uint32_t addr);
/* Writes entry i of an iovec array in box memory: {base, len} as 2 words. */
void ut_put_iov(uint32_t arr, uint32_t i, uint32_t base, uint32_t len);
uint32_t ut_iov_len(uint32_t arr, uint32_t i);

/* n kernel ticks (1 ms each). */
void ut_ticks(uint32_t n);

/* Checks the invariants stated in kernel.h for every box. */
void ut_assert_invariants(void);
/* Fails the test unless the console shows 'text'. */
void ut_assert_console(const char *text);

#endif
