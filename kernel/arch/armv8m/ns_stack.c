/*
 * ns_stack.c (armv8m) — the secure-side stack of the non-secure world's
 * thread (tz.c): where its veneer calls run and enter the kernel. Linked
 * only into the kernel of a system with a non-secure world (bh_system in
 * cmake/bulkhead.cmake adds it, with tz.c and nsc.c).
 * Runs: privileged (data only).
 */
#include <stdint.h>

#define NS_STACK_WORDS 256u

uint32_t bh_ns_stack[NS_STACK_WORDS] __attribute__((aligned(8)));
const uint32_t bh_ns_stack_bytes = sizeof bh_ns_stack;
