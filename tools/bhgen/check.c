/*
 * check.c — name-level manifest rules and reference resolution (see check.h).
 * Runs: host only. Trusts: nothing in the manifest.
 */
#include "check.h"

#include <string.h>
#include <strings.h>

/* Gateway names whose BH_SIG_<NAME> would clash with bulkhead/abi.h. */
static const char *const reserved_gateway_names[] = {"notify", "fault", "user_mask", NULL};

int16_t irq_ref(uint16_t periph, uint16_t slot)
{
    return (int16_t)(periph * BD_MAX_PERIPH_IRQS + slot);
}

uint16_t irq_ref_periph(int16_t ref)
{
    return (uint16_t)((uint16_t)ref / BD_MAX_PERIPH_IRQS);
}

uint16_t irq_ref_slot(int16_t ref)
{
    return (uint16_t)((uint16_t)ref % BD_MAX_PERIPH_IRQS);
}

int manifest_find_box(const manifest_t *m, const char *name)
{
    for (uint16_t i = 0; i < m->nboxes; i++) {
        if (m->box[i].name.state == MF_SET && strcmp(m->box[i].name.s, name) == 0) {
            return i;
        }
    }
    return -1;
}

/* ", did you mean 'x'?" when some candidate is a likely typo of name, else "". */
static void hint(char *out, size_t size, const char *name, const char *const *cands, size_t n)
{
    const char *best = NULL;
    size_t best_d = 3u;
    for (size_t i = 0; i < n; i++) {
        size_t dist = edit_distance(name, cands[i], best_d);
        if (dist < best_d && dist < strlen(cands[i])) {
            best = cands[i];
            best_d = dist;
        }
    }
    out[0] = '\0';
    if (best != NULL) {
        snprintf(out, size, "; did you mean '%s'?", best);
    }
}

static void box_hint(char *out, size_t size, const manifest_t *m, const char *name)
{
    const char *c[BH_MAX_BOXES];
    for (uint16_t i = 0; i < m->nboxes; i++) {
        c[i] = m->box[i].name.s;
    }
    hint(out, size, name, c, m->nboxes);
}

void check_periph_hint(char *out, size_t size, const board_t *b, const char *name)
{
    const char *c[BD_MAX_PERIPHS];
    size_t n = 0;
    for (uint16_t i = 0; i < b->nperiph; i++) {
        if (!b->periph[i].kernel) {
            c[n++] = b->periph[i].name.s;
        }
    }
    hint(out, size, name, c, n);
}

static void irq_hint(char *out, size_t size, const board_t *b, const char *name)
{
    const char *c[BD_MAX_PERIPHS * BD_MAX_PERIPH_IRQS];
    size_t n = 0;
    for (uint16_t i = 0; i < b->nperiph; i++) {
        for (uint16_t k = 0; k < b->periph[i].nirqs; k++) {
            c[n++] = b->periph[i].irq[k].name.s;
        }
    }
    hint(out, size, name, c, n);
}

/* ---- names ---------------------------------------------------------------- */

static void check_box_names(const manifest_t *m, diags_t *d)
{
    for (uint16_t i = 0; i < m->nboxes; i++) {
        const mf_str_t *n = &m->box[i].name;
        if (n->state == MF_SET && strcasecmp(n->s, MF_NONSECURE) == 0) {
            diag_error(d, m->file, n->line,
                       "box name '%s' is reserved: '%s' names the non-secure world (in callers, and BH_BOX_NONSECURE "
                       "in bh_ids.h)",
                       n->s, MF_NONSECURE);
        }
        for (uint16_t j = 0; j < i && n->state == MF_SET; j++) {
            const mf_str_t *o = &m->box[j].name;
            if (strcmp(n->s, o->s) == 0) {
                diag_error(d, m->file, n->line, "duplicate box name '%s' (first declared at line %d)", n->s, o->line);
                break;
            }
            if (strcasecmp(n->s, o->s) == 0) {
                diag_error(d, m->file, n->line,
                           "box name '%s' differs from '%s' (line %d) only in case; bh_ids.h would define "
                           "BH_BOX_ twice",
                           n->s, o->s, o->line);
                break;
            }
        }
    }
}

