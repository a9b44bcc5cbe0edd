/*
 * entry.S (Cortex-M, ARMv7-M and ARMv8-M Mainline) — every kernel entry.
 *
 * All kernel exceptions (SVC, PendSV, SysTick, external IRQs) share one
 * priority, so the kernel is never re-entered; fault exceptions sit above
 * them and are only ever box faults (a fault taken from handler mode is a
 * kernel fault and resets the system).
 * Each entry calls into kernel/core with the box's callee-saved registers
 * still live (AAPCS preserves r4-r11), then branches to bh_arch_exc_exit
 * (the one exit path, per architecture: armv8m/switch.S, armv7m/switch.S),
 * which switches boxes only when the core chose a different one.
 * Runs: privileged, handler mode.
 */
    .syntax unified
    .thumb
    .text

    .equ ICSR, 0xE000ED04
    .equ PENDSVSET, (1 << 28)

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
    and r12, lr, #0x48          @ EXC_RETURN: S (bit 6), Mode (bit 3)
    cmp r12, #0x40              @ Secure handler mode: the kernel itself faulted
    beq bh_arch_handler_fault   @ (from Non-secure state it is the NS world's)
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
