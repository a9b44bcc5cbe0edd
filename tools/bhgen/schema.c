/*
 * schema.c — table-driven mapping reader and scalar conversions (see schema.h).
 * Runs: host only. Trusts: nothing in the document.
 */
#include "schema.h"

#include <string.h>
#include <strings.h>

#define FIELDS_MAX 32u /* longest field table */

static const char *file_of(const pctx_t *p)
{
    return p->y->file;
}

size_t edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a);
    size_t lb = strlen(b);
    if (la >= MF_STR_MAX || lb >= MF_STR_MAX) {
        return cap + 1u;
    }
    size_t row[MF_STR_MAX];
    for (size_t j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t sub = diag + (a[i - 1] != b[j - 1]);
            size_t del = (up < row[j - 1] ? up : row[j - 1]) + 1u;
            row[j] = sub < del ? sub : del;
            diag = up;
        }
    }
    return row[lb];
}

/* The known key closest to 'key', if close enough to be a likely typo. */
static const char *suggest(const char *key, const field_t *f, size_t n)
{
    const char *best = NULL;
    size_t best_d = 3u;
    for (size_t i = 0; i < n; i++) {
        size_t dist = strcasecmp(key, f[i].key) == 0 ? 0u : edit_distance(key, f[i].key, 3u);
        if (dist < best_d && dist < strlen(f[i].key)) {
            best = f[i].key;
            best_d = dist;
        }
    }
    return best;
}

static void unknown_key(pctx_t *p, int line, const char *key, const char *what, const field_t *f, size_t n)
{
    const char *near = suggest(key, f, n);
    if (near != NULL) {
        diag_error(p->d, file_of(p), line, "unknown key '%s' in %s; did you mean '%s'?", key, what, near);
        return;
    }
    char known[512] = "";
    for (size_t i = 0; i < n; i++) {
        strncat(known, i == 0 ? "" : ", ", sizeof known - strlen(known) - 1u);
        strncat(known, f[i].key, sizeof known - strlen(known) - 1u);
    }
    diag_error(p->d, file_of(p), line, "unknown key '%s' in %s (known keys: %s)", key, what, known);
}

static size_t find_field(const char *key, const field_t *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(key, f[i].key) == 0) {
            return i;
        }
    }
    return n;
}

/* Reads one key: value pair; seen[] holds the line where each key was read. */
static void read_pair(pctx_t *p, const yaml_node_pair_t *pair, const char *what, const field_t *f, size_t n,
                      void *obj, int *seen)
{
    const yaml_node_t *k = ydoc_node(p->y, pair->key);
    const yaml_node_t *v = ydoc_node(p->y, pair->value);
    int line = ynode_line(k);
    if (k->type != YAML_SCALAR_NODE) {
        diag_error(p->d, file_of(p), line, "a key in %s is %s; keys must be plain names", what, ynode_kind(k));
        return;
    }
    size_t i = find_field(ynode_text(k), f, n);
    if (i == n) {
        unknown_key(p, line, ynode_text(k), what, f, n);
    } else if (seen[i] != 0) {
        diag_error(p->d, file_of(p), line, "duplicate key '%s' in %s (first given at line %d)", f[i].key, what,
                   seen[i]);
    } else {
        seen[i] = line;
        f[i].read(p, v, line, obj, &f[i]);
    }
}

void parse_fields(pctx_t *p, const yaml_node_t *map, const char *what, const field_t *f, size_t n, void *obj)
{
    int seen[FIELDS_MAX] = {0};
    if (n > FIELDS_MAX) {
        diag_error(p->d, file_of(p), 0, "internal error: field table for %s too long", what);
        return;
    }
    if (map->type != YAML_MAPPING_NODE) {
        diag_error(p->d, file_of(p), ynode_line(map), "%s must be a mapping of keys, got %s", what, ynode_kind(map));
        return;
    }
    for (const yaml_node_pair_t *pr = map->data.mapping.pairs.start; pr < map->data.mapping.pairs.top; pr++) {
        read_pair(p, pr, what, f, n, obj, seen);
    }
    for (size_t i = 0; i < n; i++) {
        if (f[i].required && seen[i] == 0) {
            diag_error(p->d, file_of(p), ynode_line(map), "%s is missing the required key '%s'", what, f[i].key);
        }
    }
}

/* Value of a hex digit, or 99 for anything else. */
static unsigned digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10u;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10u;
    }
    return 99u;
}

