/*
 * ut_layout.h — the unit-test system: box ids, gateway ids and the memory
 * layout shared by its tables (ut_system.c) and the tests.
 *
 *   id  box       prio  policy   budget      serves               IRQ -> sig
 *   0   super     1     stop     -           -    (supervisor)    -
 *   1   server    2     restart  3 / 1000ms  echo(sig0) big(sig1) 5 -> 4
 *   2   client    3     restart  3 / 1000ms  -                    7 -> 2
 *   3   intruder  4     restart  2 / 1000ms  -                    -
 *   4   stopper   2     stop     -           last(sig0)           -
 *   5   resetter  5     reset    -           -                    -
 *   6   spare     6     restart  1 / 500ms   -                    -
 *
 *   gateway  server   callers           max_in  max_out  timeout
 *   echo     server   client, intruder  64      64       100 ms
 *   big      server   client            4096    4096     none
 *   last     stopper  client, intruder  16      16       none
 *
 * Every box has a code slot (region 0, R|X) and a RAM region (region 1,
 * R|W: stack, then .data, .bss, then free "scratch" RAM the tests use as
 * the box's variables). The client also has a read-only region (2) and a
 * device region (3). Notify: client -> server, intruder -> client.
 * Memory not owned by any box (kernel-reserved ranges, gaps between boxes)
 * is poisoned by the harness, so a kernel access there aborts the test.
 * Runs: host only (tables and tests).
 */
#ifndef UT_LAYOUT_H
#define UT_LAYOUT_H

#include "sim.h"

enum { UT_SUPER, UT_SERVER, UT_CLIENT, UT_INTRUDER, UT_STOPPER, UT_RESETTER, UT_SPARE, UT_NBOXES };
enum { UT_GW_ECHO, UT_GW_BIG, UT_GW_LAST, UT_NGATEWAYS };

#define UT_CODE_BASE(i) (0x10008000u + (uint32_t)(i) * 0x3000u)
#define UT_CODE_SIZE 0x2000u
#define UT_RAM_BASE(i) (0x38008000u + (uint32_t)(i) * 0x5000u)
#define UT_RAM_SIZE 0x4000u
#define UT_STACK 0x800u
#define UT_DATA(i) (UT_RAM_BASE(i) + UT_STACK) /* .data, then .bss */
#define UT_DATA_SIZE 0x40u
#define UT_BSS_SIZE 0x80u
#define UT_SCRATCH(i) (UT_RAM_BASE(i) + 0x1000u) /* free RAM for test buffers */
#define UT_SCRATCH_SIZE (UT_RAM_SIZE - 0x1000u)
#define UT_GAP(i) (UT_RAM_BASE(i) + UT_RAM_SIZE) /* unowned RAM after box i */
#define UT_KERNEL_CODE 0x10000000u
#define UT_KERNEL_RAM 0x38000000u
#define UT_RO_BASE 0x10030000u /* client region 2: read-only */
#define UT_RO_SIZE 0x400u
#define UT_DEV_BASE 0x40001000u /* client region 3: device */
#define UT_DEV_SIZE 0x1000u

/* Image layout written by ut_write_image(): header, code, .data init. */
#define UT_IMAGE_CODE 0x100u
#define UT_IMAGE_SIZE (64u + UT_IMAGE_CODE + UT_DATA_SIZE)
#define UT_ENTRY(i) (UT_CODE_BASE(i) + 64u + 1u) /* Thumb bit set */
#define UT_DATA_LOAD(i) (UT_CODE_BASE(i) + 64u + UT_IMAGE_CODE)
/* Byte k of box i's .data init image. */
#define UT_DATA_BYTE(i, k) ((uint8_t)(0x40u + (uint32_t)(i) * 16u + (uint32_t)(k)))

/* Where ut_svc says the SVC instruction was: code offset UT_SVC_OFFSET. */
#define UT_SVC_OFFSET 0x100u

#define UT_SIG_ECHO (1u << 0)
#define UT_SIG_BIG (1u << 1)
#define UT_SIG_LAST (1u << 0)
#define UT_IRQ_SERVER 5u
#define UT_SIG_SERVER_IRQ (1u << 4)
#define UT_IRQ_CLIENT 7u
#define UT_SIG_CLIENT_IRQ (1u << 2)
#define UT_ECHO_TIMEOUT 100u
#define UT_CLOCK_HZ 25000000u

#endif
