/*
 * signal.h — per-box signal words: gateway messages, interrupts,
 * notifications and fault notices all arrive as bits on bh_wait.
 * Runs: privileged.
 */
#ifndef BH_SIGNAL_H
#define BH_SIGNAL_H

#include "kernel.h"

/* Sets 'sig' pending in b and wakes b if it waits for any of it. */
void bh_signal_raise(bh_box_t *b, uint32_t sig);
/* Gateway signal bits of box b (level-triggered: set while calls wait). */
uint32_t bh_signal_gateway_mask(const bh_box_t *b);
/* The same, computed from the tables (at box start); also fills
 * b->gw_by_signal. */
uint32_t bh_signal_compute_gateway_mask(bh_box_t *b);

#endif
