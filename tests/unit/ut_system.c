/*
 * ut_system.c — the system tables of the unit-test system (see ut_layout.h for
 * the picture). Plays the part of bhgen's bh_tables.c: the core links
 * against `bh_system`. It must pass bh_validate with zero errors
 * (test_validate_accepts_the_unit_test_system).
 * Runs: host only.
 */
#include "kernel.h"
#include "ut_layout.h"

#define CODE_REGION(i) {UT_CODE_BASE(i), UT_CODE_SIZE, BH_ACC_R | BH_ACC_X, BH_RK_CODE, 0xFFFFu}
#define RAM_REGION(i) {UT_RAM_BASE(i), UT_RAM_SIZE, BH_ACC_R | BH_ACC_W, BH_RK_RAM, 0xFFFFu}

#define BOX(i, nm, prio, pol)                                                                       \
    .name = nm, .priority = prio, .policy = pol, .code_base = UT_CODE_BASE(i), .code_size = UT_CODE_SIZE, \
    .ram_base = UT_RAM_BASE(i), .ram_size = UT_RAM_SIZE, .stack_size = UT_STACK

/* The two regions every box has: code slot and RAM. */
#define PLAIN(i) .nregions = 2, .regions = {CODE_REGION(i), RAM_REGION(i)}

const bh_system_t bh_system = {
    .name = "unit",
    .clock_hz = UT_CLOCK_HZ,
    .console_base = 0x40000000u,
    .nboxes = UT_NBOXES,
    .ngateways = UT_NGATEWAYS,
    .nreserved = 2,
    .nmemories = 3,
    .nirq_lines = 32,
    .boxes =
        {
            [UT_SUPER] = {BOX(UT_SUPER, "super", 1, BH_POLICY_STOP), PLAIN(UT_SUPER), .flags = BH_BOXF_SUPERVISOR},
            [UT_SERVER] = {BOX(UT_SERVER, "server", 2, BH_POLICY_RESTART), PLAIN(UT_SERVER), .restart_count = 3,
                           .restart_window_ms = 1000, .nirqs = 1, .irqs = {{UT_IRQ_SERVER, 4}}},
            [UT_CLIENT] = {BOX(UT_CLIENT, "client", 3, BH_POLICY_RESTART), .restart_count = 3,
                           .restart_window_ms = 1000, .nirqs = 1, .irqs = {{UT_IRQ_CLIENT, 2}},
                           .notify_mask = 1u << UT_SERVER, .nregions = 4,
                           .regions = {CODE_REGION(UT_CLIENT), RAM_REGION(UT_CLIENT),
                                       {UT_RO_BASE, UT_RO_SIZE, BH_ACC_R, BH_RK_CODE, 0xFFFFu},
                                       {UT_DEV_BASE, UT_DEV_SIZE, BH_ACC_R | BH_ACC_W, BH_RK_DEVICE, 1}}},
            [UT_INTRUDER] = {BOX(UT_INTRUDER, "intruder", 4, BH_POLICY_RESTART), PLAIN(UT_INTRUDER), .restart_count = 2,
                             .restart_window_ms = 1000, .notify_mask = 1u << UT_CLIENT},
            [UT_STOPPER] = {BOX(UT_STOPPER, "stopper", 2, BH_POLICY_STOP), PLAIN(UT_STOPPER)},
            [UT_RESETTER] = {BOX(UT_RESETTER, "resetter", 5, BH_POLICY_RESET), PLAIN(UT_RESETTER)},
            [UT_SPARE] = {BOX(UT_SPARE, "spare", 6, BH_POLICY_RESTART), PLAIN(UT_SPARE), .restart_count = 1,
                          .restart_window_ms = 500},
        },
    .gateways =
        {
            [UT_GW_ECHO] = {"echo", UT_SERVER, 0, (1u << UT_CLIENT) | (1u << UT_INTRUDER), 64, 64,
                            UT_ECHO_TIMEOUT},
            [UT_GW_BIG] = {"big", UT_SERVER, 1, 1u << UT_CLIENT, 4096, 4096, 0},
            [UT_GW_LAST] = {"last", UT_STOPPER, 0, (1u << UT_CLIENT) | (1u << UT_INTRUDER), 16, 16, 0},
        },
    .reserved =
        {
            {UT_KERNEL_CODE, 0x8000u, BH_RK_CODE},
            {UT_KERNEL_RAM, 0x8000u, BH_RK_RAM},
        },
    .memories =
        {
            {BH_SIM_CODE_BASE, BH_SIM_CODE_SIZE, BH_RK_CODE},
            {BH_SIM_RAM_BASE, BH_SIM_RAM_SIZE, BH_RK_RAM},
            {0x40000000u, 0x10000u, BH_RK_DEVICE},
        },
    .ns = {.box = BH_NO_NS}, /* no non-secure world */
};
