/*
 * switch.S (armv7m) — bh_arch_exc_exit, the one path out of the kernel.
 *
 * Returns at once when the core kept the same box. Otherwise it saves PSP,
 * EXC_RETURN and r4-r11 of the old box (unless it was discarded by a
 * restart), loads the new box's CONTROL and its 8 MPU regions (two bursts
 * of four RBAR/RASR pairs through the alias registers; each RBAR carries
 * VALID and its region number, so RNR is never written), and returns into
 * it.
 *
 * Floating point (BH_ARCH_FPU, Cortex-M4F), eager: FPCCR.LSPEN = 0, so an
 * exception taken from a box with FP state (CONTROL.FPCA) stacks s0-s15 and
 * FPSCR in the box's own frame at once and EXC_RETURN bit 4 reads 0. The
 * kernel itself is built without FP. On a switch, s16-s31 of the old box are
 * saved when it has FP state; the new box gets its own s16-s31 back when it
 * has FP state (its frame restores the rest), and otherwise every FP
 * register and FPSCR is zeroed, so no box ever sees another's FP values.
 * Layout of bh_arch_box_t: see arch_types.h. bh_k: current at +0, next at +4.
 * Runs: privileged, handler mode (tail of every entry in cortexm/entry.S).
 */
    .syntax unified
    .thumb
#if BH_ARCH_FPU
    .fpu fpv4-sp-d16
#endif
    .text

    .equ MPU_RBAR, 0xE000ED9C
    .equ EXC_RETURN_STD_FRAME, (1 << 4)  @ 1: no FP state in the frame
    .equ CTX_CONTROL, 4
    .equ CTX_EXC_RETURN, 8
    .equ CTX_R4, 12
    .equ CTX_MPU, 44
    .equ CTX_FP, 108

    .global bh_arch_exc_exit
    .type bh_arch_exc_exit, %function
    .thumb_func
bh_arch_exc_exit:
    ldr r0, =bh_k
    ldrd r1, r2, [r0]           @ r1 = current, r2 = next
    cmp r1, r2
    it eq
    bxeq lr
    cbz r1, 1f                  @ current was restarted/stopped: save nothing
    mrs r3, psp
    str r3, [r1, #0]
    str lr, [r1, #CTX_EXC_RETURN]
    add r3, r1, #CTX_R4
    stmia r3, {r4-r11}
#if BH_ARCH_FPU
    tst lr, #EXC_RETURN_STD_FRAME
    bne 1f
    add r3, r1, #CTX_FP
    vstmia r3, {s16-s31}
#endif
1:  str r2, [r0]                @ current = next
    ldr r3, [r2, #0]
    msr psp, r3
    ldr r3, [r2, #CTX_CONTROL]
    msr control, r3
    ldr lr, [r2, #CTX_EXC_RETURN]
    add r12, r2, #CTX_MPU       @ MPU image: 8 x {RBAR, RASR}
    ldr r0, =MPU_RBAR           @ RBAR, RASR, RBAR_A1 .. RASR_A3
    ldmia r12!, {r4-r11}
    stmia r0, {r4-r11}
    ldmia r12!, {r4-r11}
    stmia r0, {r4-r11}
    dsb
    isb
#if BH_ARCH_FPU
    tst lr, #EXC_RETURN_STD_FRAME
    bne 2f
    add r3, r2, #CTX_FP
    vldmia r3, {s16-s31}        @ s0-s15 and FPSCR come back from its frame
    b 3f
2:  ldr r3, =bh_arch_fp_zero
    vldmia r3, {s0-s31}         @ no FP state: nothing of another box remains
    movs r3, #0
    vmsr fpscr, r3
3:
#endif
    add r3, r2, #CTX_R4
    ldmia r3, {r4-r11}
    bx lr
    .size bh_arch_exc_exit, . - bh_arch_exc_exit

#if BH_ARCH_FPU
    .section .rodata.bh_arch_fp_zero, "a"
    .align 3
bh_arch_fp_zero:
    .space 128
#endif
