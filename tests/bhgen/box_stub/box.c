/*
 * box_stub/box.c — a tiny box with code, rodata, initialised data and bss,
 * built once per box of a manifest with -DBOX_ENTRY=<entry function>.
 * Test only (bhgen_box_images_pass_boot_check).
 */
#include <bulkhead/bh.h>

static const char greeting[] = "hello from a box";
int counter = 5;         /* .data */
char scratch[8];         /* .bss (small: the tightest box has 32 bytes of data) */

void BOX_ENTRY(void);

void BOX_ENTRY(void)
{
    for (unsigned i = 0; i < sizeof scratch; i++) {
        scratch[i] = (char)(greeting[i] + counter);
    }
    counter++;
}

void bh_exit(void)
{
    for (;;) {
    }
}
