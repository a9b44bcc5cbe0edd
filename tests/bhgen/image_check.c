/*
 * image_check.c — runs the kernel's boot-time image check on box images
 * built with bhgen's linker scripts and sealed with bhgen --seal.
 *
 * Linked with the generated bh_tables.c and kernel/core/image.c.
 * Usage: image_check BOX=IMAGE.bin...
 * For each image: bh_image_check() against the box's own slot must say
 * BH_IMG_OK, the entry point must carry the Thumb bit, the header must name
 * the box; against another box's slot it must say BH_IMG_NAME; with one
 * payload bit flipped it must say BH_IMG_HASH.
 * Runs: host (test only).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"

extern const bh_system_t bh_system;

static int failures;

static void expect(bool ok, const char *box, const char *what)
{
    if (!ok) {
        printf("FAIL: %s: %s\n", box, what);
        failures++;
    }
}

static int find_box(const char *name)
{
    for (unsigned i = 0; i < bh_system.nboxes; i++) {
        if (strcmp(bh_system.boxes[i].name, name) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* Loads the image into a zeroed buffer the size of the box's code slot. */
static uint8_t *load(const char *path, const bh_box_desc_t *box, size_t *len)
{
    uint8_t *slot = calloc(1, box->code_size);
    FILE *f = fopen(path, "rb");
    *len = (slot != NULL && f != NULL) ? fread(slot, 1, box->code_size, f) : 0u;
    if (f != NULL) {
        fclose(f);
    }
    return slot;
}

static void check_one(const char *name, const char *path)
{
    int b = find_box(name);
    expect(b >= 0, name, "no such box in bh_tables.c");
    if (b < 0) {
        return;
    }
    const bh_box_desc_t *box = &bh_system.boxes[b];
    size_t len = 0;
    uint8_t *slot = load(path, box, &len);
    bh_image_header_t h;
    memcpy(&h, slot, sizeof h);
    expect(len > sizeof h, name, "image missing or too short");
    expect((h.entry & 1u) == 1u, name, "entry point lacks the Thumb bit");
    expect(h.code_size == len, name, "header code_size is not the file size");
    enum bh_image_verdict v = bh_image_check(box, slot);
    if (v != BH_IMG_OK) {
        printf("FAIL: %s: kernel check says '%s'\n", name, bh_image_verdict_str(v));
        failures++;
    }
    const bh_box_desc_t *other = &bh_system.boxes[(b + 1) % bh_system.nboxes];
    expect(bh_system.nboxes < 2u || bh_image_check(other, slot) == BH_IMG_NAME, name, "accepted in another slot");
    slot[len - 1u] ^= 0x40u;
    expect(bh_image_check(box, slot) == BH_IMG_HASH, name, "a flipped bit went unnoticed");
    free(slot);
}

int main(int argc, char **argv)
{
    for (int a = 1; a < argc; a++) {
        char name[64];
        const char *eq = strchr(argv[a], '=');
        if (eq == NULL || (size_t)(eq - argv[a]) >= sizeof name) {
            fprintf(stderr, "usage: image_check BOX=IMAGE.bin...\n");
            return 2;
        }
        memcpy(name, argv[a], (size_t)(eq - argv[a]));
        name[eq - argv[a]] = '\0';
        check_one(name, eq + 1);
    }
    printf("%s: %d images, %d failures\n", failures == 0 ? "ok" : "FAIL", argc - 1, failures);
    return failures == 0 ? 0 : 1;
}
