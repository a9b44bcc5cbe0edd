/* secrets.h — the values each box of the FP isolation test keeps. */
#ifndef SECRETS_H
#define SECRETS_H

#define WHO_OWNER 0u
#define WHO_SPY 1u
#define OWNER_TAG 0x5EC0u         /* owner's s<i> = 0x5EC0_00ii */
#define OWNER_FPSCR 0xF3C0009Fu   /* NZCV, DN, FZ, RMode 3, IDC, IXC..IOC */
#define SPY_TAG 0x5B10u           /* spy's s<i> = 0x5B10_00ii */
#define SPY_FPSCR 0x00400004u     /* RMode 1, OFC */
#define OWNER_ROUNDS 5u
#define OWNER_SPINS 2000000u      /* about 4 ms of instructions: several ticks */
#define SPY_ROUNDS 10u
#define MIN_PREEMPTED 5u          /* spy must have caught owner preempted this often */

#include <bulkhead/rt.h>

#include "fp.h"

/* Fails the run if any FP register or FPSCR in 'seen' holds an owner value. */
static inline void no_owner_value(const uint32_t seen[FP_WORDS], const char *when)
{
    for (uint32_t i = 0; i < FP_FPSCR; i++) {
        if ((seen[i] >> 16) == OWNER_TAG) {
            bh_printf("LEAK %s: s%lu = 0x%08lx is owner's", when, (unsigned long)i, (unsigned long)seen[i]);
            bh_test_exit(1);
        }
    }
    if (seen[FP_FPSCR] == OWNER_FPSCR) {
        bh_printf("LEAK %s: FPSCR = 0x%08lx is owner's", when, (unsigned long)seen[FP_FPSCR]);
        bh_test_exit(1);
    }
}


#endif
