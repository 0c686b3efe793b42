/* offload cengine: an eBPF interpreter over pre-decoded instructions.
 *
 * Written for the offload emulator; semantics follow hwsim/bpf/engine.py (the Python
 * engine), which is the reference: same address model (region << 32 | offset), same
 * results for every ALU/JMP corner case, same helper behaviour. Every memory access is
 * checked against its region's bounds and a bad one stops the run with CE_FAULT; the
 * core never touches memory outside the regions the glue registered.
 *
 * Dispatch is a computed goto over a 256-entry table indexed by the opcode byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cengine.h"

/* Helper callback into Python (cffi `extern "Python"`, defined by the generated
 * module): returns r0, sets *err when the helper raised. */
static uint64_t ce_py_helper(void *handle, int32_t id, uint64_t *regs, int *err);

#define M32 0xFFFFFFFFull
#define REGION_CTX 2u
#define REGION_PKT 3u
#define OFF_DATA 76u
#define OFF_DATA_END 80u
#define OFF_DATA_META 140u
#define PKT_BASE ((uint64_t)REGION_PKT << 32)
#define FP_ADDR ((1ull << 32) + 512u)

#define MAP_HASH 1u
#define MAP_ARRAY 2u
#define MAP_PROG_ARRAY 3u
#define MAP_PERCPU_HASH 5u
#define MAP_PERCPU_ARRAY 6u

#define E2BIG_ 7
#define EFAULT_ 14
#define EEXIST_ 17
#define EINVAL_ 22
#define ENOENT_ 2

/* ---- hash-map index ------------------------------------------------------------- */

struct ce_htab {
    uint32_t key_size;
    uint32_t max_entries;
    uint32_t mask;        /* nbuckets - 1 (a power of two >= max_entries) */
    uint32_t count;
    uint32_t free_top;    /* free[0 .. free_top) is the free-slot stack, top last */
    int32_t head, tail;   /* insertion order: first and last slot in use */
    int32_t *bucket;      /* nbuckets chain heads, -1 when empty */
    int32_t *chain;       /* per slot: next slot in the same bucket */
    int32_t *prev, *next; /* per slot: insertion-order neighbours */
    int32_t *free;
    uint32_t *hash;       /* per slot: the key's hash */
    uint8_t *keys;        /* per slot: key_size bytes */
};

static inline uint32_t htab_hash(const uint8_t *k, uint32_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, k, 8);
        h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
        k += 8;
        n -= 8;
    }
    if (n) {
        uint64_t v = 0;
        memcpy(&v, k, n);
        h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    h *= 0x94D049BB133111EBull;
    return (uint32_t)(h ^ (h >> 32));
}

void ce_htab_free(ce_htab *h)
{
    if (h == NULL)
        return;
    free(h->bucket);
    free(h->chain);
    free(h->prev);
    free(h->next);
    free(h->free);
    free(h->hash);
    free(h->keys);
    free(h);
}

ce_htab *ce_htab_new(uint32_t key_size, uint32_t max_entries)
{
    if (key_size == 0 || max_entries == 0 || max_entries > 0x40000000u)
        return NULL;
    ce_htab *h = calloc(1, sizeof(*h));
    if (h == NULL)
        return NULL;
    uint32_t nb = 1;
    while (nb < max_entries)
        nb <<= 1;
    h->key_size = key_size;
    h->max_entries = max_entries;
    h->mask = nb - 1;
    h->head = h->tail = -1;
    h->bucket = malloc((size_t)nb * sizeof(int32_t));
    h->chain = malloc((size_t)max_entries * sizeof(int32_t));
    h->prev = malloc((size_t)max_entries * sizeof(int32_t));
    h->next = malloc((size_t)max_entries * sizeof(int32_t));
    h->free = malloc((size_t)max_entries * sizeof(int32_t));
    h->hash = malloc((size_t)max_entries * sizeof(uint32_t));
    h->keys = malloc((size_t)max_entries * key_size);
    if (!h->bucket || !h->chain || !h->prev || !h->next || !h->free || !h->hash ||
        !h->keys) {
        ce_htab_free(h);
        return NULL;
    }
    memset(h->bucket, 0xff, (size_t)nb * sizeof(int32_t));
    for (uint32_t i = 0; i < max_entries; i++)  /* slot 0 on top, as the Python list */
        h->free[i] = (int32_t)(max_entries - 1 - i);
    h->free_top = max_entries;
    return h;
}