/* 255 is the non-secure world's priority, below every box. */
static void check_priority(const manifest_t *m, mf_box_t *bx, diags_t *d)
{
    if (bx->priority.state == MF_SET && bx->priority.v == MF_NS_PRIORITY) {
        diag_error(d, m->file, bx->priority.line,
                   "'priority' is 255, which is reserved for the non-secure world (below every box); box priorities "
                   "are 0..254");
        bx->priority.state = MF_BAD;
    }
}

static void check_entry(const manifest_t *m, const mf_box_t *bx, diags_t *d)
{
    if (bx->entry.state == MF_SET && strncmp(bx->entry.s, "bh_", 3) == 0) {
        diag_error(d, m->file, bx->entry.line,
                   "entry '%s' uses the prefix bh_, which is reserved for the box runtime", bx->entry.s);
    }
}

/* The gateway before (b, g) in declaration order whose name clashes, if any. */
static const mf_gateway_t *earlier_gateway(const manifest_t *m, uint16_t b, uint16_t g)
{
    const char *name = m->box[b].gw[g].name.s;
    for (uint16_t i = 0; i <= b; i++) {
        for (uint16_t j = 0; j < (i == b ? g : m->box[i].ngw); j++) {
            const mf_gateway_t *o = &m->box[i].gw[j];
            if (o->name.state == MF_SET && strcasecmp(o->name.s, name) == 0) {
                return o;
            }
        }
    }
    return NULL;
}

static bool reserved_gateway_name(const char *name)
{
    for (size_t i = 0; reserved_gateway_names[i] != NULL; i++) {
        if (strcasecmp(name, reserved_gateway_names[i]) == 0) {
            return true;
        }
    }
    return strncasecmp(name, "irq_", 4) == 0;
}

static void check_gateway_name(const manifest_t *m, uint16_t b, uint16_t g, diags_t *d)
{
    const mf_str_t *n = &m->box[b].gw[g].name;
    if (n->state != MF_SET) {
        return;
    }
    const mf_gateway_t *o = earlier_gateway(m, b, g);
    if (o != NULL && strcmp(o->name.s, n->s) == 0) {
        diag_error(d, m->file, n->line, "duplicate gateway name '%s' (first declared at line %d)", n->s,
                   o->name.line);
    } else if (o != NULL) {
        diag_error(d, m->file, n->line,
                   "gateway name '%s' differs from '%s' (line %d) only in case; bh_ids.h would define BH_GW_ twice",
                   n->s, o->name.s, o->name.line);
    }
    if (reserved_gateway_name(n->s)) {
        diag_error(d, m->file, n->line,
                   "gateway name '%s' is reserved: its BH_SIG_ macro would clash with a kernel signal (notify, "
                   "fault, user_mask and irq_* are taken)",
                   n->s);
    }
}

/* ---- sizes ------------------------------------------------------------- */

static void check_size(const manifest_t *m, mf_u32_t *s, const char *key, uint32_t min, uint32_t align,
                       diags_t *d)
{
    if (s->state != MF_SET) {
        return;
    }
    if (s->v == 0u) {
        diag_error(d, m->file, s->line, "'%s' is zero; it must be at least %u bytes", key, min);
    } else if (s->v % align != 0u) {
        diag_error(d, m->file, s->line, "'%s' is %u bytes, not a multiple of %u (the MPU region granule)", key,
                   s->v, align);
    } else if (s->v < min) {
        diag_error(d, m->file, s->line, "'%s' is %u bytes; it must be at least %u", key, s->v, min);
    } else {
        return;
    }
    s->state = MF_BAD;
}

static void check_sizes(const manifest_t *m, mf_box_t *bx, uint32_t align, diags_t *d)
{
    check_size(m, &bx->stack, "stack", MF_MIN_STACK, align, d);
    check_size(m, &bx->data, "data", MF_MIN_DATA > align ? MF_MIN_DATA : align, align, d);
    check_size(m, &bx->code, "code", MF_MIN_CODE, align, d);
}

