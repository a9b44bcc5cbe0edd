/*
 * arch.h — the hooks kernel/core needs from kernel/arch/<arch>/.
 *
 * This is the only door from the portable core to hardware. Every function
 * here is implemented once per architecture (armv8m, host). The core never
 * turns an integer into a pointer itself: bh_arch_ptr() does it.
 * Runs: privileged.
 * Proof: arch/ is not proven. The ACSL contracts below are ASSUMPTIONS the
 * core's proofs rely on (listed in CAVEATS.md, "Proofs"): what each hook may
 * change (assigns) and what it needs (requires). From the core's view a
 * hook that drives hardware (console, NVIC, tick) changes no C object.
 */
#ifndef BH_ARCH_H
#define BH_ARCH_H

#include <stdint.h>

#include "arch_types.h" /* per-arch: bh_arch_box_t, bh_frame_t */

struct bh_box;

/*
 * TrustZone: may the non-secure world (at its current privilege) access
 * [addr, addr+len) with 'access' (BH_ACC_R, BH_ACC_W or both)? The armv8m
 * answer comes from the TT instruction (SAU/IDAU attribution and the NS
 * MPU); on other architectures there is no non-secure world and the
 * answer is no. Only asked for a box with BH_BOXF_NONSECURE, len != 0.
 */
/*@ axiomatic BhNsAccess {
      predicate bh_ns_range_ok(integer addr, integer len, integer access);
    } */
/*@ assigns \nothing;
    ensures \result != 0 <==> bh_ns_range_ok(addr, len, access); */
int bh_arch_ns_range_ok(uint32_t addr, uint32_t len, uint32_t access);

/* Kernel view of box address 'addr'; the caller has checked the range. */
/*@ assigns \nothing; */
uint8_t *bh_arch_ptr(uint32_t addr);

/* Fresh thread context for b: empty stack, PC = entry, unprivileged. */
void bh_arch_box_init(struct bh_box *b, uint32_t entry);
/* TrustZone: fresh context for the non-secure world's box b (its
 * secure-side thread boots the NS image from its vector table). */
void bh_arch_ns_init(struct bh_box *b);
/* Idle context: privileged thread that waits for interrupts. */
void bh_arch_idle_init(struct bh_box *idle);
/* Encodes b's regions into its MPU image (done once at boot). */
void bh_arch_mpu_prepare(struct bh_box *b);
/* The exception frame b was stopped with (valid while b is not running). */
bh_frame_t *bh_arch_frame(struct bh_box *b);

/*@ assigns \nothing; */
void bh_arch_irq_enable(uint32_t irq);
/*@ assigns \nothing; */
void bh_arch_irq_disable(uint32_t irq);

/*@ requires \valid_read(s + (0 .. n - 1));
    assigns \nothing; */
void bh_arch_console_write(const char *s, uint32_t n);

/* Persistent (survives reset, not the image) kernel record area. */
void *bh_arch_epitaph(uint32_t size);
/*@ assigns \nothing;
    ensures \false; */
__attribute__((noreturn)) void bh_arch_reset(void);
/*@ assigns \nothing;
    ensures \false; */
__attribute__((noreturn)) void bh_arch_halt(int code); /* test exit / stop */
/* Test builds: the numeric argument the run was started with, or -1. */
/*@ assigns \nothing; */
int32_t bh_arch_test_arg(void);

/* Board bring-up from the tables: bus grants, tick at 'hz' per second. */
/*@ assigns \nothing; */
void bh_arch_platform_init(void);
/*@ assigns \nothing; */
void bh_arch_tick_start(uint32_t clock_hz, uint32_t hz);
/* Leaves the boot stack and enters bh_k.next. */
__attribute__((noreturn)) void bh_arch_start(void);

#endif
