/*
 * bhcount.c — QEMU TCG plugin: exact counts of executed guest instructions
 * between marker addresses (the benchmark method, docs/benchmarks.md).
 *
 *   qemu-system-arm ... -icount shift=0,sleep=off \
 *     -plugin build/bin/bhcount.so,out=FILE,start=A[:A...],stop=B[:B...],flush=C[,hist=FILE]
 *
 * Every translated instruction gets an inline "add 1" to one 64-bit
 * counter, so the counter is the exact number of guest instructions
 * executed (an instruction that faults counts once; one that QEMU
 * re-executes after an I/O recompile is not instrumented twice, QEMU marks
 * that block memory-callbacks-only). Instructions at marker addresses also
 * get a callback:
 *   start  opens an interval (re-opens if one is open);
 *   stop   closes the open interval, adding its length to a running sum;
 *   flush  appends "<sum> <intervals>\n" to the out file and resets both.
 * A benchmark is one flush: either one interval around a whole loop, or
 * one interval per iteration. With hist=FILE the plugin also counts how
 * often each instruction address ran inside closed intervals (an interval
 * re-opened by a second start before its stop is dropped, as its count is)
 * and writes those counts at every flush ("flush N" then "<addr> <count>" lines), which
 * scripts/bench-profile turns into a per-function cost table.
 * Addresses are guest virtual addresses; bit 0 (the Thumb bit in symbol
 * values) is ignored. Single vCPU only (the MPS2 machines have one).
 *
 * Runs: host, inside QEMU (dlopen). Trusts: its arguments. Exit: QEMU
 * refuses to start when qemu_plugin_install returns non-zero (bad args).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The part of QEMU 7.2's <qemu/qemu-plugin.h> (plugin API version 1) this
 * plugin uses. Debian's qemu-system-arm loads plugins but ships no header;
 * these declarations follow that API version's ABI.
 */
#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))
typedef uint64_t qemu_plugin_id_t;
typedef struct {
    const char *target_name;
    struct {
        int min;
        int cur;
    } version;
    bool system_emulation;
    union {
        struct {
            int smp_vcpus;
            int max_vcpus;
        } system;
    };
} qemu_info_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS, QEMU_PLUGIN_CB_RW_REGS };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn, qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn, enum qemu_plugin_op op,
                                                void *ptr, uint64_t imm);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);

QEMU_PLUGIN_EXPORT int qemu_plugin_version = 1;
QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv);

/* ---- state ---- */

enum marker_kind { MARK_START, MARK_STOP, MARK_FLUSH, MARK_KINDS };
#define MAX_MARKERS 16
#define HIST_SLOTS (1u << 16) /* distinct instruction addresses; open addressing */

static struct {
    uint64_t addr[MAX_MARKERS];
    enum marker_kind kind[MAX_MARKERS];
    unsigned n;
} markers;

static uint64_t executed;    /* every guest instruction, inline counter */
static uint64_t opened_at;   /* 'executed' when the open interval started */
static bool open_interval;
static uint64_t sum;         /* instructions in closed intervals since the last flush */
static uint64_t intervals;   /* closed intervals since the last flush */
static uint64_t flushes;
static FILE *out;

typedef struct {
    uint64_t addr;    /* 0: free slot */
    uint64_t count;   /* executions inside closed intervals */
    uint64_t pending; /* executions inside the open interval */
} hist_slot_t;
static hist_slot_t *hist;
static hist_slot_t **touched; /* slots with pending != 0 */
static uint32_t ntouched;
static FILE *hist_out;

/* ---- marker callbacks (run when the marked instruction executes) ---- */

static void write_hist(void)
{
    fprintf(hist_out, "flush %" PRIu64 "\n", flushes);
    for (uint32_t i = 0; i < HIST_SLOTS; i++) {
        if (hist[i].count != 0u) {
            fprintf(hist_out, "0x%08" PRIx64 " %" PRIu64 "\n", hist[i].addr, hist[i].count);
            hist[i].count = 0;
        }
    }
    fflush(hist_out);
}

/* Ends the open interval's profile: keep it (closed) or drop it (abandoned). */
static void settle_hist(bool keep)
{
    for (uint32_t i = 0; i < ntouched; i++) {
        if (keep) {
            touched[i]->count += touched[i]->pending;
        }
        touched[i]->pending = 0;
    }
    ntouched = 0;
}