/* ---- references -------------------------------------------------------- */

static void check_peripheral(const manifest_t *m, const board_t *b, mf_str_t *s, diags_t *d)
{
    int k = board_find_periph(b, s->s);
    char h[96];
    if (k < 0) {
        check_periph_hint(h, sizeof h, b, s->s);
        diag_error(d, m->file, s->line, "unknown peripheral '%s': board %s has no such peripheral%s", s->s,
                   b->board.s, h);
    } else if (b->periph[k].kernel) {
        diag_error(d, m->file, s->line,
                   "peripheral '%s' is reserved for the kernel (board %s lists it in kernel_peripherals)", s->s,
                   b->board.s);
    } else {
        s->ref = (int16_t)k;
    }
}

static bool box_owns(const mf_box_t *bx, int16_t periph)
{
    for (uint16_t i = 0; i < bx->peripherals.n; i++) {
        if (bx->peripherals.item[i].ref == periph) {
            return true;
        }
    }
    return false;
}

static void check_irq(const manifest_t *m, const board_t *b, const mf_box_t *bx, mf_str_t *s, diags_t *d)
{
    uint16_t per = 0;
    uint16_t slot = 0;
    char h[96];
    if (!board_find_irq(b, s->s, &per, &slot)) {
        irq_hint(h, sizeof h, b, s->s);
        diag_error(d, m->file, s->line, "unknown IRQ '%s': no peripheral of board %s provides it%s", s->s,
                   b->board.s, h);
    } else if (!box_owns(bx, (int16_t)per)) {
        diag_error(d, m->file, s->line,
                   "IRQ '%s' belongs to peripheral '%s', which box '%s' does not own; add %s to its peripherals",
                   s->s, b->periph[per].name.s, bx->name.s, b->periph[per].name.s);
    } else {
        s->ref = irq_ref(per, slot);
    }
}

static bool listed_before(const mf_list_t *l, uint16_t i)
{
    for (uint16_t j = 0; j < i; j++) {
        if (strcmp(l->item[j].s, l->item[i].s) == 0) {
            return true;
        }
    }
    return false;
}

/* 'nonsecure' in a list of box names: the non-secure world, which may
 * call gateways (when the manifest has a nonsecure section) but has no
 * signals to notify. Its id is the box after the last one. */
static void check_ns_ref(const manifest_t *m, mf_list_t *l, uint16_t i, bool callers, const char *role, diags_t *d)
{
    mf_str_t *s = &l->item[i];
    if (!callers) {
        diag_error(d, m->file, s->line, "'%s' in %s: the non-secure world has no signals to notify", s->s, role);
    } else if (m->ns.line == 0) {
        diag_error(d, m->file, s->line,
                   "'%s' in %s names the non-secure world, but the manifest has no nonsecure section", s->s, role);
    } else if (listed_before(l, i)) {
        diag_error(d, m->file, s->line, "'%s' is listed twice in %s", s->s, role);
    } else if (m->nboxes < BH_MAX_BOXES) {
        s->ref = (int16_t)m->nboxes;
    }
}

/* Resolves a list of box names; 'role' names the list, 'self_msg' says why
 * the box itself may not appear in it; 'callers': a gateway's callers,
 * where 'nonsecure' names the non-secure world. */
static void check_box_refs(const manifest_t *m, uint16_t self, mf_list_t *l, bool callers, const char *role,
                           const char *self_msg, diags_t *d)
{
    for (uint16_t i = 0; i < l->n; i++) {
        mf_str_t *s = &l->item[i];
        int k = manifest_find_box(m, s->s);
        if (strcmp(s->s, MF_NONSECURE) == 0) {
            check_ns_ref(m, l, i, callers, role, d);
        } else if (k < 0) {
            char h[96];
            box_hint(h, sizeof h, m, s->s);
            diag_error(d, m->file, s->line, "unknown box '%s' in %s%s", s->s, role, h);
        } else if (k == self) {
            diag_error(d, m->file, s->line, "%s", self_msg);
        } else if (listed_before(l, i)) {
            diag_error(d, m->file, s->line, "box '%s' is listed twice in %s", s->s, role);
        } else {
            s->ref = (int16_t)k;
        }
    }
}