static bool parse_digits(const char *t, unsigned base, uint32_t *out)
{
    uint64_t v = 0;
    for (; *t != '\0'; t++) {
        unsigned d = digit_value((unsigned char)*t);
        if (d >= base) {
            return false;
        }
        v = v * base + d;
        if (v > UINT32_MAX) {
            return false;
        }
    }
    *out = (uint32_t)v;
    return true;
}

bool parse_u32(const char *t, uint32_t *out, const char **why)
{
    bool hex = t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
    const char *digits = hex ? t + 2 : t;
    if (*t == '\0') {
        *why = "has no value";
    } else if (*t == '-') {
        *why = "must not be negative";
    } else if (!hex && t[0] == '0' && t[1] != '\0') {
        *why = "has a leading zero (octal is not accepted; write 8 or 0x8)";
    } else if (*digits == '\0' || !parse_digits(digits, hex ? 16u : 10u, out)) {
        bool big = *digits != '\0' && strspn(digits, hex ? "0123456789abcdefABCDEF" : "0123456789") == strlen(digits);
        *why = big ? "is larger than 4294967295" : "is not an integer (decimal or 0x hex)";
    } else {
        return true;
    }
    return false;
}

static bool want_scalar(pctx_t *p, const yaml_node_t *val, int line, const field_t *f, const char *what)
{
    if (val->type == YAML_SCALAR_NODE) {
        return true;
    }
    diag_error(p->d, file_of(p), line, "'%s' must be %s, got %s", f->key, what, ynode_kind(val));
    return false;
}

static void set_u32(mf_u32_t *s, uint32_t v, int line, bool ok)
{
    s->v = v;
    s->line = line;
    s->state = ok ? MF_SET : MF_BAD;
}

void field_u32(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    mf_u32_t *s = field_slot(obj, f);
    set_u32(s, 0, line, false);
    if (!want_scalar(p, val, line, f, "a number")) {
        return;
    }
    const char *t = ynode_text(val);
    const char *why = NULL;
    uint32_t v = 0;
    if (!ynode_plain(val)) {
        diag_error(p->d, file_of(p), line, "'%s' must be a number, got the quoted string \"%s\"", f->key, t);
    } else if (!parse_u32(t, &v, &why)) {
        diag_error(p->d, file_of(p), line, "'%s' %s (got '%s')", f->key, why, t);
    } else if (v < f->min || v > f->max) {
        diag_error(p->d, file_of(p), line, "'%s' is %s; it must be between %u and %u", f->key, t, f->min, f->max);
    } else {
        set_u32(s, v, line, true);
    }
}

void field_bool(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    mf_u32_t *s = field_slot(obj, f);
    set_u32(s, 0, line, false);
    if (!want_scalar(p, val, line, f, "true or false")) {
        return;
    }
    const char *t = ynode_text(val);
    bool yes = strcmp(t, "true") == 0 || strcmp(t, "True") == 0 || strcmp(t, "TRUE") == 0;
    bool no = strcmp(t, "false") == 0 || strcmp(t, "False") == 0 || strcmp(t, "FALSE") == 0;
    if (!ynode_plain(val) || (!yes && !no)) {
        diag_error(p->d, file_of(p), line, "'%s' must be true or false, got '%s'", f->key, t);
        return;
    }
    set_u32(s, yes ? 1u : 0u, line, true);
}

void field_enum(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    mf_u32_t *s = field_slot(obj, f);
    set_u32(s, 0, line, false);
    if (!want_scalar(p, val, line, f, "a word")) {
        return;
    }
    char list[256] = "";
    for (uint32_t i = 0; f->words[i] != NULL; i++) {
        if (strcmp(ynode_text(val), f->words[i]) == 0) {
            set_u32(s, i, line, true);
            return;
        }
        strncat(list, i == 0 ? "" : ", ", sizeof list - strlen(list) - 1u);
        strncat(list, f->words[i], sizeof list - strlen(list) - 1u);
    }
    diag_error(p->d, file_of(p), line, "'%s' is '%s'; expected one of: %s", f->key, ynode_text(val), list);
}

bool is_ident(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_')) {
        return false;
    }
    return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == strlen(s);
}

