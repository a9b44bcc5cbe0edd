/*
 * footprint_probe.c — compiled by scripts/bench for the board's CPU (never
 * linked): the size of each array below is a kernel type's size on the
 * target, read back with `nm -S`. bh_box_t is what every box costs in
 * kernel RAM (bh_k.boxes[]).
 */
#include "kernel.h"

const unsigned char bench_sizeof_box[sizeof(bh_box_t)] = {0};
const unsigned char bench_sizeof_kernel[sizeof(bh_kernel_t)] = {0};
