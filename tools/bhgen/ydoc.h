/*
 * ydoc.h — one YAML file loaded as a libyaml node tree, with line numbers.
 *
 * ydoc_load() reads the whole file, parses exactly one document and reports
 * unreadable files, syntax errors (at libyaml's problem mark) and extra
 * documents through diag. Node accessors never return NULL for a node id
 * that libyaml itself produced.
 * Runs: host only. Trusts: nothing in the file.
 */
#ifndef BHG_YDOC_H
#define BHG_YDOC_H

#include <stdbool.h>

#include <yaml.h>

#include "diag.h"

#define YDOC_MAX_BYTES (16u * 1024u * 1024u) /* larger files are refused */

typedef struct {
    const char *file; /* as given; used in every message */
    yaml_document_t doc;
    bool loaded;      /* doc must be freed */
} ydoc_t;

/* Loads 'file'; false (with errors reported) unless a root node exists. */
bool ydoc_load(ydoc_t *y, const char *file, diags_t *d) BHG_MUST_CHECK;

void ydoc_free(ydoc_t *y);

yaml_node_t *ydoc_root(ydoc_t *y);
yaml_node_t *ydoc_node(ydoc_t *y, int id);

/* 1-based line where the node starts. */
int ynode_line(const yaml_node_t *n);

/* "a mapping", "a list" or "a scalar", for messages. */
const char *ynode_kind(const yaml_node_t *n);

/* The text of a scalar node (NUL terminated by libyaml). */
const char *ynode_text(const yaml_node_t *n);

/* True when a scalar was written without quotes (so may be a number). */
bool ynode_plain(const yaml_node_t *n);

#endif
