/*
 * timer.h — kernel time and deadlines (1 ms tick).
 * Runs: privileged.
 */
#ifndef BH_TIMER_H
#define BH_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#define BH_TICK_HZ 1000u

/* Tick at which a timeout of 'ms' from now expires (saturating). */
/*@ assigns \nothing; */
uint32_t bh_timer_deadline(uint32_t ms);
/* True when 'deadline' is at or before now (wrap-safe). */
/*@ assigns \nothing; */
bool bh_timer_expired(uint32_t deadline);

#endif
