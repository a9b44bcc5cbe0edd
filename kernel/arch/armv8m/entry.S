/*
 * entry.S (armv8m) — every kernel entry and the one exit path.
 *
 * All kernel exceptions (SVC, PendSV, SysTick, external IRQs) share one
 * priority, so the kernel is never re-entered; fault exceptions sit above
 * them and are only ever box faults (a fault taken from handler mode is a
 * kernel fault and resets the system).
 * Each entry calls into kernel/core with the box's callee-saved registers
 * still live (AAPCS preserves r4-r11), then branches to bh_arch_exc_exit,
 * which switches boxes only when the core chose a different one: it saves
 * PSP, EXC_RETURN and r4-r11 of the old box (unless it was discarded by a
 * restart), loads the new box's stack limits, CONTROL and its 8 MPU regions
 * (two bursts of four RBAR/RLAR pairs through the alias registers), and
 * returns into it.
 * Layout of bh_arch_box_t: see arch_types.h. bh_k: current at +0, next at +4.
 * Runs: privileged, handler mode.
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
    .size bh_arch_exc_exit, . - bh_arch_exc_exit

    .global SVC_Handler
    .type SVC_Handler, %function
    .thumb_func
SVC_Handler:
    tst lr, #8                  @ EXC_RETURN.Mode: thread?
    beq bh_arch_handler_fault
    mrs r0, psp
    ldr r1, [r0, #24]           @ stacked PC
    ldrb r1, [r1, #-2]          @ SVC immediate
    push {r4, lr}
    bl bh_kernel_svc
    pop {r4, lr}
    b bh_arch_exc_exit
    .size SVC_Handler, . - SVC_Handler

    .global SysTick_Handler
    .type SysTick_Handler, %function
    .thumb_func
SysTick_Handler:
    push {r4, lr}
    bl bh_kernel_tick
    pop {r4, lr}
    b bh_arch_exc_exit
    .size SysTick_Handler, . - SysTick_Handler

    .global PendSV_Handler
    .type PendSV_Handler, %function
    .thumb_func
PendSV_Handler:
    b bh_arch_exc_exit
    .size PendSV_Handler, . - PendSV_Handler

    .global bh_arch_irq_entry
    .type bh_arch_irq_entry, %function
    .thumb_func
bh_arch_irq_entry:
    mrs r0, ipsr
    sub r0, r0, #16
    push {r4, lr}
    bl bh_kernel_irq
    pop {r4, lr}
    b bh_arch_exc_exit
    .size bh_arch_irq_entry, . - bh_arch_irq_entry

    .global bh_arch_fault_entry
    .type bh_arch_fault_entry, %function
    .thumb_func
bh_arch_fault_entry:
    tst lr, #8
    beq bh_arch_handler_fault
    mrs r0, psp
    mov r1, lr
    push {r4, lr}
    bl bh_arch_fault
    pop {r4, lr}
    b bh_arch_exc_exit
    .size bh_arch_fault_entry, . - bh_arch_fault_entry

bh_arch_handler_fault:
    mrs r0, msp
    mov r1, lr
    bl bh_arch_kernel_fault     @ does not return

    .global bh_arch_start
    .type bh_arch_start, %function
    .thumb_func
bh_arch_start:
    ldr r0, =__kstack_top
    msr msp, r0
    isb
    ldr r0, =ICSR
    ldr r1, =PENDSVSET
    str r1, [r0]
    dsb
    isb
    cpsie i
2:  b 2b
    .size bh_arch_start, . - bh_arch_start

    .global bh_arch_idle_loop
    .type bh_arch_idle_loop, %function
    .thumb_func
bh_arch_idle_loop:
    wfi
    b bh_arch_idle_loop
    .size bh_arch_idle_loop, . - bh_arch_idle_loop
