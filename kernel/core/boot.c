/*
 * boot.c — kernel start-up: check everything, then start the boxes.
 *
 * Order: console banner and epitaph; the shared validator on the linked
 * tables (any error: refuse to boot); platform set-up (bus grants); each
 * box's image header and checksum (a bad image leaves that box INVALID,
 * never started, while the others run); MPU images; tick; first switch.
 * Runs: privileged, once, on the boot stack.
 */
#include <string.h>

#include "box.h"
#include "fault.h"
#include "image.h"
#include "print.h"
#include "timer.h"
#include "validate.h"

bh_kernel_t bh_k;

#define BOOT_MAX_ERRORS 4u

static void epitaph_report(void)
{
    bh_epitaph_t *e = bh_epitaph();
    if (e->magic != BH_EPITAPH_MAGIC) {
        e->magic = BH_EPITAPH_MAGIC;
        e->boots = 0;
        e->policy_resets = 0;
        memset(&e->last, 0, sizeof e->last);
    }
    e->boots++;
    bh_klog("Bulkhead kernel, system '");
    bh_puts(bh_system.name);
    bh_puts("', boot #");
    bh_put_dec(e->boots);
    bh_puts("\n");
    if (e->boots > 1u && e->last.kind != BH_FAULT_NONE) {
        bh_klog("previous reset: ");
        if (e->last.box < bh_system.nboxes) {
            bh_puts("box '");
            bh_puts(bh_system.boxes[e->last.box].name);
            bh_puts("' ");
        } else {
            bh_puts("kernel ");
        }
        bh_puts(bh_fault_kind_str(e->last.kind));
        bh_puts("\n");
    }
    memset(&e->last, 0, sizeof e->last); /* reported once */
}

static void check_tables(void)
{
    bh_verr_t errs[BOOT_MAX_ERRORS];
    size_t n = bh_validate(&bh_system, errs, BOOT_MAX_ERRORS);
    for (size_t i = 0; i < n && i < BOOT_MAX_ERRORS; i++) {
        bh_klog("table check: ");
        bh_puts(bh_verr_str(errs[i].code));
        bh_puts("\n");
    }
    if (n != 0u) {
        bh_kernel_panic("system tables rejected", (uint32_t)n, 0);
    }
}

static void start_box(bh_box_t *b)
{
    bool ns = (b->desc->flags & BH_BOXF_NONSECURE) != 0u;
    /* The NS image is the non-secure world's business: no header to check. */
    enum bh_image_verdict v = ns ? BH_IMG_OK : bh_image_check(b->desc, bh_arch_ptr(b->desc->code_base));
    if (v == BH_IMG_OK) {
        bh_arch_mpu_prepare(b); /* may panic: a region the MPU cannot represent */
    }
    bh_klog("box '");
    bh_puts(b->desc->name);
    if (v != BH_IMG_OK) {
        b->state = BH_STATE_INVALID;
        bh_puts("' NOT started: ");
        bh_puts(bh_image_verdict_str(v));
        bh_puts("\n");
        return;
    }
    bh_box_start(b);
    bh_puts("' started (priority ");
    bh_put_dec(b->desc->priority);
    bh_puts(")\n");
}

void bh_kernel_boot(void)
{
    check_tables();
    epitaph_report();
    bh_arch_platform_init();
    bh_k.idle.id = BH_MAX_BOXES;
    bh_arch_idle_init(&bh_k.idle);
    for (uint32_t i = 0; i < bh_system.nboxes; i++) {
        bh_box_t *b = &bh_k.boxes[i];
        b->id = i;
        b->desc = &bh_system.boxes[i];
    }
    bh_sched_init();
    for (uint32_t i = 0; i < bh_system.nboxes; i++) {
        start_box(&bh_k.boxes[i]);
    }
    bh_arch_tick_start(bh_system.clock_hz, BH_TICK_HZ);
    bh_sched_update();
    bh_arch_start();
}
