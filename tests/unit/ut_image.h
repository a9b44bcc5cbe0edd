/*
 * ut_image.h — building box images in host memory for tests: a 64-byte
 * header (bulkhead/abi.h), UT_IMAGE_CODE bytes of stand-in code, then the
 * .data init image, sealed with bh_crc32 as bhgen --seal does.
 * Runs: host only.
 */
#ifndef UT_IMAGE_H
#define UT_IMAGE_H

#include <stdint.h>

#include "system.h"

/* A valid image for box 'id' described by d, UT_IMAGE_SIZE bytes at img. */
void ut_build_image(uint32_t id, const bh_box_desc_t *d, uint8_t *img);
/* Recomputes the header checksum of the image at img. */
void ut_seal_image(uint8_t *img);

#endif
