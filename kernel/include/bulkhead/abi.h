/*
 * bulkhead/abi.h — the box/kernel binary interface.
 *
 * Shared by the kernel, the box runtime and host tools. Plain data only:
 * syscall numbers, error codes, fault kinds, the I/O vector and message
 * layouts. Changing anything here changes the ABI of every box image.
 * Runs: nowhere by itself (declarations only). Proof status: n/a.
 */
#ifndef BULKHEAD_ABI_H
#define BULKHEAD_ABI_H

#include <stdint.h>

/* Syscall numbers: the immediate of the SVC instruction. */
enum bh_sysno {
    BH_SYS_YIELD = 0,
    BH_SYS_CALL = 1,
    BH_SYS_WAIT = 2,
    BH_SYS_GET = 3,
    BH_SYS_READ = 4,
    BH_SYS_WRITE = 5,
    BH_SYS_REPLY = 6,
    BH_SYS_NOTIFY = 7,
    BH_SYS_SLEEP = 8,
    BH_SYS_IRQ_ENABLE = 9,
    BH_SYS_LOG = 10,
    BH_SYS_FAULT_INFO = 11,
    BH_SYS_SELF = 12,
    BH_SYS_EXIT = 13,
    BH_SYS_TEST = 14, /* test builds only; BH_E_NOSYS otherwise */
    BH_SYS_COUNT = 15
};

/*
 * Kernel verdicts. 0 is success; every error is negative and means one thing.
 * Misuse that only a broken or malicious box commits (a pointer outside its
 * own memory, an unknown syscall number) is not an error: it is a fault,
 * handled by the box's fault policy (see enum bh_fault_kind).
 */
enum bh_err {
    BH_OK = 0,
    BH_E_NOSYS = -1,      /* operation not available in this build */
    BH_E_NO_GATEWAY = -2, /* gateway id does not exist */
    BH_E_DENIED = -3,     /* the manifest does not grant this */
    BH_E_TOO_BIG = -4,    /* more vectors or bytes than the gateway allows */
    BH_E_OVERLAP = -5,    /* an input buffer overlaps an output buffer */
    BH_E_TIMEOUT = -6,    /* deadline passed */
    BH_E_RESTARTED = -7,  /* the peer restarted while the call was in flight */
    BH_E_STOPPED = -8,    /* the peer is stopped and will not answer */
    BH_E_STALE = -9,      /* message handle no longer valid (call cancelled) */
    BH_E_NO_MSG = -10,    /* no message pending on that signal */
    BH_E_INVALID = -11,   /* argument value out of range */
    BH_E_RATE = -12,      /* rate limit reached (bh_log) */
    BH_E_FULL = -13,      /* output vector has no room left */
    BH_E_BUSY = -14,      /* non-secure world: a call is already in progress, or the
                             caller is a non-secure exception handler */
};

/* Why a box was stopped in its tracks. Closed set; see docs/syscalls.md. */
enum bh_fault_kind {
    BH_FAULT_NONE = 0,
    BH_FAULT_MEMMANAGE = 1, /* MPU violation (read/write/execute) */
    BH_FAULT_BUS = 2,       /* bus error (unmapped address, blocked peripheral) */
    BH_FAULT_USAGE = 3,     /* undefined instruction, bad state, divide by 0 */
    BH_FAULT_SECURE = 4,    /* TrustZone attribution violation */
    BH_FAULT_HARD = 5,      /* escalated fault */
    BH_FAULT_STACK = 6,     /* stack overflow (exception stacking failed) */
    BH_FAULT_SYSCALL = 7,   /* unknown syscall number */
    BH_FAULT_BADPTR = 8,    /* syscall argument points outside the box */
    BH_FAULT_EXIT = 9,      /* the box's entry function returned */
    BH_FAULT_KIND_COUNT = 10
};

/* Fault policy of a box, from the manifest. */
enum bh_policy { BH_POLICY_RESTART = 0, BH_POLICY_STOP = 1, BH_POLICY_RESET = 2 };

