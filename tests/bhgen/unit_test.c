/*
 * unit_test.c — unit tests of bhgen's small modules, linked against
 * bhgen_lib. One ctest test per property:
 *   unit_test parses_integers_strictly    parse_u32 (decimal, hex, and every rejection)
 *   unit_test suggests_close_names        edit_distance, used for "did you mean"
 *   unit_test accepts_only_identifiers    is_ident
 *   unit_test sorts_and_dedupes_errors    diag ordering by file then line, duplicates dropped
 * Runs: host (test only).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "schema.h"

static int failures;

static void expect(bool ok, const char *what)
{
    if (!ok) {
        printf("FAIL: %s\n", what);
        failures++;
    }
}

static bool num_ok(const char *text, uint32_t want)
{
    uint32_t v = 0;
    const char *why = NULL;
    return parse_u32(text, &v, &why) && v == want;
}

static bool num_rejected(const char *text, const char *why_part)
{
    uint32_t v = 0;
    const char *why = NULL;
    return !parse_u32(text, &v, &why) && why != NULL && strstr(why, why_part) != NULL;
}

static void parses_integers_strictly(void)
{
    expect(num_ok("0", 0u), "0");
    expect(num_ok("256", 256u), "decimal");
    expect(num_ok("0x400", 0x400u), "hex");
    expect(num_ok("0XfF", 0xFFu), "hex, either case");
    expect(num_ok("4294967295", UINT32_MAX), "largest decimal");
    expect(num_ok("0xFFFFFFFF", UINT32_MAX), "largest hex");
    expect(num_rejected("4294967296", "larger"), "2^32 decimal");
    expect(num_rejected("0x100000000", "larger"), "2^32 hex");
    expect(num_rejected("-1", "negative"), "negative");
    expect(num_rejected("010", "leading zero"), "octal-looking");
    expect(num_rejected("1.5", "not an integer"), "fraction");
    expect(num_rejected("0x", "not an integer"), "bare 0x");
    expect(num_rejected("12k", "not an integer"), "suffix");
    expect(num_rejected("+5", "not an integer"), "plus sign");
    expect(num_rejected(" 5", "not an integer"), "space");
    expect(num_rejected("", "no value"), "empty");
}

static void suggests_close_names(void)
{
    expect(edit_distance("stack", "stack", 3) == 0, "equal");
    expect(edit_distance("stak", "stack", 3) == 1, "one deletion");
    expect(edit_distance("stakc", "stack", 3) == 2, "transposition counts 2");
    expect(edit_distance("", "abc", 3) == 3, "empty");
    expect(edit_distance("colour", "code", 3) > 2, "far apart");
    char longer[100];
    memset(longer, 'a', sizeof longer - 1u);
    longer[sizeof longer - 1u] = '\0';
    expect(edit_distance(longer, "a", 3) > 3, "over-long names are never close");
}

static void accepts_only_identifiers(void)
{
    expect(is_ident("a"), "a");
    expect(is_ident("_x9"), "_x9");
    expect(is_ident("Uart_1"), "Uart_1");
    expect(!is_ident(""), "empty");
    expect(!is_ident("9a"), "leading digit");
    expect(!is_ident("a-b"), "dash");
    expect(!is_ident("a b"), "space");
    expect(!is_ident("../x"), "path");
    expect(!is_ident("caf\xC3\xA9"), "non-ASCII");
}

static void sorts_and_dedupes_errors(void)
{
    diags_t d = {0};
    diag_error(&d, "m.yaml", 9, "late");
    diag_error(&d, "board.yaml", 1, "board");
    diag_error(&d, "m.yaml", 2, "early");
    diag_error(&d, "m.yaml", 2, "early");
    diag_error(&d, "m.yaml", 0, "whole file");
    expect(diag_count(&d) == 4u, "exact duplicate dropped");
    char buf[512] = "";
    FILE *f = fmemopen(buf, sizeof buf, "w");
    diag_print(&d, f);
    fclose(f);
    const char *want = "m.yaml: error: whole file\n"
                       "m.yaml:2: error: early\n"
                       "m.yaml:9: error: late\n"
                       "board.yaml:1: error: board\n";
    expect(strcmp(buf, want) == 0, "sorted by file of first report, then line");
    diag_free(&d);
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        void (*fn)(void);
    } tests[] = {
        {"parses_integers_strictly", parses_integers_strictly},
        {"suggests_close_names", suggests_close_names},
        {"accepts_only_identifiers", accepts_only_identifiers},
        {"sorts_and_dedupes_errors", sorts_and_dedupes_errors},
    };
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        if (argc == 2 && strcmp(argv[1], tests[i].name) == 0) {
            tests[i].fn();
            printf("%s: %s, %d failures\n", failures == 0 ? "ok" : "FAIL", argv[1], failures);
            return failures == 0 ? 0 : 1;
        }
    }
    fprintf(stderr, "usage: unit_test TEST\n");
    return 2;
}
