/*
 * box_stub/bulkhead/bh.h — a stand-in for the box API, for
 * bhgen_box_images_pass_boot_check only: it lets the generated
 * boxes/<box>_entry.c compile without the box runtime, so the test checks
 * bhgen's linker script and image header, not the runtime.
 */
#ifndef BH_STUB_BH_H
#define BH_STUB_BH_H

void bh_exit(void) __attribute__((noreturn));

#endif
