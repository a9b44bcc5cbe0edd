/*
 * fp.h — FP register access for the FP isolation test (Cortex-M4F,
 * FPv4-SP: s0-s31 and FPSCR). A set is 33 words: s0..s31, then FPSCR.
 * Each helper is one asm block, so nothing the compiler generates can
 * touch the registers between loading and reading them back.
 */
#ifndef FP_H
#define FP_H

#include <stdint.h>

#include <bulkhead/bh.h>

#define FP_WORDS 33u
#define FP_FPSCR 32u
#define FP_CLOBBERS                                                                              \
    "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", \
        "s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27",  \
        "s28", "s29", "s30", "s31"

/* Reads every FP register and FPSCR into out. */
static inline void fp_dump(uint32_t out[FP_WORDS])
{
    uint32_t fpscr;
    __asm volatile("vstmia %1, {s0-s31}\n vmrs %0, fpscr" : "=r"(fpscr) : "r"(out) : "memory");
    out[FP_FPSCR] = fpscr;
}

/* Loads in, busy-loops 'spins' times (preemptible), reads back into out. */
static inline void fp_hold_spinning(const uint32_t in[FP_WORDS], uint32_t out[FP_WORDS], uint32_t spins)
{
    __asm volatile("vldmia %[in], {s0-s31}\n"
                   "vmsr fpscr, %[fpscr]\n"
                   "1: subs %[n], %[n], #1\n"
                   "bne 1b\n"
                   "vstmia %[out], {s0-s31}\n"
                   "vmrs %[fpscr], fpscr\n"
                   "str %[fpscr], [%[out], #128]\n"
                   : [n] "+r"(spins), [fpscr] "+r"(*(uint32_t[]){in[FP_FPSCR]})
                   : [in] "r"(in), [out] "r"(out)
                   : "memory", "cc", FP_CLOBBERS);
}

/* Loads in, sleeps 'ms' in the kernel (other boxes run), reads back into out. */
static inline void fp_hold_sleeping(const uint32_t in[FP_WORDS], uint32_t out[FP_WORDS], uint32_t ms)
{
    register uint32_t r0 __asm("r0") = ms;
    register uint32_t r1 __asm("r1") = 0;
    register uint32_t fpscr __asm("r2") = in[FP_FPSCR];
    __asm volatile("vldmia %[in], {s0-s31}\n"
                   "vmsr fpscr, %[fpscr]\n"
                   "svc %[num]\n"
                   "vstmia %[out], {s0-s31}\n"
                   "vmrs %[fpscr], fpscr\n"
                   "str %[fpscr], [%[out], #128]\n"
                   : "+r"(r0), "+r"(r1), [fpscr] "+r"(fpscr)
                   : [in] "r"(in), [out] "r"(out), [num] "I"(BH_SYS_SLEEP)
                   : "memory", "cc", FP_CLOBBERS);
}

/* A set of 33 distinct values: tag << 16 | index, FPSCR given. */
static inline void fp_pattern(uint32_t v[FP_WORDS], uint32_t tag, uint32_t fpscr)
{
    for (uint32_t i = 0; i < FP_FPSCR; i++) {
        v[i] = (tag << 16) | i;
    }
    v[FP_FPSCR] = fpscr;
}

#endif