static inline int32_t htab_find(const ce_htab *h, const uint8_t *key, uint32_t hv)
{
    int32_t s = h->bucket[hv & h->mask];
    while (s >= 0) {
        if (h->hash[s] == hv && memcmp(h->keys + (size_t)s * h->key_size, key,
                                       h->key_size) == 0)
            return s;
        s = h->chain[s];
    }
    return -1;
}

int64_t ce_htab_lookup(const ce_htab *h, const char *key)
{
    const uint8_t *k = (const uint8_t *)key;
    return htab_find(h, k, htab_hash(k, h->key_size));
}

int64_t ce_htab_update(ce_htab *h, const char *key, uint64_t flags)
{
    const uint8_t *k = (const uint8_t *)key;
    if (flags > 2)
        return -EINVAL_;
    uint32_t hv = htab_hash(k, h->key_size);
    int32_t s = htab_find(h, k, hv);
    if (s >= 0)
        return flags == 1 ? -EEXIST_ : s;  /* BPF_NOEXIST */
    if (flags == 2)  /* BPF_EXIST */
        return -ENOENT_;
    if (h->free_top == 0)
        return -E2BIG_;
    s = h->free[--h->free_top];
    memcpy(h->keys + (size_t)s * h->key_size, k, h->key_size);
    h->hash[s] = hv;
    h->chain[s] = h->bucket[hv & h->mask];
    h->bucket[hv & h->mask] = s;
    h->prev[s] = h->tail;
    h->next[s] = -1;
    if (h->tail >= 0)
        h->next[h->tail] = s;
    else
        h->head = s;
    h->tail = s;
    h->count++;
    return s;
}

int64_t ce_htab_delete(ce_htab *h, const char *key)
{
    const uint8_t *k = (const uint8_t *)key;
    uint32_t hv = htab_hash(k, h->key_size);
    int32_t *link = &h->bucket[hv & h->mask];
    while (*link >= 0) {
        int32_t s = *link;
        if (h->hash[s] == hv && memcmp(h->keys + (size_t)s * h->key_size, k,
                                       h->key_size) == 0) {
            *link = h->chain[s];
            if (h->prev[s] >= 0)
                h->next[h->prev[s]] = h->next[s];
            else
                h->head = h->next[s];
            if (h->next[s] >= 0)
                h->prev[h->next[s]] = h->prev[s];
            else
                h->tail = h->prev[s];
            h->free[h->free_top++] = s;
            h->count--;
            return 0;
        }
        link = &h->chain[s];
    }
    return -ENOENT_;
}

uint32_t ce_htab_count(const ce_htab *h)
{
    return h->count;
}

uint32_t ce_htab_keys(const ce_htab *h, char *out, int64_t *slots)
{
    uint32_t i = 0;
    for (int32_t s = h->head; s >= 0; s = h->next[s], i++) {
        memcpy(out + (size_t)i * h->key_size, h->keys + (size_t)s * h->key_size,
               h->key_size);
        if (slots)
            slots[i] = s;
    }
    return i;
}

/* Address -> host pointer for `size` bytes, or NULL when outside every region. */
static inline uint8_t *xlate(const ce_prog *p, uint64_t addr, uint64_t size)
{
    uint64_t r = addr >> 32;
    uint64_t o = addr & M32;
    if (r >= p->nregions)
        return NULL;
    const ce_region *g = &p->regions[r];
    if (g->base == NULL || o > g->len || size > g->len - o)
        return NULL;
    return g->base + o;
}

