/* offload cengine: declarations shared by the C core and the cffi cdef.
 *
 * This header must stay parseable by cffi's cdef(): plain types and prototypes only,
 * no #include, no macros. The C core (cengine.c) includes <stdint.h> before it.
 */

/* One pre-decoded instruction (16 bytes). `op` is the eBPF opcode byte, `imm` is
 * already widened the way the instruction uses it (sign-extended for 64-bit ops,
 * zero-extended for 32-bit ops, the full value for ld_imm64), and `off` of a jump is
 * the absolute target index. */
typedef struct {
    uint8_t op;
    uint8_t dst;
    uint8_t src;
    uint8_t pad;
    int32_t off;
    uint64_t imm;
} ce_insn;

/* One address region (`region << 32 | offset` addresses): base and length in bytes. */
typedef struct {
    uint8_t *base;
    uint64_t len;
} ce_region;

/* A hash map's key index, owned by C (hash and percpu-hash maps, one CPU): key ->
 * value slot. Values live in the map's own region (Map.mem), slot i at i * value_size,
 * and never move, so a value pointer stays valid until its element is deleted. Slots
 * are handed out and recycled in the order of the Python index (a LIFO free list, first
 * slot 0), and iteration is in insertion order, like a Python dict. Opaque to cffi. */
typedef struct ce_htab ce_htab;

/* The map behind a region (type 0: not a map); htab is set for hash maps. */
typedef struct {
    uint32_t type;
    uint32_t key_size;
    uint32_t value_size;
    uint32_t max_entries;
    ce_htab *htab;
} ce_map;

typedef struct {
    const ce_insn *insns;    /* n instructions, then two sentinels (op 0xff) */
    uint32_t n;
    uint32_t nregions;
    ce_region *regions;
    const ce_map *maps;
    void *handle;            /* Python-side state for helper callbacks */
    uint64_t fault_addr;     /* last fault: address, size, instruction index */
    uint32_t fault_size;
    uint32_t fault_pc;
    uint64_t insns_run;      /* instructions executed by the last run (statistics) */
} ce_prog;

/* run() status codes */
enum {
    CE_OK = 0,        /* *ret holds r0 */
    CE_FAULT = 1,     /* bad memory access: fault_addr/fault_size/fault_pc */
    CE_PYERR = 2,     /* a Python helper raised; the glue holds the exception */
    CE_BADINSN = 3,   /* fell off the end or an opcode the core does not know */
    CE_CTX_DIRTY = 16 /* or-ed in: a store hit the __sk_buff image (write it back) */
};

/* Run once with r1 = ctx (packet region 3 = pkt[0:len]). */
int ce_run(ce_prog *p, char *pkt, uint64_t len, uint64_t ctx, uint64_t *ret);

/* BPF_PROG_TEST_RUN's loop: `repeat` runs on the same packet and context, timed around
 * the whole loop with CLOCK_THREAD_CPUTIME_ID (like the kernel's bpf_test_timer, which
 * stops while the task is rescheduled, time spent preempted is not counted); *ret is
 * the last r0, *ns the total time. */
int ce_run_repeat(ce_prog *p, char *pkt, uint64_t len, uint64_t ctx, uint32_t repeat,
                  uint64_t *ret, uint64_t *ns);

/* Hash-map index (see ce_htab). Keys are key_size bytes. NULL when out of memory. */
ce_htab *ce_htab_new(uint32_t key_size, uint32_t max_entries);
void ce_htab_free(ce_htab *h);
/* Slot of `key`, or -1. */
int64_t ce_htab_lookup(const ce_htab *h, const char *key);
/* Insert or find `key` under BPF_ANY/NOEXIST/EXIST `flags`: the slot to write the value
 * to, or -EINVAL / -EEXIST / -ENOENT / -E2BIG (full). */
int64_t ce_htab_update(ce_htab *h, const char *key, uint64_t flags);
/* 0, or -ENOENT. */
int64_t ce_htab_delete(ce_htab *h, const char *key);
uint32_t ce_htab_count(const ce_htab *h);
/* Copies the keys (insertion order) to out (count * key_size bytes), slots to slots
 * (may be NULL); returns the count. */
uint32_t ce_htab_keys(const ce_htab *h, char *out, int64_t *slots);
