/*
 * image.h — box image header checks and the image checksum.
 *
 * Every box image starts with a bh_image_header_t (bulkhead/abi.h). Before a
 * box is started the kernel checks the header against the box's slot in the
 * system tables and the CRC-32 of the image bytes. bhgen --seal computes the
 * same CRC when the image is built. CRC-32 detects corruption and mix-ups;
 * it is not authenticity (signed images come with per-box update).
 * Runs: privileged at boot, host (bhgen). Proof: bh_crc32 and
 * bh_image_verdict_str (run-time errors); bh_image_check pending (CAVEATS.md).
 */
#ifndef BH_IMAGE_H
#define BH_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include <bulkhead/abi.h>

#include "system.h"

enum bh_image_verdict {
    BH_IMG_OK = 0,
    BH_IMG_MAGIC,     /* no header, or wrong header size */
    BH_IMG_NAME,      /* image is for another box */
    BH_IMG_SIZE,      /* image larger than its code slot */
    BH_IMG_ENTRY,     /* entry point outside the image */
    BH_IMG_DATA,      /* .data/.bss do not fit the box's RAM, or init image outside */
    BH_IMG_HASH,      /* checksum mismatch */
    BH_IMG_VERDICT_COUNT
};

#define BH_IMAGE_HASH_OFFSET 60u /* offsetof(bh_image_header_t, hash) */

/* IEEE 802.3 CRC-32 (reflected, poly 0xEDB88320); start with crc = 0. */
/*@ requires \valid_read(p + (0 .. n - 1));
    assigns \nothing; */
uint32_t bh_crc32(uint32_t crc, const uint8_t *p, size_t n);

/*
 * Checks the header of the image placed in box's code slot. 'img' points at
 * the first byte of the slot and may be read for box->code_size bytes.
 */
/*@ requires \valid_read(box) && \valid_read(img + (0 .. box->code_size - 1));
    assigns \nothing; */
enum bh_image_verdict bh_image_check(const bh_box_desc_t *box, const uint8_t *img);

/*@ assigns \nothing;
    ensures \valid_read(\result); */
const char *bh_image_verdict_str(enum bh_image_verdict v);

#endif
