/*
 * seal.h — bhgen --seal: stamp a box image's checksum into its header.
 *
 * The image is the raw binary of one box (objcopy -O binary), which starts
 * with a bh_image_header_t. seal_image() checks the header (magic, header
 * size, code_size equal to the file size), computes bh_crc32 over every
 * byte after the header and writes it little-endian at
 * BH_IMAGE_HASH_OFFSET, in place. Nothing is written if a check fails.
 * Runs: host only.
 */
#ifndef BHG_SEAL_H
#define BHG_SEAL_H

#include <stdbool.h>

#include "diag.h"

#define SEAL_MAX_BYTES (64u * 1024u * 1024u)

/* True when the image was sealed; otherwise the reason is in d. */
bool seal_image(const char *path, diags_t *d) BHG_MUST_CHECK;

#endif
