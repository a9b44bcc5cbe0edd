/*
 * ut_image.c — test box images (see ut_image.h).
 * Runs: host only.
 */
#include "ut_image.h"

#include <string.h>

#include "image.h"
#include "ut_layout.h"

void ut_seal_image(uint8_t *img)
{
    bh_image_header_t h;
    memcpy(&h, img, sizeof h);
    h.hash = bh_crc32(0, img + sizeof h, h.code_size - sizeof h);
    memcpy(img, &h, sizeof h);
}

void ut_build_image(uint32_t id, const bh_box_desc_t *d, uint8_t *img)
{
    bh_image_header_t h;
    memset(&h, 0, sizeof h);
    h.magic = BH_IMAGE_MAGIC;
    h.header_size = sizeof h;
    memcpy(h.name, d->name, BH_IMAGE_NAME_MAX);
    h.version = 1;
    h.entry = d->code_base + (uint32_t)sizeof h + 1u;
    h.code_size = UT_IMAGE_SIZE;
    h.data_load = d->code_base + (uint32_t)sizeof h + UT_IMAGE_CODE;
    h.data_size = UT_DATA_SIZE;
    h.bss_size = UT_BSS_SIZE;
    h.abi = BH_ABI_VERSION;
    memcpy(img, &h, sizeof h);
    for (uint32_t k = 0; k < UT_IMAGE_CODE; k++) {
        img[sizeof h + k] = (uint8_t)(id * 31u + k);
    }
    for (uint32_t k = 0; k < UT_DATA_SIZE; k++) {
        img[sizeof h + UT_IMAGE_CODE + k] = UT_DATA_BYTE(id, k);
    }
    ut_seal_image(img);
}
