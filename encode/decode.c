/* decode.c -- models back to values.
 *
 * enc_decode reads a symbolic value under a solver's model (a ModelReader:
 * Bool and Int terms to their values) and builds the concrete value: an
 * atom index back to its string or model value, a set from the cells
 * whose membership holds, a function from its domain's cells, a mixture
 * from its active alternative.  The decoded trace is replayed by the
 * evaluator before it is shown. */
#include "encode.h"
#include "eval.h"

void enc_decode_witnesses(const uint32_t *ids, SymVal *const *vals,
                          size_t n, const ModelReader *r) {
  VEC(uint32_t) wid = {0};
  VEC(Value *) wval = {0};
  for (size_t i = 0; i < n; i++) {
    Value *v = enc_decode(vals[i], r);
    if (v) {
      VEC_PUSH(wid, ids[i]);
      VEC_PUSH(wval, v);
    }
  }
  eval_set_witnesses(wid.data, wval.data, wid.len);
  VEC_FREE(wid);
  VEC_FREE(wval);
}

Value *enc_decode(const SymVal *s, const ModelReader *r) {
  switch (s->kind) {
  case SV_MIX:
    for (uint32_t i = 0; i < s->n; i++)
      if (r->get_bool(r->arg, s->cells[i].mem))
        return enc_decode(s->cells[i].key, r);
    return NULL;
  case SV_BOOL:
    return val_bool(r->get_bool(r->arg, s->t));
  case SV_INT:
  case SV_ATOM: {
    mpz_t z;
    mpz_init(z);
    r->get_int(r->arg, s->t, z);
    Value *v;
    if (s->kind == SV_INT)
      v = val_int_mpz(z);
    else
      v = mpz_fits_sint_p(z) ? sv_atom_value((int)mpz_get_si(z)) : NULL;
    mpz_clear(z);
    return v;
  }
  case SV_SET:
  case SV_FUN: {
    VEC(Value *) ks = {0};
    VEC(Value *) vs = {0};
    for (uint32_t i = 0; i < s->n; i++) {
      if (!r->get_bool(r->arg, s->cells[i].mem))
        continue;
      Value *k = enc_decode(s->cells[i].key, r);
      if (!k)
        return NULL;
      if (s->kind == SV_FUN) {
        bool dup = false;
        for (size_t j = 0; j < ks.len && !dup; j++)
          dup = ks.data[j] == k;
        if (dup)
          continue; /* the first cell for a key wins, as in sv_apply */
        Value *v = enc_decode(s->cells[i].val, r);
        if (!v)
          return NULL;
        VEC_PUSH(vs, v);
      }
      VEC_PUSH(ks, k);
    }
    Value *v = s->kind == SV_SET ? val_set(ks.data, ks.len)
                                 : val_fun(ks.data, vs.data, ks.len);
    VEC_FREE(ks);
    VEC_FREE(vs);
    return v;
  }
  }
  return NULL;
}
