/*
 * seal.c — image checksum stamping (see seal.h).
 * Runs: host only. Trusts: nothing in the image file.
 */
#include "seal.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "image.h"

_Static_assert(offsetof(bh_image_header_t, hash) == BH_IMAGE_HASH_OFFSET, "hash offset");

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_le32(uint8_t *p, uint32_t v)
{
    for (unsigned i = 0; i < 4u; i++) {
        p[i] = (uint8_t)(v >> (8u * i));
    }
}

/* Why the image cannot be sealed, or NULL when it can. */
static const char *check_header(const uint8_t *img, size_t len, char *why, size_t size)
{
    const size_t hs = sizeof(bh_image_header_t);
    if (len < hs) {
        snprintf(why, size, "file is %zu bytes, too short for the %zu-byte image header", len, hs);
    } else if (le32(img + offsetof(bh_image_header_t, magic)) != BH_IMAGE_MAGIC) {
        snprintf(why, size, "no image header: magic is 0x%08X, expected 0x%08X",
                 (unsigned)le32(img + offsetof(bh_image_header_t, magic)), (unsigned)BH_IMAGE_MAGIC);
    } else if (le32(img + offsetof(bh_image_header_t, header_size)) != hs) {
        snprintf(why, size, "header_size is %u, expected %zu",
                 (unsigned)le32(img + offsetof(bh_image_header_t, header_size)), hs);
    } else if (le32(img + offsetof(bh_image_header_t, code_size)) != len) {
        snprintf(why, size,
                 "header code_size is %u bytes but the file has %zu bytes (expected the objcopy -O binary "
                 "output of one box image)",
                 (unsigned)le32(img + offsetof(bh_image_header_t, code_size)), len);
    } else {
        return NULL;
    }
    return why;
}

static bool write_hash(FILE *f, uint32_t crc)
{
    uint8_t b[4];
    put_le32(b, crc);
    return fseek(f, (long)BH_IMAGE_HASH_OFFSET, SEEK_SET) == 0 && fwrite(b, 1, sizeof b, f) == sizeof b &&
           fflush(f) == 0;
}

bool seal_image(const char *path, diags_t *d)
{
    FILE *f = fopen(path, "r+b");
    if (f == NULL) {
        diag_error(d, path, 0, "cannot open: %s", strerror(errno));
        return false;
    }
    size_t len = 0;
    uint8_t *img = file_slurp(f, SEAL_MAX_BYTES, &len);
    char why[256];
    bool ok = false;
    if (img == NULL || ferror(f)) {
        diag_error(d, path, 0, "cannot read: %s", img == NULL ? "out of memory" : strerror(errno));
    } else if (len > SEAL_MAX_BYTES) {
        diag_error(d, path, 0, "file larger than %u bytes: not a box image", SEAL_MAX_BYTES);
    } else if (check_header(img, len, why, sizeof why) != NULL) {
        diag_error(d, path, 0, "%s", why);
    } else {
        uint32_t crc = bh_crc32(0, img + sizeof(bh_image_header_t), len - sizeof(bh_image_header_t));
        ok = write_hash(f, crc);
        if (!ok) {
            diag_error(d, path, 0, "cannot write: %s", strerror(errno));
        }
    }
    free(img);
    if (fclose(f) != 0 && ok) {
        diag_error(d, path, 0, "cannot write: %s", strerror(errno));
        ok = false;
    }
    return ok;
}
