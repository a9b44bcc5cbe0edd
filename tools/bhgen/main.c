/*
 * main.c — bhgen's command line. Parses options, then hands over to the
 * pipeline (bhgen.c). Exit status: 0 success, 1 invalid input or failed
 * write, 2 usage error. Prints nothing on success.
 * Runs: host only.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "bhgen.h"

#ifndef BH_BOARDS_DIR
#error "BH_BOARDS_DIR must name the default board directory"
#endif

typedef struct {
    const char *boards, *board, *manifest, *outdir, *seal;
    bool check, help, positional_only;
} opts_t;

static const char usage_text[] =
    "usage: bhgen [--boards DIR] [--board NAME] MANIFEST -o OUTDIR   validate, lay out and generate\n"
    "       bhgen [--boards DIR] [--board NAME] --check MANIFEST     validate only, write nothing\n"
    "       bhgen --seal IMAGE.bin                    stamp the checksum into a box image\n"
    "       bhgen --help\n"
    "Board files are read from DIR/<board>/board.yaml (default: " BH_BOARDS_DIR ").\n"
    "--board NAME builds the manifest for board NAME instead of its 'board:' value.\n"
    "Exit status: 0 ok, 1 invalid manifest or image (messages FILE:LINE: error: ...), 2 usage error.\n";

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "bhgen: %s%s%s\n%s", msg, arg != NULL ? ": " : "", arg != NULL ? arg : "", usage_text);
    return BHGEN_USAGE;
}

typedef struct {
    const char *name;
    size_t off; /* of the const char * in opts_t */
} value_opt_t;

static const value_opt_t value_opts[] = {
    {"--boards", offsetof(opts_t, boards)},
    {"--board", offsetof(opts_t, board)},
    {"--seal", offsetof(opts_t, seal)},
    {"-o", offsetof(opts_t, outdir)},
    {"--output", offsetof(opts_t, outdir)},
};

/* Handles "--name VALUE" / "--name=VALUE"; -1 when argv[*i] is not one. */
static int value_option(int argc, char **argv, int *i, opts_t *o)
{
    const char *a = argv[*i];
    for (size_t k = 0; k < sizeof value_opts / sizeof value_opts[0]; k++) {
        size_t n = strlen(value_opts[k].name);
        if (strncmp(a, value_opts[k].name, n) != 0 || (a[n] != '\0' && a[n] != '=')) {
            continue;
        }
        const char **slot = (const char **)((char *)o + value_opts[k].off);
        const char *v = NULL;
        if (a[n] == '=') {
            v = a + n + 1;
        } else if (*i + 1 < argc) {
            v = argv[++*i];
        }
        if (v == NULL || v[0] == '\0') {
            return usage_error("option needs a value", a);
        }
        if (*slot != NULL) {
            return usage_error("option given twice", a);
        }
        *slot = v;
        return 0;
    }
    return -1;
}

/* One argument; returns 0 or a usage error status. */
static int parse_arg(int argc, char **argv, int *i, opts_t *o)
{
    const char *a = argv[*i];
    if (o->positional_only || a[0] != '-' || a[1] == '\0') {
        if (o->manifest != NULL) {
            return usage_error("more than one manifest", a);
        }
        o->manifest = a;
    } else if (strcmp(a, "--") == 0) {
        o->positional_only = true;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
        o->help = true;
    } else if (strcmp(a, "--check") == 0) {
        o->check = true;
    } else {
        int st = value_option(argc, argv, i, o);
        return st >= 0 ? st : usage_error("unknown option", a);
    }
    return 0;
}

static int check_combination(const opts_t *o)
{
    if (o->seal != NULL) {
        bool extra = o->manifest != NULL || o->outdir != NULL || o->check || o->boards != NULL || o->board != NULL;
        return extra ? usage_error("--seal takes only the image", NULL) : 0;
    }
    if (o->manifest == NULL) {
        return usage_error("no manifest given", NULL);
    }
    if (o->check && o->outdir != NULL) {
        return usage_error("--check writes nothing; drop -o", NULL);
    }
    if (!o->check && o->outdir == NULL) {
        return usage_error("no output directory (-o OUTDIR), and not --check", NULL);
    }
    return 0;
}

int main(int argc, char **argv)
{
    opts_t o = {0};
    for (int i = 1; i < argc; i++) {
        int st = parse_arg(argc, argv, &i, &o);
        if (st != 0) {
            return st;
        }
    }
    if (o.help) {
        fputs(usage_text, stdout);
        return BHGEN_OK;
    }
    int st = check_combination(&o);
    if (st != 0) {
        return st;
    }
    if (o.seal != NULL) {
        return bhgen_seal(o.seal, stderr);
    }
    return bhgen_generate(o.manifest, o.boards != NULL ? o.boards : BH_BOARDS_DIR, o.board, o.check ? NULL : o.outdir,
                          stderr);
}
