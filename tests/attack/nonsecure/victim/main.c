/*
 * victim — a Secure box the non-secure world talks to. It keeps a secret
 * (checksummed for the referee), owns UART1 (its CTRL value must never
 * change behind its back) and serves: heartbeat (count of calls), slow
 * (replies after SLOW_MS), secrets (replies with 0x5EC0_00nn in r2-r12,
 * so that a leak through the return path would show), echo and private.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"
#include "ns_attacks.h"

#define UART1(off) (*(volatile uint32_t *)(uintptr_t)(BH_PERIPH_BASE_UART1 + (off)))

static uint8_t secret[64];
static uint32_t heartbeats;

static uint32_t sum(void)
{
    uint32_t s = 0;
    for (uint32_t i = 0; i < sizeof secret; i++) {
        s = s * 31u + secret[i];
    }
    return s;
}

/* bh_reply with Secure values in every other register (r4-r11 kept). */
static void reply_with_secrets(uint32_t handle)
{
    register uint32_t r0 __asm("r0") = handle;
    __asm volatile("push {r4-r11}\n"
                   "movs r1, #7\n"
                   "movw r2, #2\n  movt r2, #0x5EC0\n"
                   "movw r3, #3\n  movt r3, #0x5EC0\n"
                   "movw r4, #4\n  movt r4, #0x5EC0\n"
                   "movw r5, #5\n  movt r5, #0x5EC0\n"
                   "movw r6, #6\n  movt r6, #0x5EC0\n"
                   "movw r7, #7\n  movt r7, #0x5EC0\n"
                   "movw r8, #8\n  movt r8, #0x5EC0\n"
                   "movw r9, #9\n  movt r9, #0x5EC0\n"
                   "movw r10, #10\n movt r10, #0x5EC0\n"
                   "movw r11, #11\n movt r11, #0x5EC0\n"
                   "movw r12, #12\n movt r12, #0x5EC0\n"
                   "svc %[num]\n"
                   "pop {r4-r11}\n"
                   : "+r"(r0)
                   : [num] "I"(BH_SYS_REPLY)
                   : "r1", "r2", "r3", "r12", "memory");
}

static void echo(const bh_msg_t *m)
{
    uint8_t buf[64];
    int32_t n = bh_read(m->handle, 0, buf, sizeof buf);
    if (n > 0) {
        bh_write(m->handle, 0, buf, (uint32_t)n);
    }
    bh_reply(m->handle, n);
}

static void serve(uint32_t sig, const bh_msg_t *m)
{
    switch (sig) {
    case BH_SIG_HEARTBEAT:
        heartbeats++;
        if (m->out_len[0] >= sizeof heartbeats) {
            bh_write(m->handle, 0, &heartbeats, sizeof heartbeats);
        }
        bh_reply(m->handle, 1);
        break;
    case BH_SIG_CHECKSUM: {
        uint32_t out[2] = {sum(), UART1(8)};
        bh_write(m->handle, 0, out, sizeof out);
        bh_reply(m->handle, 0);
        break;
    }
    case BH_SIG_SLOW:
        bh_sleep(SLOW_MS);
        bh_reply(m->handle, 0);
        break;
    case BH_SIG_SECRETS: reply_with_secrets(m->handle); break;
    case BH_SIG_ECHO: echo(m); break;
    default: bh_reply(m->handle, 0); break;
    }
}

void victim_main(void)
{
    for (uint32_t i = 0; i < sizeof secret; i++) {
        secret[i] = (uint8_t)(0xA5u ^ (i * 7u));
    }
    UART1(0x10) = 16u; /* BAUDDIV */
    UART1(8) = 1u;     /* CTRL: TX enable */
    const uint32_t sigs[] = {BH_SIG_HEARTBEAT, BH_SIG_CHECKSUM, BH_SIG_SLOW, BH_SIG_SECRETS, BH_SIG_ECHO,
                             BH_SIG_PRIVATE};
    uint32_t all = 0;
    for (uint32_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        all |= sigs[i];
    }
    for (;;) {
        uint32_t pending = bh_wait(all, BH_FOREVER);
        for (uint32_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
            bh_msg_t m;
            if ((pending & sigs[i]) != 0u && bh_get(sigs[i], &m) == BH_OK) {
                serve(sigs[i], &m);
            }
        }
    }
}
