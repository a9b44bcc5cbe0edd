/*
 * system.h — the static description of a system, as bhgen emits it.
 *
 * One bh_system_t per firmware image, generated from the manifest into
 * const tables. The same structure is built in memory by bhgen and checked
 * by the shared validator (validate.c) before anything is emitted, and the
 * kernel runs the very same validator on the linked tables at boot.
 * Addresses are plain integers: kernel/core never turns them into pointers.
 * Runs: privileged (kernel) and on the host (bhgen, tests). Proof: validate.c.
 */
#ifndef BH_SYSTEM_H
#define BH_SYSTEM_H

#include <stdbool.h>
#include <stdint.h>

#define BH_MAX_BOXES 16u
#define BH_MAX_REGIONS 8u        /* MPU regions per box (real M33 / v7-M parts) */
#define BH_MAX_GATEWAYS 32u      /* per system */
#define BH_MAX_GATEWAYS_PER_BOX 16u
#define BH_MAX_IRQS_PER_BOX 8u
#define BH_MAX_RESERVED 4u       /* kernel-owned ranges no box may touch */
#define BH_MAX_MEMORIES 8u
#define BH_REGION_ALIGN 32u      /* PMSAv8 granule */
#define BH_NAME_MAX 16u
#define BH_NO_IRQ 0xFFFFu

/* Region access rights as the box sees them. */
#define BH_ACC_R 1u
#define BH_ACC_W 2u
#define BH_ACC_X 4u

/* What a region is; decides memory attributes in arch/. */
enum bh_region_kind { BH_RK_CODE = 0, BH_RK_RAM = 1, BH_RK_DEVICE = 2 };

typedef struct {
    uint32_t base;
    uint32_t size;
    uint8_t access; /* BH_ACC_* */
    uint8_t kind;   /* enum bh_region_kind */
    uint16_t periph; /* board peripheral index for BH_RK_DEVICE, else 0xFFFF */
} bh_region_t;

typedef struct {
    char name[BH_NAME_MAX];
    uint16_t box;        /* serving box id */
    uint16_t signal;     /* signal bit number in the server */
    uint32_t callers;    /* bit i set: box i may call */
    uint32_t max_in;     /* bytes, summed over input vectors */
    uint32_t max_out;
    uint32_t timeout_ms; /* caller's deadline; 0 = none */
} bh_gateway_t;

typedef struct {
    uint16_t irq;    /* NVIC external interrupt number */
    uint16_t signal; /* signal bit number in the owner */
} bh_irq_route_t;

typedef struct {
    char name[BH_NAME_MAX];
    uint8_t priority; /* 0 = highest */
    uint8_t policy;   /* enum bh_policy */
    uint8_t nregions;
    uint8_t nirqs;
    uint16_t restart_count;  /* budget: this many restarts ... */
    uint16_t flags;          /* BH_BOX_* */
    uint32_t restart_window_ms; /* ... within this window, else stop */
    uint32_t code_base, code_size; /* image slot (region 0) */
    uint32_t ram_base, ram_size;   /* stack then data/bss (region 1) */
    uint32_t stack_size;           /* stack occupies [ram_base, ram_base+stack) */
    uint32_t notify_mask;          /* boxes this box may bh_notify */
    bh_region_t regions[BH_MAX_REGIONS];
    bh_irq_route_t irqs[BH_MAX_IRQS_PER_BOX];
} bh_box_desc_t;

#define BH_BOXF_SUPERVISOR 1u
/* The box is the non-secure world (TrustZone boards only; at most one, the
 * last box): no image of its own in the box sense, regions[0] = its NS code,
 * regions[1] = its NS RAM (NS alias addresses), stack_size = 0, no IRQs.
 * Its pointers are checked against those regions and by the TT instruction. */
#define BH_BOXF_NONSECURE 2u

typedef struct {
    uint32_t base, size;
    uint32_t kind; /* enum bh_region_kind of what may live there */
} bh_range_t;

/* A bit the kernel sets at boot so unprivileged code may reach an owned
 * peripheral through the bus firewall (an505: secctl APBSPPPC*, AHBSPPPC*). */
typedef struct {
    uint32_t reg;  /* offset inside the security controller block */
    uint32_t mask;
} bh_bus_grant_t;

#define BH_MAX_BUS_GRANTS 8u

/*
 * The Secure/Non-secure split (ARMv8-M TrustZone boards; ns.box ==
 * BH_NO_NS when the system has no non-secure world). Every value is
 * computed by bhgen from the manifest's `nonsecure:` section and the
 * board's `trustzone:` section; the kernel programs them at boot
 * (kernel/arch/armv8m/tz.c) and programs nothing else.
 */
#define BH_NO_NS 0xFFFFu
#define BH_MAX_SAU 8u      /* SAU regions the kernel may program */
#define BH_MAX_MPC_NS 4u   /* ranges made Non-secure in an MPC */
#define BH_MAX_NS_PPC 8u   /* PPC "port is Non-secure" bits */
#define BH_SAU_NSC 1u      /* bh_sau_t.flags: Non-secure callable */

typedef struct {
    uint32_t base, size; /* 32-byte granule; NS (or NSC) attribution */
    uint32_t flags;      /* BH_SAU_NSC */
} bh_sau_t;

typedef struct {
    uint32_t ctl;            /* MPC register block (Secure alias) */
    uint32_t mem_base;       /* address (NS alias) of the first byte the MPC guards */
    uint32_t base, size;     /* range (NS alias) to mark Non-secure; whole MPC blocks */
} bh_mpc_ns_t;

typedef struct {
    uint16_t box;       /* id of the BH_BOXF_NONSECURE box, or BH_NO_NS */
    uint16_t nsau;
    uint16_t nmpc;
    uint16_t nppc;
    uint32_t vtor;      /* NS vector table (NS alias): initial MSP_NS, reset vector */
    uint32_t nsccfg;    /* value for the security controller's NSCCFG (CODENSC bit 0) */
    uint32_t mpc_block; /* MPC block size bhgen assumed (bytes); the kernel checks BLK_CFG */
    bh_sau_t sau[BH_MAX_SAU];
    bh_mpc_ns_t mpc[BH_MAX_MPC_NS];
    bh_bus_grant_t ppc[BH_MAX_NS_PPC]; /* offset in the security controller (APB/AHB NSPPC*) and the port bit */
    uint32_t itns[4];   /* NVIC_ITNS words: IRQs that target the NS world (its peripherals' IRQs) */
} bh_ns_world_t;

typedef struct {
    char name[BH_NAME_MAX];
    uint32_t clock_hz;     /* core clock, for the tick */
    uint32_t console_base; /* kernel console UART (privileged only) */
    uint32_t bus_ctl_base; /* security controller; bus_grants[].reg is relative to it */
    uint16_t nbus_grants;
    uint16_t pad0;
    bh_bus_grant_t bus_grants[BH_MAX_BUS_GRANTS];
    uint16_t nboxes;
    uint16_t ngateways;
    uint16_t nreserved;
    uint16_t nmemories;
    uint16_t nirq_lines; /* board's external IRQ count */
    uint16_t pad;
    bh_box_desc_t boxes[BH_MAX_BOXES];
    bh_gateway_t gateways[BH_MAX_GATEWAYS];
    bh_range_t reserved[BH_MAX_RESERVED]; /* kernel code/data/devices */
    bh_range_t memories[BH_MAX_MEMORIES]; /* where box regions may live */
    bh_ns_world_t ns;                     /* TrustZone split; ns.box == BH_NO_NS: none */
} bh_system_t;

#endif
