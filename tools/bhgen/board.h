/*
 * board.h — a board file (boards/<board>/board.yaml) as bhgen reads it.
 *
 * The board file is the only source of addresses: memories, the kernel's
 * own code and RAM ranges, peripherals with their IRQ numbers and bus
 * firewall (PPC) bits, which peripherals the kernel keeps, the MPU
 * model (PMSAv8 or PMSAv7), which decides how boxes are laid out, and, on
 * TrustZone boards, what the non-secure world may be given (trustzone:
 * SAU, MPCs, non-secure memories, the NSC veneer window). board_load()
 * reads it and checks it is self-consistent; errors point at the board file.
 * Runs: host only. Trusts: nothing in the board file.
 */
#ifndef BHG_BOARD_H
#define BHG_BOARD_H

#include <stdbool.h>
#include <stdint.h>

#include "schema.h"
#include "system.h"

#define BD_MAX_PERIPHS 64u
#define BD_MAX_PERIPH_IRQS 8u
#define BD_MAX_IRQ_LINES 480u /* ARMv8-M NVIC limit */

/* The board's MPU model (board.yaml 'mpu'); decides how boxes are laid out. */
enum bd_mpu {
    BD_MPU_PMSAV8 = 0, /* ARMv8-M: base/limit regions on the region_align granule */
    BD_MPU_PMSAV7 = 1  /* ARMv7-M: power-of-two regions with 8 sub-regions (pmsav7.h) */
};

typedef struct {
    mf_str_t name;
    mf_u32_t nvic; /* external interrupt number */
} bd_irq_t;

typedef struct {
    int line;
    mf_str_t name;
    mf_u32_t base, size;
    bd_irq_t irq[BD_MAX_PERIPH_IRQS];
    uint16_t nirqs;
    mf_u32_t ppc_reg, ppc_bit; /* ppc_reg.state == MF_UNSET: no PPC gate */
    bool kernel;               /* listed in kernel_peripherals */
} bd_periph_t;

typedef struct {
    int line;
    mf_str_t name;
    mf_u32_t kind; /* enum bh_region_kind */
    mf_u32_t base, size;
} bd_memory_t;

#define BD_MAX_MPCS 8u

/* One MPC (memory protection controller) of a TrustZone board. */
typedef struct {
    int line;
    mf_str_t name;
    mf_u32_t ctl;        /* register block (Secure alias) */
    mf_u32_t base, size; /* memory it guards (NS alias) */
} bd_mpc_t;

/*
 * The board's 'trustzone' section (ARMv8-M boards with the Security
 * Extension and an IoT Kit style security controller). line == 0: absent.
 * Addresses are NS aliases; the Secure alias is address + alias_offset.
 */
typedef struct {
    int line; /* the 'trustzone' key */
    mf_u32_t alias_offset, sau_regions, mpc_block, nsc_size;
    mf_u32_t ns_periph_base, ns_periph_size;
    bd_mpc_t mpc[BD_MAX_MPCS];
    uint16_t nmpc;
    bd_memory_t ns_mem[BH_MAX_MEMORIES]; /* where a manifest's nonsecure code / ram may lie */
    uint16_t nns_mem;
} bd_trustzone_t;

/* Security controller layout (IoT Kit / SSE-200, qemu-mps2-facts.md 1.4):
 * a peripheral's ppc.reg is its "unprivileged access allowed" register
 * (AHBSPPPC*, APBSPPPC*, 0x90..0xCC); the "port is Non-secure" register of
 * the same port (AHBNSPPC*, APBNSPPC*) sits BD_PPC_NS_DELTA below it. */
#define BD_PPC_SP_FIRST 0x90u
#define BD_PPC_SP_LAST 0xCCu
#define BD_PPC_NS_DELTA 0x40u

typedef struct {
    char path[4096]; /* DIR/<board>/board.yaml, used in messages */
    int line;
    mf_str_t board, arch, cpu, console;
    mf_u32_t mpu; /* enum bd_mpu */
    mf_u32_t clock_hz, irq_lines, mpu_regions, region_align, secctl_base;
    bd_memory_t mem[BH_MAX_MEMORIES];
    uint16_t nmem;
    mf_u32_t kcode_base, kcode_size, kram_base, kram_size;
    bd_periph_t periph[BD_MAX_PERIPHS];
    uint16_t nperiph;
    mf_list_t kernel_periphs;
    int16_t console_idx; /* index in periph[] */
    bd_trustzone_t tz;
} board_t;

/*
 * Loads the board named by the manifest's 'board' key from boards_dir.
 * A board without a file is reported at the manifest line of 'name';
 * anything wrong inside the board file is reported against that file.
 * True when the board is usable.
 */
bool board_load(board_t *b, const char *boards_dir, const mf_str_t *name, const char *manifest_file,
                diags_t *d) BHG_MUST_CHECK;

/* Index of the peripheral called 'name', or -1. */
int board_find_periph(const board_t *b, const char *name);

/* Finds IRQ 'name'; stores its peripheral and slot; false when unknown. */
bool board_find_irq(const board_t *b, const char *name, uint16_t *periph, uint16_t *slot);

/* The memory of 'kind' holding [base, base+size), or NULL. */
const bd_memory_t *board_memory_holding(const board_t *b, uint32_t kind, uint32_t base, uint32_t size);

/* How many bytes one granule of the board's MPU is (region_align). */
uint32_t board_align(const board_t *b);

/* True when the board has a (valid) 'trustzone' section. */
bool board_has_tz(const board_t *b);

/* The MPC guarding [base, base+size) (NS alias), or NULL. */
const bd_mpc_t *board_mpc_holding(const board_t *b, uint32_t base, uint32_t size);

/* The non-secure memory of 'kind' holding [base, base+size), or NULL. */
const bd_memory_t *board_ns_memory_holding(const board_t *b, uint32_t kind, uint64_t base, uint64_t size);

/* True when the board's MPU is PMSAv7 (every box slot must be one
 * power-of-two region with sub-regions, pmsav7.h). */
bool board_is_pmsav7(const board_t *b);

#endif
