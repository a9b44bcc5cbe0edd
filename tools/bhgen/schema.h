/*
 * schema.h — table-driven reading of YAML mappings into C structs.
 *
 * A mapping is described by a table of field_t (key, reader, offset into the
 * destination struct, limits). parse_fields() walks the mapping once and
 * reports, at the line of the offending key or item: unknown keys (with a
 * suggestion when a known key is close), duplicate keys, values of the
 * wrong type or out of range; and, at the mapping's line, missing required
 * keys. Every value keeps the line it came from and a state, so later
 * stages can point back at it and can tell "absent" from "rejected".
 * Runs: host only. Trusts: nothing in the document.
 */
#ifndef BHG_SCHEMA_H
#define BHG_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "ydoc.h"

#define MF_STR_MAX 64u  /* longest name or text value + 1 */
#define MF_MAX_LIST 32u /* longest list of names bhgen reads */

enum mf_state {
    MF_UNSET = 0, /* key absent (value holds the default once filled in) */
    MF_SET = 1,   /* read and accepted */
    MF_BAD = 2    /* present but rejected; an error was reported */
};

typedef struct {
    uint32_t v;
    int line;
    uint8_t state;
} mf_u32_t;

typedef struct {
    char s[MF_STR_MAX];
    int line;
    uint8_t state;
    int16_t ref; /* what the name resolved to (set by the checks); -1 none */
} mf_str_t;

typedef struct {
    mf_str_t item[MF_MAX_LIST];
    uint16_t n;
    int line; /* line of the key */
    uint8_t state;
} mf_list_t;

typedef struct {
    ydoc_t *y;
    diags_t *d;
} pctx_t;

struct field;
typedef void (*field_fn)(pctx_t *p, const yaml_node_t *val, int line, void *obj, const struct field *f);

typedef struct field {
    const char *key;
    field_fn read;
    size_t off;             /* where the value goes inside the object */
    bool required;
    uint32_t min, max;      /* numbers: range; names: max length */
    uint32_t dflt;          /* numbers: value when absent or rejected */
    const char *const *words; /* field_enum: the accepted words, NULL-ended */
    const struct field *sub; /* field_map: the nested table */
    size_t nsub;
} field_t;

#define FIELDS_N(t) (sizeof(t) / sizeof((t)[0]))

/* Reads mapping 'map' described by 'f' into 'obj'; 'what' names it in messages. */
void parse_fields(pctx_t *p, const yaml_node_t *map, const char *what, const field_t *f, size_t n, void *obj);

/* Readers for field_t.read. */
void field_u32(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);  /* mf_u32_t */
void field_bool(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f); /* mf_u32_t */
void field_enum(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f); /* mf_u32_t */
void field_ident(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f); /* mf_str_t */
void field_text(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);  /* mf_str_t */
void field_names(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f); /* mf_list_t */
void field_map(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f);   /* nested */

/* Calls item(p, node, obj) for each entry of list 'val' (the value of 'key'),
 * reporting an error instead at entry number cap + 1. */
void each_item(pctx_t *p, const yaml_node_t *val, int line, const char *key, size_t cap,
               void (*item)(pctx_t *, const yaml_node_t *, void *), void *obj);

/* Gives every number field of 'f' that is not MF_SET its default value. */
void fields_fill_defaults(const field_t *f, size_t n, void *obj);

/* Parses a plain YAML integer (decimal or 0x hex); false with *why on error. */
bool parse_u32(const char *text, uint32_t *out, const char **why) BHG_MUST_CHECK;

/* True when s is a C identifier. */
bool is_ident(const char *s);

/* Levenshtein distance, capped at 'cap' + 1 for long strings. */
size_t edit_distance(const char *a, const char *b, size_t cap);

/* Pointer to the field's slot inside obj. */
static inline void *field_slot(void *obj, const field_t *f)
{
    return (char *)obj + f->off;
}

#endif
