/*
 * seal_test.c — bhgen --seal against the kernel's own image check.
 *
 *   seal_test patches_crc BHGEN SCRATCH
 *       a well-formed image is sealed in place: the hash word becomes
 *       bh_crc32 of the bytes after the header (little-endian), no other
 *       byte changes, sealing again changes nothing, and bh_image_check()
 *       (kernel/core/image.c) accepts the result;
 *   seal_test rejects_bad_images BHGEN SCRATCH
 *       a missing file, a short file, a wrong magic, a wrong header size and
 *       a code_size that is not the file size all exit 1 with a message and
 *       leave the file exactly as it was.
 * Runs: host (test only).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "image.h"

#define PAYLOAD 200u
#define IMG_SIZE (sizeof(bh_image_header_t) + PAYLOAD)
#define CODE_BASE 0x10020000u

static int failures;

static void expect(bool ok, const char *what)
{
    if (!ok) {
        printf("FAIL: %s\n", what);
        failures++;
    }
}

static void make_image(uint8_t *img)
{
    bh_image_header_t h = {
        .magic = BH_IMAGE_MAGIC,
        .header_size = sizeof h,
        .name = "demo",
        .version = 1,
        .entry = (CODE_BASE + sizeof h) | 1u,
        .code_size = IMG_SIZE,
        .data_load = CODE_BASE + IMG_SIZE,
        .abi = BH_ABI_VERSION,
    };
    memcpy(img, &h, sizeof h);
    for (unsigned i = 0; i < PAYLOAD; i++) {
        img[sizeof h + i] = (uint8_t)(i * 7u + 3u);
    }
}

static bool write_file(const char *path, const uint8_t *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    bool ok = f != NULL && fwrite(p, 1, n, f) == n;
    return f != NULL && fclose(f) == 0 && ok;
}

static size_t read_file(const char *path, uint8_t *p, size_t max)
{
    FILE *f = fopen(path, "rb");
    size_t n = f != NULL ? fread(p, 1, max, f) : 0u;
    if (f != NULL) {
        fclose(f);
    }
    return n;
}

static int seal(const char *bhgen, const char *path)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' --seal '%s'", bhgen, path);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void patches_crc(const char *bhgen, const char *dir)
{
    uint8_t img[IMG_SIZE], got[IMG_SIZE + 1], again[IMG_SIZE + 1];
    char path[4096];
    snprintf(path, sizeof path, "%s/good.bin", dir);
    make_image(img);
    expect(bh_crc32(0, (const uint8_t *)"123456789", 9) == 0xCBF43926u, "bh_crc32 check value");
    expect(write_file(path, img, sizeof img), "write image");
    expect(seal(bhgen, path) == 0, "seal exits 0");
    expect(read_file(path, got, sizeof got) == IMG_SIZE, "size unchanged");
    uint32_t crc = bh_crc32(0, img + sizeof(bh_image_header_t), PAYLOAD);
    uint8_t le[4] = {(uint8_t)crc, (uint8_t)(crc >> 8), (uint8_t)(crc >> 16), (uint8_t)(crc >> 24)};
    expect(memcmp(got + BH_IMAGE_HASH_OFFSET, le, 4) == 0, "hash is the CRC, little-endian, at its offset");
    memcpy(img + BH_IMAGE_HASH_OFFSET, le, 4);
    expect(memcmp(got, img, IMG_SIZE) == 0, "no other byte changed");
    expect(seal(bhgen, path) == 0 && read_file(path, again, sizeof again) == IMG_SIZE &&
               memcmp(again, got, IMG_SIZE) == 0,
           "sealing twice changes nothing");
    bh_box_desc_t box = {.name = "demo", .code_base = CODE_BASE, .code_size = 0x1000, .ram_base = 0x38010000u,
                         .ram_size = 0x400, .stack_size = 0x200};
    static uint8_t slot[0x1000];
    memcpy(slot, got, IMG_SIZE);
    expect(bh_image_check(&box, slot) == BH_IMG_OK, "kernel image check accepts the sealed image");
    slot[IMG_SIZE - 1] ^= 1u;
    expect(bh_image_check(&box, slot) == BH_IMG_HASH, "kernel image check sees a flipped bit");
}

/* Writes 'img' (n bytes), seals, and expects exit 1 with the file intact. */
static void rejected(const char *bhgen, const char *dir, const char *name, const uint8_t *img, size_t n)
{
    char path[4096];
    uint8_t back[IMG_SIZE + 16];
    snprintf(path, sizeof path, "%s/%s.bin", dir, name);
    expect(write_file(path, img, n), "write image");
    if (seal(bhgen, path) != 1) {
        printf("FAIL: %s: seal did not exit 1\n", name);
        failures++;
    }
    if (read_file(path, back, sizeof back) != n || memcmp(back, img, n) != 0) {
        printf("FAIL: %s: file changed\n", name);
        failures++;
    }
}

static void rejects_bad_images(const char *bhgen, const char *dir)
{
    uint8_t img[IMG_SIZE + 1];
    char missing[4096];
    snprintf(missing, sizeof missing, "%s/missing.bin", dir);
    expect(seal(bhgen, missing) == 1, "missing file exits 1");
    make_image(img);
    rejected(bhgen, dir, "short", img, 10);
    make_image(img);
    img[0] ^= 0xFFu;
    rejected(bhgen, dir, "bad_magic", img, IMG_SIZE);
    make_image(img);
    img[offsetof(bh_image_header_t, header_size)] = 32;
    rejected(bhgen, dir, "bad_header_size", img, IMG_SIZE);
    make_image(img);
    img[IMG_SIZE] = 0;
    rejected(bhgen, dir, "longer_than_code_size", img, IMG_SIZE + 1);
    make_image(img);
    rejected(bhgen, dir, "shorter_than_code_size", img, IMG_SIZE - 4);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: seal_test patches_crc|rejects_bad_images BHGEN SCRATCH\n");
        return 2;
    }
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", argv[3], argv[3]);
    if (system(cmd) != 0) {
        return 2;
    }
    if (strcmp(argv[1], "patches_crc") == 0) {
        patches_crc(argv[2], argv[3]);
    } else if (strcmp(argv[1], "rejects_bad_images") == 0) {
        rejects_bad_images(argv[2], argv[3]);
    } else {
        return 2;
    }
    printf("%s: %s, %d failures\n", failures == 0 ? "ok" : "FAIL", argv[1], failures);
    return failures == 0 ? 0 : 1;
}