static inline uint64_t ld_le(const uint8_t *q, int size)
{
    switch (size) {
    case 1: return q[0];
    case 2: { uint16_t v; memcpy(&v, q, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, q, 4); return v; }
    default: { uint64_t v; memcpy(&v, q, 8); return v; }
    }
}

static inline void st_le(uint8_t *q, int size, uint64_t v)
{
    switch (size) {
    case 1: q[0] = (uint8_t)v; break;
    case 2: { uint16_t w = (uint16_t)v; memcpy(q, &w, 2); break; }
    case 4: { uint32_t w = (uint32_t)v; memcpy(q, &w, 4); break; }
    default: memcpy(q, &v, 8); break;
    }
}

static inline uint64_t neg_errno(int e) { return (uint64_t)(-(int64_t)e); }

/* Helpers implemented here; everything else goes to Python. Returns 0, or a CE_* status
 * (fault details recorded in p). */
static int call_helper(ce_prog *p, int32_t id, uint64_t *r, uint32_t pc)
{
    switch (id) {
    case 1: case 2: case 3: {  /* map_lookup_elem / map_update_elem / map_delete_elem */
        uint64_t mr = r[1] >> 32;
        if (mr >= p->nregions || p->maps[mr].type == 0)
            goto fault_r1;
        const ce_map *m = &p->maps[mr];
        if (m->type == MAP_PROG_ARRAY && id == 1) {
            r[0] = 0;
            return CE_OK;
        }
        if (m->type != MAP_ARRAY && m->type != MAP_PERCPU_ARRAY && m->htab == NULL)
            break;  /* a hash map without a C index: Map.index, in Python */
        const uint8_t *key = xlate(p, r[2], m->key_size);
        if (key == NULL) {
            p->fault_addr = r[2];
            p->fault_size = m->key_size;
            goto fault;
        }
        if (m->htab != NULL) {  /* hash / percpu hash: the C index, values in the region */
            ce_htab *h = m->htab;
            int64_t s;
            if (id == 1) {
                s = ce_htab_lookup(h, (const char *)key);
                r[0] = s < 0 ? 0 : (r[1] & ~M32) + (uint64_t)s * m->value_size;
                return CE_OK;
            }
            if (id == 3) {
                r[0] = (uint64_t)ce_htab_delete(h, (const char *)key);
                return CE_OK;
            }
            const uint8_t *val = xlate(p, r[3], m->value_size);
            if (val == NULL) {
                p->fault_addr = r[3];
                p->fault_size = m->value_size;
                goto fault;
            }
            s = ce_htab_update(h, (const char *)key, r[4]);
            if (s < 0) {
                r[0] = (uint64_t)s;
            } else {
                memmove(p->regions[mr].base + (uint64_t)s * m->value_size, val,
                        m->value_size);
                r[0] = 0;
            }
            return CE_OK;
        }
        uint32_t idx = (uint32_t)ld_le(key, 4);
        if (id == 1) {
            r[0] = idx < m->max_entries
                ? (r[1] & ~M32) + (uint64_t)idx * m->value_size : 0;
            return CE_OK;
        }
        if (id == 3) {
            r[0] = neg_errno(EINVAL_);
            return CE_OK;
        }
        const uint8_t *val = xlate(p, r[3], m->value_size);
        if (val == NULL) {
            p->fault_addr = r[3];
            p->fault_size = m->value_size;
            goto fault;
        }
        if (r[4] > 2)
            r[0] = neg_errno(EINVAL_);
        else if (idx >= m->max_entries)
            r[0] = neg_errno(E2BIG_);
        else if (r[4] == 1)  /* BPF_NOEXIST */
            r[0] = neg_errno(EEXIST_);
        else {
            memmove(p->regions[mr].base + (uint64_t)idx * m->value_size, val,
                    m->value_size);
            r[0] = 0;
        }
        return CE_OK;
    }
    case 5: {  /* ktime_get_ns: CLOCK_MONOTONIC, as time.monotonic_ns() */
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        r[0] = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
        return CE_OK;
    }
    case 8:  /* get_smp_processor_id: one CPU */
        r[0] = 0;
        return CE_OK;
    case 26: {  /* skb_load_bytes(ctx, off, to, len) */
        uint64_t off = r[2] & M32, n = r[4] & M32;
        uint8_t *dst = xlate(p, r[3], n);
        if (dst == NULL) {
            p->fault_addr = r[3];
            p->fault_size = (uint32_t)n;
            goto fault;
        }
        const ce_region *pk = &p->regions[REGION_PKT];
        if (off > 0x7FFFFFFFu || off + n > pk->len) {
            memset(dst, 0, n);
            r[0] = neg_errno(EFAULT_);
        } else {
            memmove(dst, pk->base + off, n);
            r[0] = 0;
        }
        return CE_OK;
    }
    default:
        break;
    }
    {
        int err = 0;
        r[0] = ce_py_helper(p->handle, id, r, &err);
        if (err) {
            p->fault_pc = pc;
            return CE_PYERR;
        }
        return CE_OK;
    }
fault_r1:
    p->fault_addr = r[1];
    p->fault_size = 0;
fault:
    p->fault_pc = pc;
    return CE_FAULT;
}