static void on_marker(unsigned int vcpu, void *udata)
{
    (void)vcpu;
    switch ((enum marker_kind)(uintptr_t)udata) {
    case MARK_START:
        settle_hist(false);
        open_interval = true;
        opened_at = executed;
        break;
    case MARK_STOP:
        if (open_interval) {
            sum += executed - opened_at;
            intervals++;
            open_interval = false;
            settle_hist(true);
        }
        break;
    case MARK_FLUSH:
        settle_hist(false);
        fprintf(out, "%" PRIu64 " %" PRIu64 "\n", sum, intervals);
        fflush(out);
        if (hist != NULL) {
            write_hist();
        }
        sum = 0;
        intervals = 0;
        open_interval = false;
        flushes++;
        break;
    default:
        break;
    }
}

static hist_slot_t *hist_slot(uint64_t addr)
{
    uint32_t i = (uint32_t)((addr >> 1) * 2654435761u) & (HIST_SLOTS - 1u);
    for (uint32_t probes = 0; probes < HIST_SLOTS; probes++, i = (i + 1u) & (HIST_SLOTS - 1u)) {
        if (hist[i].addr == addr || hist[i].addr == 0u) {
            hist[i].addr = addr;
            return &hist[i];
        }
    }
    return NULL; /* table full: that address goes unprofiled */
}

static void on_hist(unsigned int vcpu, void *udata)
{
    (void)vcpu;
    hist_slot_t *slot = udata;
    if (open_interval) {
        if (slot->pending++ == 0u) {
            touched[ntouched++] = slot;
        }
    }
}

/* ---- translation: instrument every instruction of every new block ---- */

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint64_t va = qemu_plugin_insn_vaddr(insn) & ~(uint64_t)1u;
        qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &executed, 1);
        for (unsigned m = 0; m < markers.n; m++) {
            if (markers.addr[m] == va) {
                qemu_plugin_register_vcpu_insn_exec_cb(insn, on_marker, QEMU_PLUGIN_CB_NO_REGS,
                                                       (void *)(uintptr_t)markers.kind[m]);
            }
        }
        hist_slot_t *slot = hist != NULL ? hist_slot(va) : NULL;
        if (slot != NULL) {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, on_hist, QEMU_PLUGIN_CB_NO_REGS, slot);
        }
    }
}

static void on_qemu_exit(qemu_plugin_id_t id, void *udata)
{
    (void)id;
    (void)udata;
    if (out != NULL) {
        fclose(out);
    }
    if (hist_out != NULL) {
        fclose(hist_out);
    }
}

/* ---- arguments ---- */

/* "A[:A...]" -> markers of one kind; false on a malformed address. */
static bool add_markers(const char *list, enum marker_kind kind)
{
    const char *p = list;
    while (*p != '\0') {
        char *end;
        unsigned long long a = strtoull(p, &end, 0);
        if (end == p || (*end != ':' && *end != '\0') || markers.n == MAX_MARKERS) {
            return false;
        }
        markers.addr[markers.n] = (uint64_t)a & ~(uint64_t)1u;
        markers.kind[markers.n] = kind;
        markers.n++;
        p = *end == ':' ? end + 1 : end;
    }
    return true;
}

static bool parse_arg(const char *arg)
{
    static const char *const names[MARK_KINDS] = {"start=", "stop=", "flush="};
    for (int k = 0; k < MARK_KINDS; k++) {
        size_t len = strlen(names[k]);
        if (strncmp(arg, names[k], len) == 0) {
            return add_markers(arg + len, (enum marker_kind)k);
        }
    }
    if (strncmp(arg, "out=", 4) == 0) {
        out = fopen(arg + 4, "w");
        return out != NULL;
    }
    if (strncmp(arg, "hist=", 5) == 0) {
        hist_out = fopen(arg + 5, "w");
        hist = calloc(HIST_SLOTS, sizeof *hist);
        touched = calloc(HIST_SLOTS, sizeof *touched);
        return hist_out != NULL && hist != NULL && touched != NULL;
    }
    return false;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    if (!info->system_emulation || info->system.smp_vcpus != 1) {
        fprintf(stderr, "bhcount: needs system emulation with exactly one vCPU\n");
        return 1;
    }
    for (int i = 0; i < argc; i++) {
        if (!parse_arg(argv[i])) {
            fprintf(stderr, "bhcount: bad argument '%s' (want out=FILE, start=/stop=/flush=ADDR[:ADDR], "
                            "hist=FILE)\n", argv[i]);
            return 1;
        }
    }
    if (out == NULL) {
        fprintf(stderr, "bhcount: out=FILE is required\n");
        return 1;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, on_qemu_exit, NULL);
    return 0;
}
