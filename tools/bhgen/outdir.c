/*
 * outdir.c — temporary directory, then rename into place (see outdir.h).
 * Runs: host only. POSIX file system calls only.
 */
#include "outdir.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool path_join(char *out, const char *dir, const char *rel)
{
    int n = snprintf(out, OUT_PATH_MAX, "%s/%s", dir, rel);
    return n > 0 && (size_t)n < OUT_PATH_MAX;
}

/* mkdir -p: creates dir and its missing parents. */
static bool make_dirs(const char *dir)
{
    char p[OUT_PATH_MAX];
    snprintf(p, sizeof p, "%s", dir);
    for (char *s = p + 1; *s != '\0'; s++) {
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                return false;
            }
            *s = '/';
        }
    }
    return mkdir(p, 0777) == 0 || errno == EEXIST;
}

/* Splits "a/b/c/" into parent "a/b" and name "c". */
static bool split_path(const char *path, char *parent, char *name)
{
    char p[OUT_PATH_MAX];
    int n = snprintf(p, sizeof p, "%s", path);
    if (n <= 0 || (size_t)n >= sizeof p) {
        return false;
    }
    while (n > 1 && p[n - 1] == '/') {
        p[--n] = '\0';
    }
    char *slash = strrchr(p, '/');
    snprintf(name, OUT_PATH_MAX, "%s", slash != NULL ? slash + 1 : p);
    if (slash == NULL) {
        snprintf(parent, OUT_PATH_MAX, ".");
    } else {
        *slash = '\0';
        snprintf(parent, OUT_PATH_MAX, "%s", slash == p ? "/" : p);
    }
    return name[0] != '\0';
}

bool out_begin(outset_t *o, const char *outdir, diags_t *d)
{
    char parent[OUT_PATH_MAX];
    char name[OUT_PATH_MAX];
    struct stat st;
    memset(o, 0, sizeof *o);
    if (!split_path(outdir, parent, name) || snprintf(o->outdir, sizeof o->outdir, "%s", outdir) < 0) {
        diag_error(d, outdir, 0, "invalid output directory");
        return false;
    }
    if (stat(outdir, &st) == 0 && !S_ISDIR(st.st_mode)) {
        diag_error(d, outdir, 0, "cannot write: exists and is not a directory");
        return false;
    }
    int n = snprintf(o->tmp, sizeof o->tmp, "%s/.%s.bhgen-XXXXXX", parent, name);
    if (n < 0 || (size_t)n >= sizeof o->tmp || !make_dirs(parent) || mkdtemp(o->tmp) == NULL) {
        diag_error(d, outdir, 0, "cannot create a temporary directory beside it: %s", strerror(errno));
        o->tmp[0] = '\0';
        return false;
    }
    return true;
}

FILE *out_open(outset_t *o, const char *rel, diags_t *d)
{
    char path[OUT_PATH_MAX];
    if (o->nfiles == OUT_MAX_FILES || strlen(rel) >= OUT_REL_MAX || !path_join(path, o->tmp, rel)) {
        diag_error(d, o->outdir, 0, "internal error: too many or too long output names");
        return NULL;
    }
    if (strncmp(rel, "boxes/", 6) == 0 && !o->has_boxes_dir) {
        char dir[OUT_PATH_MAX];
        o->has_boxes_dir = path_join(dir, o->tmp, "boxes") && mkdir(dir, 0777) == 0;
    }
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        diag_error(d, o->outdir, 0, "cannot write %s: %s", rel, strerror(errno));
        return NULL;
    }
    snprintf(o->rel[o->nfiles++], OUT_REL_MAX, "%s", rel);
    return f;
}

bool out_close(outset_t *o, FILE *f, diags_t *d)
{
    bool ok = !ferror(f);
    int err = errno;
    if (fclose(f) != 0) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        diag_error(d, o->outdir, 0, "cannot write %s: %s", o->rel[o->nfiles - 1u], strerror(err));
    }
    return ok;
}

static bool dir_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The whole temporary directory becomes OUTDIR. */
static bool commit_whole(outset_t *o)
{
    mode_t mask = umask(0);
    umask(mask);
    if (chmod(o->tmp, 0777 & ~mask) != 0 || rename(o->tmp, o->outdir) != 0) {
        return false;
    }
    o->tmp[0] = '\0';
    return true;
}

static bool commit_each(outset_t *o, diags_t *d)
{
    char from[OUT_PATH_MAX];
    char to[OUT_PATH_MAX];
    if (o->has_boxes_dir && (!path_join(to, o->outdir, "boxes") || !make_dirs(to))) {
        diag_error(d, o->outdir, 0, "cannot create boxes/: %s", strerror(errno));
        return false;
    }
    for (unsigned i = 0; i < o->nfiles; i++) {
        if (!path_join(from, o->tmp, o->rel[i]) || !path_join(to, o->outdir, o->rel[i]) || rename(from, to) != 0) {
            diag_error(d, o->outdir, 0, "cannot replace %s: %s", o->rel[i], strerror(errno));
            return false;
        }
    }
    return true;
}

bool out_commit(outset_t *o, diags_t *d)
{
    if (!dir_exists(o->outdir) && commit_whole(o)) {
        return true;
    }
    bool ok = commit_each(o, d);
    out_abort(o);
    return ok;
}

void out_abort(outset_t *o)
{
    char path[OUT_PATH_MAX];
    if (o->tmp[0] == '\0') {
        return;
    }
    for (unsigned i = 0; i < o->nfiles; i++) {
        if (path_join(path, o->tmp, o->rel[i])) {
            unlink(path);
        }
    }
    if (o->has_boxes_dir && path_join(path, o->tmp, "boxes")) {
        rmdir(path);
    }
    rmdir(o->tmp);
    o->tmp[0] = '\0';
}