static inline uint64_t bswap_n(uint64_t v, uint64_t bits)
{
    if (bits == 16)
        return __builtin_bswap16((uint16_t)v);
    if (bits == 32)
        return __builtin_bswap32((uint32_t)v);
    return __builtin_bswap64(v);
}

static int run_once(ce_prog *p, uint64_t ctx, uint64_t *ret)
{
    static const void *tbl[256] = {
        [0 ... 255] = &&op_bad,
        [0x00] = &&op_nop,
        /* ALU64 */
        [0x07] = &&add64_k, [0x0f] = &&add64_x, [0x17] = &&sub64_k, [0x1f] = &&sub64_x,
        [0x27] = &&mul64_k, [0x2f] = &&mul64_x, [0x37] = &&div64_k, [0x3f] = &&div64_x,
        [0x47] = &&or64_k,  [0x4f] = &&or64_x,  [0x57] = &&and64_k, [0x5f] = &&and64_x,
        [0x67] = &&lsh64_k, [0x6f] = &&lsh64_x, [0x77] = &&rsh64_k, [0x7f] = &&rsh64_x,
        [0x87] = &&neg64,   [0x8f] = &&neg64,   [0x97] = &&mod64_k, [0x9f] = &&mod64_x,
        [0xa7] = &&xor64_k, [0xaf] = &&xor64_x, [0xb7] = &&mov64_k, [0xbf] = &&mov64_x,
        [0xc7] = &&arsh64_k, [0xcf] = &&arsh64_x,
        /* ALU32 */
        [0x04] = &&add32_k, [0x0c] = &&add32_x, [0x14] = &&sub32_k, [0x1c] = &&sub32_x,
        [0x24] = &&mul32_k, [0x2c] = &&mul32_x, [0x34] = &&div32_k, [0x3c] = &&div32_x,
        [0x44] = &&or32_k,  [0x4c] = &&or32_x,  [0x54] = &&and32_k, [0x5c] = &&and32_x,
        [0x64] = &&lsh32_k, [0x6c] = &&lsh32_x, [0x74] = &&rsh32_k, [0x7c] = &&rsh32_x,
        [0x84] = &&neg32,   [0x8c] = &&neg32,   [0x94] = &&mod32_k, [0x9c] = &&mod32_x,
        [0xa4] = &&xor32_k, [0xac] = &&xor32_x, [0xb4] = &&mov32_k, [0xbc] = &&mov32_x,
        [0xc4] = &&arsh32_k, [0xcc] = &&arsh32_x, [0xd4] = &&end_le, [0xdc] = &&end_be,
        /* memory */
        [0x61] = &&ldx_w, [0x69] = &&ldx_h, [0x71] = &&ldx_b, [0x79] = &&ldx_dw,
        [0x62] = &&st_w,  [0x6a] = &&st_h,  [0x72] = &&st_b,  [0x7a] = &&st_dw,
        [0x63] = &&stx_w, [0x6b] = &&stx_h, [0x73] = &&stx_b, [0x7b] = &&stx_dw,
        [0xc3] = &&atomic_w, [0xdb] = &&atomic_dw,
        [0x18] = &&ld_imm64,
        [0x20] = &&ld_abs, [0x28] = &&ld_abs, [0x30] = &&ld_abs, [0x38] = &&ld_abs,
        [0x40] = &&ld_ind, [0x48] = &&ld_ind, [0x50] = &&ld_ind, [0x58] = &&ld_ind,
        /* JMP (64-bit compares) */
        [0x05] = &&ja, [0x06] = &&ja,
        [0x15] = &&jeq_k,  [0x1d] = &&jeq_x,  [0x25] = &&jgt_k,  [0x2d] = &&jgt_x,
        [0x35] = &&jge_k,  [0x3d] = &&jge_x,  [0x45] = &&jset_k, [0x4d] = &&jset_x,
        [0x55] = &&jne_k,  [0x5d] = &&jne_x,  [0x65] = &&jsgt_k, [0x6d] = &&jsgt_x,
        [0x75] = &&jsge_k, [0x7d] = &&jsge_x, [0xa5] = &&jlt_k,  [0xad] = &&jlt_x,
        [0xb5] = &&jle_k,  [0xbd] = &&jle_x,  [0xc5] = &&jslt_k, [0xcd] = &&jslt_x,
        [0xd5] = &&jsle_k, [0xdd] = &&jsle_x,
        /* JMP32 */
        [0x16] = &&jeq32_k,  [0x1e] = &&jeq32_x,  [0x26] = &&jgt32_k,  [0x2e] = &&jgt32_x,
        [0x36] = &&jge32_k,  [0x3e] = &&jge32_x,  [0x46] = &&jset32_k, [0x4e] = &&jset32_x,
        [0x56] = &&jne32_k,  [0x5e] = &&jne32_x,  [0x66] = &&jsgt32_k, [0x6e] = &&jsgt32_x,
        [0x76] = &&jsge32_k, [0x7e] = &&jsge32_x, [0xa6] = &&jlt32_k,  [0xae] = &&jlt32_x,
        [0xb6] = &&jle32_k,  [0xbe] = &&jle32_x,  [0xc6] = &&jslt32_k, [0xce] = &&jslt32_x,
        [0xd6] = &&jsle32_k, [0xde] = &&jsle32_x,
        [0x85] = &&call, [0x95] = &&op_exit,
    };
    uint64_t r[11] = {0};
    const ce_insn *const base = p->insns;
    const ce_insn *ins = base;
    uint64_t count = 0;
    int dirty = 0;  /* a store hit the __sk_buff image */
    uint64_t addr;
    uint8_t *q;
    int st;

    r[1] = ctx;
    r[10] = FP_ADDR;

#define DST r[ins->dst]
#define SRC r[ins->src]
#define IMM ins->imm
#define D32 (DST & M32)
#define S32 (SRC & M32)
#define NEXT do { ins++; count++; goto *tbl[ins->op]; } while (0)
#define JUMP(c) do { if (c) { ins = base + ins->off; count++; goto *tbl[ins->op]; } NEXT; } while (0)
#define ALU64(name, expr_k, expr_x) \
    name##_k: DST = (expr_k); NEXT; \
    name##_x: DST = (expr_x); NEXT;
#define FAULT(a, n) do { p->fault_addr = (a); p->fault_size = (n); goto fault; } while (0)
#define LOADX(n) \
    addr = SRC + (uint64_t)(int64_t)ins->off; \
    q = xlate(p, addr, n); \
    if (q == NULL) FAULT(addr, n); \
    DST = ld_le(q, n); NEXT;
#define STORE(n, v) \
    addr = DST + (uint64_t)(int64_t)ins->off; \
    q = xlate(p, addr, n); \
    if (q == NULL) FAULT(addr, n); \
    dirty |= (addr >> 32) == REGION_CTX; \
    st_le(q, n, (v)); NEXT;

    goto *tbl[ins->op];  /* the glue appends two 0xff sentinels: op_bad at index n */

op_nop: NEXT;
ALU64(add64, DST + IMM, DST + SRC)
ALU64(sub64, DST - IMM, DST - SRC)
ALU64(mul64, DST * IMM, DST * SRC)
ALU64(or64, DST | IMM, DST | SRC)
ALU64(and64, DST & IMM, DST & SRC)
ALU64(xor64, DST ^ IMM, DST ^ SRC)
ALU64(lsh64, DST << (IMM & 63), DST << (SRC & 63))
ALU64(rsh64, DST >> (IMM & 63), DST >> (SRC & 63))
ALU64(arsh64, (uint64_t)((int64_t)DST >> (IMM & 63)), (uint64_t)((int64_t)DST >> (SRC & 63)))
ALU64(mov64, IMM, SRC)
div64_k: DST = IMM ? DST / IMM : 0; NEXT;
div64_x: DST = SRC ? DST / SRC : 0; NEXT;
mod64_k: DST = IMM ? DST % IMM : DST; NEXT;
mod64_x: DST = SRC ? DST % SRC : DST; NEXT;
neg64: DST = (uint64_t)0 - DST; NEXT;

ALU64(add32, (D32 + IMM) & M32, (D32 + S32) & M32)
ALU64(sub32, (D32 - IMM) & M32, (D32 - S32) & M32)
ALU64(mul32, (D32 * IMM) & M32, (D32 * S32) & M32)
ALU64(or32, D32 | IMM, D32 | S32)
ALU64(and32, D32 & IMM, D32 & S32)
ALU64(xor32, D32 ^ IMM, D32 ^ S32)
ALU64(lsh32, (D32 << (IMM & 31)) & M32, (D32 << (S32 & 31)) & M32)
ALU64(rsh32, D32 >> (IMM & 31), D32 >> (S32 & 31))
ALU64(arsh32, (uint64_t)(uint32_t)((int32_t)(uint32_t)DST >> (IMM & 31)),
      (uint64_t)(uint32_t)((int32_t)(uint32_t)DST >> (S32 & 31)))
ALU64(mov32, IMM, S32)
div32_k: DST = IMM ? D32 / IMM : 0; NEXT;
div32_x: { uint64_t t = S32; DST = t ? D32 / t : 0; NEXT; }
mod32_k: DST = IMM ? D32 % IMM : D32; NEXT;
mod32_x: { uint64_t t = S32; DST = t ? D32 % t : D32; NEXT; }
neg32: DST = ((uint64_t)0 - D32) & M32; NEXT;
end_le: DST = IMM == 64 ? DST : DST & ((1ull << IMM) - 1); NEXT;
end_be: DST = bswap_n(DST, IMM); NEXT;

ldx_w:
    addr = SRC + (uint64_t)(int64_t)ins->off;
    if ((addr >> 32) == REGION_CTX) {
        uint64_t o = addr & M32;
        if (o == OFF_DATA || o == OFF_DATA_META) {
            DST = PKT_BASE;
            NEXT;
        }
        if (o == OFF_DATA_END) {
            DST = PKT_BASE + p->regions[REGION_PKT].len;
            NEXT;
        }
    }
    q = xlate(p, addr, 4);
    if (q == NULL)
        FAULT(addr, 4);
    DST = ld_le(q, 4);
    NEXT;
ldx_h: LOADX(2)
ldx_b: LOADX(1)
ldx_dw: LOADX(8)
st_w: STORE(4, IMM)
st_h: STORE(2, IMM)
st_b: STORE(1, IMM)
st_dw: STORE(8, IMM)
stx_w: STORE(4, SRC)
stx_h: STORE(2, SRC)
stx_b: STORE(1, SRC)
stx_dw: STORE(8, SRC)

atomic_w:
atomic_dw: {
    int n = ins->op == 0xc3 ? 4 : 8;
    uint64_t mask = n == 4 ? M32 : ~0ull;
    addr = DST + (uint64_t)(int64_t)ins->off;
    q = xlate(p, addr, n);
    if (q == NULL)
        FAULT(addr, n);
    dirty |= (addr >> 32) == REGION_CTX;
    uint64_t old = ld_le(q, n), val = SRC, nv;
    switch (IMM) {
    case 0xf1:  /* cmpxchg */
        if (old == (r[0] & mask))
            st_le(q, n, val & mask);
        r[0] = old;
        NEXT;
    case 0xe1: nv = val; break;  /* xchg */
    case 0x00: case 0x01: nv = old + val; break;
    case 0x40: case 0x41: nv = old | val; break;
    case 0x50: case 0x51: nv = old & val; break;
    case 0xa0: case 0xa1: nv = old ^ val; break;
    default: goto op_bad;  /* refused at decode */
    }
    st_le(q, n, nv & mask);
    if (IMM & 1)
        SRC = old;
    NEXT;
}

ld_imm64:
    DST = IMM;
    ins++;  /* the second half: NEXT steps past it */
    NEXT;
ld_abs:
ld_ind: {
    static const int sizes[4] = {4, 2, 1, 8};
    int n = sizes[(ins->op >> 3) & 3];
    uint64_t off = ((ins->op & 0xe0) == 0x40 ? SRC + IMM : IMM) & M32;
    const ce_region *pk = &p->regions[REGION_PKT];
    uint64_t v = 0;
    if (off > 0x7FFFFFFFu || off + (uint64_t)n > pk->len) {
        *ret = 0;  /* bpf_skb_load_helper: out of bounds ends the program with 0 */
        p->insns_run = count + 1;
        return dirty ? CE_CTX_DIRTY : CE_OK;
    }
    for (int i = 0; i < n; i++)
        v = (v << 8) | pk->base[off + i];
    r[0] = v;
    NEXT;
}

ja: JUMP(1);
jeq_k: JUMP(DST == IMM);
jeq_x: JUMP(DST == SRC);
jgt_k: JUMP(DST > IMM);
jgt_x: JUMP(DST > SRC);
jge_k: JUMP(DST >= IMM);
jge_x: JUMP(DST >= SRC);
jset_k: JUMP(DST & IMM);
jset_x: JUMP(DST & SRC);
jne_k: JUMP(DST != IMM);
jne_x: JUMP(DST != SRC);
jlt_k: JUMP(DST < IMM);
jlt_x: JUMP(DST < SRC);
jle_k: JUMP(DST <= IMM);
jle_x: JUMP(DST <= SRC);
jsgt_k: JUMP((int64_t)DST > (int64_t)IMM);
jsgt_x: JUMP((int64_t)DST > (int64_t)SRC);
jsge_k: JUMP((int64_t)DST >= (int64_t)IMM);
jsge_x: JUMP((int64_t)DST >= (int64_t)SRC);
jslt_k: JUMP((int64_t)DST < (int64_t)IMM);
jslt_x: JUMP((int64_t)DST < (int64_t)SRC);
jsle_k: JUMP((int64_t)DST <= (int64_t)IMM);
jsle_x: JUMP((int64_t)DST <= (int64_t)SRC);

jeq32_k: JUMP(D32 == IMM);
jeq32_x: JUMP(D32 == S32);
jgt32_k: JUMP(D32 > IMM);
jgt32_x: JUMP(D32 > S32);
jge32_k: JUMP(D32 >= IMM);
jge32_x: JUMP(D32 >= S32);
jset32_k: JUMP(D32 & IMM);
jset32_x: JUMP(D32 & S32);
jne32_k: JUMP(D32 != IMM);
jne32_x: JUMP(D32 != S32);
jlt32_k: JUMP(D32 < IMM);
jlt32_x: JUMP(D32 < S32);
jle32_k: JUMP(D32 <= IMM);
jle32_x: JUMP(D32 <= S32);
jsgt32_k: JUMP((int32_t)D32 > (int32_t)IMM);
jsgt32_x: JUMP((int32_t)D32 > (int32_t)S32);
jsge32_k: JUMP((int32_t)D32 >= (int32_t)IMM);
jsge32_x: JUMP((int32_t)D32 >= (int32_t)S32);
jslt32_k: JUMP((int32_t)D32 < (int32_t)IMM);
jslt32_x: JUMP((int32_t)D32 < (int32_t)S32);
jsle32_k: JUMP((int32_t)D32 <= (int32_t)IMM);
jsle32_x: JUMP((int32_t)D32 <= (int32_t)S32);

call:
    /* helpers write memory only through pointer arguments; skb_load_bytes is the one
     * that may target the context image (the verifier forbids it, we stay exact) */
    dirty |= (int32_t)IMM == 26 && (r[3] >> 32) == REGION_CTX;
    st = call_helper(p, (int32_t)IMM, r, (uint32_t)(ins - base));
    if (st != CE_OK) {
        p->insns_run = count + 1;
        return st | (dirty ? CE_CTX_DIRTY : 0);
    }
    NEXT;
op_exit:
    *ret = r[0];
    p->insns_run = count + 1;
    return dirty ? CE_CTX_DIRTY : CE_OK;

fault:
    p->fault_pc = (uint32_t)(ins - base);
    p->insns_run = count + 1;
    return CE_FAULT | (dirty ? CE_CTX_DIRTY : 0);
op_bad:  /* an unknown opcode, or the sentinel past the end (fault_pc == n) */
    p->fault_pc = (uint32_t)(ins - base);
    p->insns_run = count;
    return CE_BADINSN | (dirty ? CE_CTX_DIRTY : 0);

#undef DST
#undef SRC
#undef IMM
#undef D32
#undef S32
#undef NEXT
#undef JUMP
#undef ALU64
#undef FAULT
#undef LOADX
#undef STORE
}

