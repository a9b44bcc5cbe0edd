/*
 * ydoc.c — YAML file loading (see ydoc.h).
 * Runs: host only. Trusts: nothing in the file; its size is capped.
 */
#include "ydoc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"

/* Reads the whole file; NULL (error reported) when it cannot. */
static unsigned char *read_all(const char *file, size_t *len, diags_t *d)
{
    FILE *f = fopen(file, "rb");
    if (f == NULL) {
        diag_error(d, file, 0, "cannot read: %s", strerror(errno));
        return NULL;
    }
    unsigned char *buf = file_slurp(f, YDOC_MAX_BYTES, len);
    int err = ferror(f) ? errno : 0;
    fclose(f);
    const char *why = NULL;
    if (buf == NULL) {
        why = "out of memory";
    } else if (err != 0) {
        why = strerror(err);
    } else if (*len > YDOC_MAX_BYTES) {
        why = "file larger than 16 MiB";
    }
    if (why != NULL) {
        diag_error(d, file, 0, "cannot read: %s", why);
        free(buf);
        return NULL;
    }
    return buf;
}

static void report_parser(const yaml_parser_t *p, const char *file, diags_t *d)
{
    const char *problem = p->problem != NULL ? p->problem : "malformed YAML";
    int line = (int)p->problem_mark.line + 1;
    if (p->error == YAML_READER_ERROR) {
        diag_error(d, file, 0, "cannot read: %s (is the file UTF-8 text?)", problem);
    } else if (p->context != NULL) {
        diag_error(d, file, line, "YAML syntax error: %s (%s at line %d)", problem, p->context,
                   (int)p->context_mark.line + 1);
    } else {
        diag_error(d, file, line, "YAML syntax error: %s", problem);
    }
}

/* After the first document: anything but the end of the stream is an error. */
static void reject_more_documents(yaml_parser_t *p, const char *file, diags_t *d)
{
    yaml_document_t extra;
    if (!yaml_parser_load(p, &extra)) {
        report_parser(p, file, d);
        return;
    }
    yaml_node_t *root = yaml_document_get_root_node(&extra);
    if (root != NULL) {
        diag_error(d, file, (int)root->start_mark.line + 1,
                   "a second YAML document; a file holds exactly one");
    }
    yaml_document_delete(&extra);
}

bool ydoc_load(ydoc_t *y, const char *file, diags_t *d)
{
    *y = (ydoc_t){.file = file};
    size_t len = 0;
    unsigned char *text = read_all(file, &len, d);
    if (text == NULL) {
        return false;
    }
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        free(text);
        diag_error(d, file, 0, "cannot read: out of memory");
        return false;
    }
    yaml_parser_set_input_string(&p, text, len);
    if (yaml_parser_load(&p, &y->doc)) {
        y->loaded = true;
        reject_more_documents(&p, file, d);
    } else {
        report_parser(&p, file, d);
    }
    yaml_parser_delete(&p);
    free(text);
    if (y->loaded && ydoc_root(y) == NULL) {
        diag_error(d, file, 0, "file is empty: expected a mapping of keys");
    }
    return y->loaded && ydoc_root(y) != NULL;
}

void ydoc_free(ydoc_t *y)
{
    if (y->loaded) {
        yaml_document_delete(&y->doc);
        y->loaded = false;
    }
}

yaml_node_t *ydoc_root(ydoc_t *y)
{
    return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

yaml_node_t *ydoc_node(ydoc_t *y, int id)
{
    return yaml_document_get_node(&y->doc, id);
}

int ynode_line(const yaml_node_t *n)
{
    return (int)n->start_mark.line + 1;
}

const char *ynode_kind(const yaml_node_t *n)
{
    switch (n->type) {
    case YAML_MAPPING_NODE:
        return "a mapping";
    case YAML_SEQUENCE_NODE:
        return "a list";
    default:
        return "a scalar";
    }
}

const char *ynode_text(const yaml_node_t *n)
{
    return n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : "";
}

bool ynode_plain(const yaml_node_t *n)
{
    return n->type == YAML_SCALAR_NODE && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}