/* bh_nsc_<gateway> is the gateway's veneer (nsc_veneers.c); these would
 * clash with the kernel's own bh_nsc_* functions (kernel/arch/armv8m). */
static const char *const ns_reserved_gateway_names[] = {"log", "enter", "log_enter", "reset", NULL};

static void check_ns_gateway_name(const manifest_t *m, const mf_gateway_t *gw, diags_t *d)
{
    bool granted = false;
    for (uint16_t k = 0; k < gw->callers.n; k++) {
        granted |= strcmp(gw->callers.item[k].s, MF_NONSECURE) == 0;
    }
    for (size_t i = 0; granted && gw->name.state == MF_SET && ns_reserved_gateway_names[i] != NULL; i++) {
        if (strcmp(gw->name.s, ns_reserved_gateway_names[i]) == 0) {
            diag_error(d, m->file, gw->name.line,
                       "gateway name '%s' cannot be called by the non-secure world: its veneer bh_nsc_%s would "
                       "clash with the kernel's (log, enter, log_enter and reset are taken)",
                       gw->name.s, gw->name.s);
        }
    }
}

static void check_gateways(manifest_t *m, uint16_t b, diags_t *d)
{
    mf_box_t *bx = &m->box[b];
    for (uint16_t g = 0; g < bx->ngw; g++) {
        mf_gateway_t *gw = &bx->gw[g];
        char role[96];
        char self[256];
        snprintf(role, sizeof role, "callers of gateway '%s'", gw->name.s);
        snprintf(self, sizeof self, "box '%s' serves gateway '%s' and cannot be its own caller", bx->name.s,
                 gw->name.s);
        check_gateway_name(m, b, g, d);
        check_box_refs(m, b, &gw->callers, true, role, self, d);
        check_ns_gateway_name(m, gw, d);
        if (gw->callers.state == MF_SET && gw->callers.n == 0u) {
            diag_error(d, m->file, gw->callers.line, "gateway '%s' has no callers; list at least one box",
                       gw->name.s);
        }
    }
}

static void check_supervisors(const manifest_t *m, diags_t *d)
{
    int first = -1;
    for (uint16_t i = 0; i < m->nboxes; i++) {
        const mf_box_t *bx = &m->box[i];
        if (bx->supervisor.state != MF_SET || bx->supervisor.v == 0u) {
            continue;
        }
        if (first < 0) {
            first = i;
        } else {
            diag_error(d, m->file, bx->supervisor.line,
                       "box '%s' is a second supervisor; box '%s' (line %d) already is, and a system has at most one",
                       bx->name.s, m->box[first].name.s, m->box[first].supervisor.line);
        }
    }
}

static void check_box(manifest_t *m, uint16_t i, const board_t *b, diags_t *d)
{
    mf_box_t *bx = &m->box[i];
    check_priority(m, bx, d);
    check_entry(m, bx, d);
    check_sizes(m, bx, b != NULL ? board_align(b) : BH_REGION_ALIGN, d);
    for (uint16_t k = 0; b != NULL && k < bx->peripherals.n; k++) {
        check_peripheral(m, b, &bx->peripherals.item[k], d);
    }
    for (uint16_t k = 0; b != NULL && k < bx->irqs.n; k++) {
        check_irq(m, b, bx, &bx->irqs.item[k], d);
    }
    char self[128];
    snprintf(self, sizeof self, "box '%s' cannot notify itself", bx->name.s);
    check_box_refs(m, i, &bx->notify, false, "notify", self, d);
    check_gateways(m, i, d);
}

void manifest_check(manifest_t *m, const board_t *b, diags_t *d)
{
    check_box_names(m, d);
    for (uint16_t i = 0; i < m->nboxes; i++) {
        check_box(m, i, b, d);
    }
    check_supervisors(m, d);
    manifest_check_ns(m, b, d);
}
