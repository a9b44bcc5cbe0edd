/*
 * switch.S (armv8m) — bh_arch_exc_exit, the one path out of the kernel.
 *
 * Returns at once when the core kept the same box. When the exception
 * returns to handler mode (it preempted a Non-secure exception handler:
 * TrustZone, PRIS), the switch is deferred to PendSV, taken as soon as
 * that handler ends, so a box never runs under an active NS handler.
 * Otherwise it saves PSP,
 * EXC_RETURN and r4-r11 of the old box (unless it was discarded by a
 * restart), loads the new box's stack limits, CONTROL and its 8 MPU regions
 * (two bursts of four RBAR/RLAR pairs through the alias registers), and
 * returns into it.
 * Layout of bh_arch_box_t: see arch_types.h. bh_k: current at +0, next at +4.
 * Runs: privileged, handler mode (tail of every entry in cortexm/entry.S).
 */
    .syntax unified
    .thumb
    .text

    .equ MPU_RNR, 0xE000ED98
    .equ ICSR, 0xE000ED04
    .equ PENDSVSET, (1 << 28)

    .global bh_arch_exc_exit
    .type bh_arch_exc_exit, %function
    .thumb_func
bh_arch_exc_exit:
    ldr r0, =bh_k
    ldrd r1, r2, [r0]           @ r1 = current, r2 = next
    cmp r1, r2
    it eq
    bxeq lr
    tst lr, #8                  @ returning to a handler (a Non-secure one the
    beq 2f                      @ kernel preempted): switch later, from PendSV
    cbz r1, 1f                  @ current was restarted/stopped: save nothing
    mrs r3, psp
    str r3, [r1, #0]
    str lr, [r1, #12]
    add r3, r1, #16
    stmia r3, {r4-r11}
1:  str r2, [r0]                @ current = next
    movs r3, #0
    msr psplim, r3              @ no limit while PSP moves
    ldr r3, [r2, #0]
    msr psp, r3
    ldr r3, [r2, #4]
    msr psplim, r3
    ldr r3, [r2, #8]
    msr control, r3
    ldr lr, [r2, #12]
    add r12, r2, #48            @ MPU image: 8 x {RBAR, RLAR}
    ldr r0, =MPU_RNR
    movs r1, #0
    str r1, [r0]
    ldmia r12!, {r4-r11}
    add r1, r0, #4              @ RBAR, RLAR, RBAR_A1 .. RLAR_A3
    stmia r1, {r4-r11}
    movs r1, #4
    str r1, [r0]
    ldmia r12!, {r4-r11}
    add r1, r0, #4
    stmia r1, {r4-r11}
    dsb
    isb
    add r3, r2, #16
    ldmia r3, {r4-r11}
    bx lr
2:  ldr r0, =ICSR                @ PendSV (kernel priority) is taken once that
    ldr r1, =PENDSVSET           @ handler returns to thread mode
    str r1, [r0]
    bx lr
    .size bh_arch_exc_exit, . - bh_arch_exc_exit
