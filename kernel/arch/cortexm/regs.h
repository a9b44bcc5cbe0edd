/*
 * regs.h (Cortex-M) — System Control Space registers the kernel writes.
 * Addresses from the ARMv7-M and ARMv8-M Architecture Reference Manuals
 * (the same on both; on ARMv8-M this is the Secure view). Registers only
 * one architecture has are marked.
 */
#ifndef BH_ARMV8M_REGS_H
#define BH_ARMV8M_REGS_H

#include <stdint.h>

#define BH_REG(a) (*(volatile uint32_t *)(uintptr_t)(a))
#define BH_REG8(a) (*(volatile uint8_t *)(uintptr_t)(a))

#define SYST_CSR 0xE000E010u
#define SYST_RVR 0xE000E014u
#define SYST_CVR 0xE000E018u
#define NVIC_ISER 0xE000E100u
#define NVIC_ICER 0xE000E180u
#define NVIC_ICPR 0xE000E280u
#define NVIC_IPR 0xE000E400u
#define SCB_ICSR 0xE000ED04u
#define SCB_VTOR 0xE000ED08u
#define SCB_AIRCR 0xE000ED0Cu
#define SCB_CCR 0xE000ED14u
#define SCB_SHPR1 0xE000ED18u
#define SCB_SHPR2 0xE000ED1Cu
#define SCB_SHPR3 0xE000ED20u
#define SCB_SHCSR 0xE000ED24u
#define SCB_CFSR 0xE000ED28u
#define SCB_HFSR 0xE000ED2Cu
#define SCB_MMFAR 0xE000ED34u
#define SCB_BFAR 0xE000ED38u
#define SCB_CPACR 0xE000ED88u /* FPU access (v7-M with FPU) */
#define SCB_SFSR 0xE000EDE4u  /* v8-M Security Extension */
#define SCB_SFAR 0xE000EDE8u  /* v8-M Security Extension */
#define FPU_FPCCR 0xE000EF34u /* v7-M with FPU */
#define MPU_CTRL 0xE000ED94u
#define MPU_RNR 0xE000ED98u
#define MPU_RBAR 0xE000ED9Cu
#define MPU_RLAR 0xE000EDA0u  /* v8-M */
#define MPU_RASR 0xE000EDA0u  /* v7-M */
#define MPU_MAIR0 0xE000EDC0u /* v8-M */

/* CFSR bits */
#define CFSR_MMARVALID (1u << 7)
#define CFSR_MSTKERR (1u << 4)
#define CFSR_MUNSTKERR (1u << 3)
#define CFSR_BFARVALID (1u << 15)
#define CFSR_STKERR (1u << 12)
#define CFSR_UNSTKERR (1u << 11)
#define CFSR_STKOF (1u << 20)
#define SFSR_SFARVALID (1u << 6)
#define SHCSR_SVCALLPENDED (1u << 15)
#define FPCCR_ASPEN (1u << 31)
#define FPCCR_LSPEN (1u << 30)

#endif
