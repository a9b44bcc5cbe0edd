/*
 * image.c — box image header check and CRC-32 (see image.h).
 * Runs: privileged at boot, host. Trusts: nothing in the image.
 */
#include "image.h"

#include <string.h>

#include "range.h"

_Static_assert(sizeof(bh_image_header_t) == 64u, "image header is 64 bytes");
_Static_assert(BH_IMAGE_HASH_OFFSET + 4u == sizeof(bh_image_header_t), "hash is the last field");

uint32_t bh_crc32(uint32_t crc, const uint8_t *p, size_t n)
{
    crc = ~crc;
    /*@ loop invariant 0 <= i <= n;
        loop assigns i, crc;
        loop variant n - i; */
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        /*@ loop invariant 0 <= k <= 8;
            loop assigns k, crc;
            loop variant 8 - k; */
        for (unsigned k = 0; k < 8u; k++) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return ~crc;
}

/*@ requires \valid_read(box) && \valid_read(name + (0 .. BH_IMAGE_NAME_MAX - 1));
    assigns \nothing; */
static bool name_matches(const bh_box_desc_t *box, const char *name)
{
    return strncmp(box->name, name, BH_IMAGE_NAME_MAX) == 0;
}

/*@ requires \valid_read(box) && \valid_read(h);
    assigns \nothing; */
static bool data_fits(const bh_box_desc_t *box, const bh_image_header_t *h)
{
    uint32_t data_base = box->ram_base + box->stack_size;
    uint32_t room = box->ram_size - box->stack_size;
    return h->data_size <= room && h->bss_size <= room - h->data_size &&
           bh_range_within(h->data_load, h->data_size, box->code_base, h->code_size) &&
           data_base >= box->ram_base;
}

enum bh_image_verdict bh_image_check(const bh_box_desc_t *box, const uint8_t *img)
{
    bh_image_header_t h;
    if (box->code_size < sizeof h) {
        return BH_IMG_SIZE;
    }
    memcpy(&h, img, sizeof h);
    if (h.magic != BH_IMAGE_MAGIC || h.header_size != sizeof h || h.abi != BH_ABI_VERSION) {
        return BH_IMG_MAGIC;
    }
    if (!name_matches(box, h.name)) {
        return BH_IMG_NAME;
    }
    if (h.code_size < sizeof h || h.code_size > box->code_size) {
        return BH_IMG_SIZE;
    }
    if (!bh_range_within(h.entry & ~1u, 2u, box->code_base + (uint32_t)sizeof h, h.code_size - (uint32_t)sizeof h)) {
        return BH_IMG_ENTRY;
    }
    if (!data_fits(box, &h)) {
        return BH_IMG_DATA;
    }
    if (bh_crc32(0, img + sizeof h, h.code_size - sizeof h) != h.hash) {
        return BH_IMG_HASH;
    }
    return BH_IMG_OK;
}

static const char *const verdict_text[BH_IMG_VERDICT_COUNT] = {
    [BH_IMG_OK] = "ok",
    [BH_IMG_MAGIC] = "no valid image header (or another ABI version)",
    [BH_IMG_NAME] = "image belongs to another box",
    [BH_IMG_SIZE] = "image larger than its code slot",
    [BH_IMG_ENTRY] = "entry point outside the image",
    [BH_IMG_DATA] = "data/bss do not fit the box's RAM",
    [BH_IMG_HASH] = "image checksum mismatch",
};

const char *bh_image_verdict_str(enum bh_image_verdict v)
{
    return ((unsigned)v < BH_IMG_VERDICT_COUNT) ? verdict_text[v] : "unknown";
}
