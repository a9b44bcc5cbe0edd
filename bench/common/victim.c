/*
 * victim.c — the box that is made to fault. Gateway "crash": store to
 * kernel RAM (a MemManage fault; its policy restarts it). Gateway "ping":
 * reply at once — how the driver sees that the new generation serves.
 * The faulting store is the labelled instruction bench_fault_insn, where
 * the fault_to_restart interval starts. Runs: unprivileged box.
 */
#include <bulkhead/rt.h>

#include "bench.h"
#include "bench_board.h"
#include "bh_ids.h"

__attribute__((noinline, noreturn)) static void crash(void)
{
    __asm volatile(".global bench_fault_insn\n"
                   "bench_fault_insn: str %0, [%1]" ::"r"(1u), "r"(BENCH_FORBIDDEN_ADDR) : "memory");
    for (;;) {
    }
}

void victim_main(void)
{
    for (;;) {
        uint32_t s = bh_wait(BH_SIG_PING | BH_SIG_CRASH, BH_FOREVER);
        bh_msg_t m;
        if ((s & BH_SIG_PING) != 0u && bh_get(BH_SIG_PING, &m) == BH_OK) {
            bh_reply(m.handle, 0);
        } else if ((s & BH_SIG_CRASH) != 0u && bh_get(BH_SIG_CRASH, &m) == BH_OK) {
            crash();
        }
    }
}
