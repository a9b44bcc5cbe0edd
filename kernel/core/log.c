/*
 * log.c — bh_log: bounded, rate-limited console output for boxes.
 *
 * A line is at most BH_LOG_LINE bytes (longer input is cut), printed as
 * "[box] text" with every byte outside printable ASCII replaced by '.', so
 * a box cannot forge another box's prefix or drive the terminal. Each box
 * has a token bucket of BH_LOG_BURST bytes refilled at BH_LOG_RATE bytes
 * per ms; a line that does not fit is dropped (BH_E_RATE) and counted, and
 * the count is reported with the next line that gets through.
 * Runs: privileged.
 */
#include "log.h"
#include "print.h"
#include "syscall.h"
#include "umem.h"

#define BH_LOG_LINE 120u
#define BH_LOG_BURST 4096u
#define BH_LOG_RATE 8u      /* bytes per ms: about a 115200-baud UART */
#define BH_LOG_OVERHEAD 16u /* charged per line: prefix, newline (and makes empty lines cost) */

void bh_log_reset(bh_box_t *b)
{
    b->log_tokens = BH_LOG_BURST;
    b->log_refill_tick = bh_k.ticks;
    b->log_dropped = 0;
}

static void refill(bh_box_t *b)
{
    uint32_t elapsed = bh_k.ticks - b->log_refill_tick;
    uint32_t room = BH_LOG_BURST - b->log_tokens;
    b->log_tokens += (elapsed >= room / BH_LOG_RATE) ? room : elapsed * BH_LOG_RATE;
    b->log_refill_tick = bh_k.ticks;
}

static void emit(const bh_box_t *b, char *line, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        if (line[i] < 0x20 || line[i] > 0x7E) {
            line[i] = '.';
        }
    }
    bh_puts("[");
    bh_puts(b->desc->name);
    bh_puts("] ");
    bh_arch_console_write(line, n);
    bh_puts("\n");
}

/* r0 = text, r1 = length */
uint32_t bh_sys_log(bh_box_t *self, bh_frame_t *f)
{
    if (bh_umem_check(self->desc, f->r0, f->r1, BH_ACC_R) != BH_ALLOW) {
        return BH_FAULT_BADPTR;
    }
    uint32_t n = f->r1 < BH_LOG_LINE ? f->r1 : BH_LOG_LINE;
    uint32_t cost = n + BH_LOG_OVERHEAD;
    refill(self);
    if (cost > self->log_tokens) {
        self->log_dropped += n;
        bh_ret(f, BH_E_RATE);
        return BH_FAULT_NONE;
    }
    self->log_tokens -= cost;
    char line[BH_LOG_LINE];
    bh_copy_in(line, f->r0, n);
    while (n > 0u && line[n - 1u] == '\n') {
        n--;
    }
    if (self->log_dropped != 0u) {
        bh_klog("");
        bh_put_dec(self->log_dropped);
        bh_puts(" log bytes dropped by rate limit\n");
        self->log_dropped = 0;
    }
    emit(self, line, n);
    bh_ret(f, BH_OK);
    return BH_FAULT_NONE;
}