/* Box life-cycle state as a supervisor sees it. */
enum bh_box_state {
    BH_STATE_READY = 0,
    BH_STATE_BLOCKED = 1,
    BH_STATE_STOPPED = 2,
    BH_STATE_INVALID = 3 /* image failed its boot check; never started */
};

#define BH_MAX_IOVEC 4u          /* per direction, per call */
#define BH_FOREVER 0xFFFFFFFFu   /* timeout: wait without deadline */

/* Reserved signal bits; gateway and IRQ signals are assigned by bhgen. */
#define BH_SIG_NOTIFY (1u << 30) /* another box called bh_notify */
#define BH_SIG_FAULT (1u << 31)  /* supervisor only: some box faulted */
#define BH_SIG_USER_MASK 0x3FFFFFFFu

typedef struct {
    const void *base;
    uint32_t len;
} bh_iovec_t;

/* What bh_get hands a server. The handle names one call in flight. */
typedef struct {
    uint32_t handle;
    int32_t op;
    uint32_t caller;                 /* caller box id (BH_CALLER_* later) */
    uint32_t in_len[BH_MAX_IOVEC];   /* bytes offered per input vector */
    uint32_t out_len[BH_MAX_IOVEC];  /* room per output vector */
} bh_msg_t;

/* Fault record, as kept by the kernel and copied to a supervisor. */
typedef struct {
    uint32_t box;        /* box id */
    uint32_t generation; /* generation in which the fault happened */
    uint32_t kind;       /* enum bh_fault_kind */
    uint32_t pc_offset;  /* faulting PC minus the box's code base; ~0 unknown */
    uint32_t addr;       /* fault address, only if inside the box's regions */
    uint32_t addr_valid; /* 1 if addr is meaningful */
    uint32_t detail;     /* raw status bits (CFSR/SFSR) or syscall number */
    uint32_t count;      /* faults of this box since boot */
} bh_fault_t;

/* Box self-description returned by bh_self. */
typedef struct {
    uint32_t id;
    uint32_t generation;
    uint32_t restarts;
    uint32_t ticks; /* kernel time, ms since boot */
} bh_self_t;

/* Test-build operations (BH_SYS_TEST, r0 = op). */
enum bh_test_op {
    BH_TEST_EXIT = 1,          /* r1 = exit code; ends the QEMU run */
    BH_TEST_EXPECT_FAULT = 2,  /* r1 = box id, r2 = kind | count << 16 (count 0 = 1) */
    BH_TEST_EXPECTED_SEEN = 3, /* returns count of expected faults seen */
    BH_TEST_BOX_STATE = 4,     /* r1 = box id; returns enum bh_box_state */
    BH_TEST_GENERATION = 5,    /* r1 = box id; returns generation */
    BH_TEST_BOOTS = 6,         /* returns the boot count (survives reset) */
    BH_TEST_ARG = 7,           /* returns the run's numeric test argument, -1 if none */
};

/* The header every box image starts with. Checked by the kernel at boot. */
#define BH_IMAGE_MAGIC 0x58424842u /* "BHBX" */
#define BH_IMAGE_NAME_MAX 16u
#define BH_ABI_VERSION 1u
typedef struct {
    uint32_t magic;
    uint32_t header_size;            /* sizeof(bh_image_header_t) */
    char name[BH_IMAGE_NAME_MAX];    /* NUL padded */
    uint32_t version;
    uint32_t entry;                  /* absolute address, Thumb bit set */
    uint32_t code_size;              /* bytes of image (header .. data init end) */
    uint32_t data_load;              /* absolute address of .data init image */
    uint32_t data_size;              /* bytes of .data */
    uint32_t bss_size;               /* bytes of .bss, right after .data */
    uint32_t abi;                    /* BH_ABI_VERSION the box was built for */
    uint32_t flags;                  /* reserved for signed/encrypted images: 0 */
    uint32_t reserved;               /* 0 */
    uint32_t hash;                   /* CRC-32 of image bytes after the header */
} bh_image_header_t;

#endif