/* Copies a scalar into s when it is at most 'max' characters long. */
static bool take_text(pctx_t *p, const yaml_node_t *val, int line, const char *key, uint32_t max, mf_str_t *s)
{
    const char *t = ynode_text(val);
    size_t len = strlen(t);
    if (max == 0u || max >= MF_STR_MAX) {
        max = MF_STR_MAX - 1u;
    }
    if (len != val->data.scalar.length) {
        diag_error(p->d, file_of(p), line, "'%s' contains a NUL character", key);
    } else if (len > max) {
        diag_error(p->d, file_of(p), line, "'%s' is %zu characters long; at most %u are allowed", key, len, max);
    } else {
        memcpy(s->s, t, len + 1u);
        return true;
    }
    return false;
}

static void set_str(mf_str_t *s, int line, bool ok)
{
    s->line = line;
    s->state = ok ? MF_SET : MF_BAD;
    s->ref = -1;
    if (!ok) {
        s->s[0] = '\0';
    }
}

void field_text(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    mf_str_t *s = field_slot(obj, f);
    bool ok = want_scalar(p, val, line, f, "a string") && take_text(p, val, line, f->key, f->max, s);
    set_str(s, line, ok);
}

static bool ident_ok(pctx_t *p, const mf_str_t *s, int line, const char *key)
{
    if (is_ident(s->s)) {
        return true;
    }
    diag_error(p->d, file_of(p), line,
               "'%s' must be a C identifier (letters, digits and _, not starting with a digit), got '%s'", key,
               s->s);
    return false;
}

void field_ident(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    mf_str_t *s = field_slot(obj, f);
    bool ok = want_scalar(p, val, line, f, "a name") && take_text(p, val, line, f->key, f->max, s) &&
              ident_ok(p, s, line, f->key);
    set_str(s, line, ok);
}

static void read_name_item(pctx_t *p, const yaml_node_t *item, const field_t *f, mf_list_t *l)
{
    int line = ynode_line(item);
    if (l->n >= MF_MAX_LIST) {
        if (l->n == MF_MAX_LIST) {
            diag_error(p->d, file_of(p), line, "too many entries in '%s' (bhgen reads at most %u)", f->key,
                       MF_MAX_LIST);
            l->state = MF_BAD;
        }
        return;
    }
    mf_str_t *s = &l->item[l->n];
    if (item->type != YAML_SCALAR_NODE) {
        diag_error(p->d, file_of(p), line, "entries of '%s' must be names, got %s", f->key, ynode_kind(item));
    } else if (take_text(p, item, line, f->key, 0u, s) && ident_ok(p, s, line, f->key)) {
        set_str(s, line, true);
        l->n++;
    }
}

void field_names(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    mf_list_t *l = field_slot(obj, f);
    l->line = line;
    l->state = MF_SET;
    if (val->type != YAML_SEQUENCE_NODE) {
        diag_error(p->d, file_of(p), line, "'%s' must be a list of names such as [a, b], got %s", f->key,
                   ynode_kind(val));
        l->state = MF_BAD;
        return;
    }
    for (const yaml_node_item_t *it = val->data.sequence.items.start; it < val->data.sequence.items.top; it++) {
        read_name_item(p, ydoc_node(p->y, *it), f, l);
    }
}

void field_map(pctx_t *p, const yaml_node_t *val, int line, void *obj, const field_t *f)
{
    (void)line;
    parse_fields(p, val, f->key, f->sub, f->nsub, obj);
}

static bool is_number_reader(field_fn fn)
{
    return fn == field_u32 || fn == field_bool || fn == field_enum;
}

void fields_fill_defaults(const field_t *f, size_t n, void *obj)
{
    for (size_t i = 0; i < n; i++) {
        if (f[i].read == field_map) {
            fields_fill_defaults(f[i].sub, f[i].nsub, obj);
        } else if (is_number_reader(f[i].read)) {
            mf_u32_t *s = field_slot(obj, &f[i]);
            if (s->state != MF_SET) {
                s->v = f[i].dflt;
            }
        }
    }
}

void each_item(pctx_t *p, const yaml_node_t *val, int line, const char *key, size_t cap,
               void (*item)(pctx_t *, const yaml_node_t *, void *), void *obj)
{
    if (val->type != YAML_SEQUENCE_NODE) {
        diag_error(p->d, p->y->file, line, "'%s' must be a list, got %s", key, ynode_kind(val));
        return;
    }
    size_t n = 0;
    for (const yaml_node_item_t *it = val->data.sequence.items.start; it < val->data.sequence.items.top; it++) {
        const yaml_node_t *node = ydoc_node(p->y, *it);
        if (n++ == cap) {
            diag_error(p->d, p->y->file, ynode_line(node), "too many entries in '%s': at most %zu are allowed", key, cap);
            return;
        }
        item(p, node, obj);
    }
}