int ce_run(ce_prog *p, char *pkt, uint64_t len, uint64_t ctx, uint64_t *ret)
{
    p->regions[REGION_PKT].base = (uint8_t *)pkt;
    p->regions[REGION_PKT].len = len;
    int st = run_once(p, ctx, ret);
    p->regions[REGION_PKT].base = NULL;  /* the buffer is only lent for this call */
    p->regions[REGION_PKT].len = 0;
    return st;
}

int ce_run_repeat(ce_prog *p, char *pkt, uint64_t len, uint64_t ctx, uint32_t repeat,
                  uint64_t *ret, uint64_t *ns)
{
    struct timespec t0, t1;
    int st = CE_OK;
    uint32_t i;

    p->regions[REGION_PKT].base = (uint8_t *)pkt;
    p->regions[REGION_PKT].len = len;
    if (repeat == 0)
        repeat = 1;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    for (i = 0; i < repeat; i++) {
        st = run_once(p, ctx, ret);
        if ((st & ~CE_CTX_DIRTY) != CE_OK)
            break;
    }
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
    p->regions[REGION_PKT].base = NULL;
    p->regions[REGION_PKT].len = 0;
    *ns = (uint64_t)(t1.tv_sec - t0.tv_sec) * 1000000000ull
        + (uint64_t)(t1.tv_nsec - t0.tv_nsec);
    return st;
}
