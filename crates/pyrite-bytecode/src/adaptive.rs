//! Quickening and the adaptive counters of PEP 659 (CPython: `Python/specialize.c`
//! `_PyCode_Quicken`, `Include/internal/pycore_code.h` `adaptive_counter_*`).
//!
//! Every instruction that has inline caches keeps a 16-bit counter in its first cache unit:
//! the top 12 bits count down, the low 4 bits hold the back-off exponent. The generic
//! instruction decrements the counter each time it runs and asks the specialiser to rewrite it
//! when the count reaches zero; a specialised instruction that misses its guard runs the generic
//! body, which decrements the same counter, so a site whose operands changed is re-specialised
//! after `COOLDOWN` misses. A failed specialisation backs off exponentially.

use crate::opcode::{op, Opcode};

const BACKOFF_BITS: u16 = 4;
const MAX_BACKOFF: u16 = 12;

/// Pack a counter from its count and back-off exponent.
#[inline(always)]
pub const fn counter(value: u16, backoff: u16) -> u16 {
    (value << BACKOFF_BITS) | backoff
}

/// A fresh instruction specialises on its second execution (CPython 3.12's warm-up).
pub const WARMUP: u16 = counter(1, 1);

/// After a successful specialisation: misses tolerated before re-specialising.
pub const COOLDOWN: u16 = counter(52, 0);

/// Counter value that never reaches zero in practice: used when specialisation is disabled.
pub const NEVER: u16 = counter(0x0fff, MAX_BACKOFF);

/// Has the count run out?
#[inline(always)]
pub const fn is_zero(counter: u16) -> bool {
    counter >> BACKOFF_BITS == 0
}

/// Count one execution.
#[inline(always)]
pub const fn decrement(counter: u16) -> u16 {
    counter.wrapping_sub(1 << BACKOFF_BITS)
}

/// After a failed specialisation: wait twice as long as last time (up to 2^12 - 1 runs).
pub const fn backoff(counter: u16) -> u16 {
    let mut b = (counter & ((1 << BACKOFF_BITS) - 1)) + 1;
    if b > MAX_BACKOFF {
        b = MAX_BACKOFF;
    }
    self::counter((1 << b) - 1, b)
}

/// Prepare freshly assembled bytecode for execution: set every cache counter to `WARMUP`
/// (or `NEVER` when specialisation is off) and, when `specialize`, fuse the common pairs of
/// local-variable instructions into CPython's superinstructions. A superinstruction executes
/// both halves and skips the second, which stays intact so that a jump to it still works.
///
/// Pairs overlap (`STORE_FAST x; LOAD_FAST a; LOAD_CONST 0` makes both STORE_FAST__LOAD_FAST
/// and LOAD_FAST__LOAD_CONST), and the first one executed skips the second. When the second
/// is a LOAD_FAST__LOAD_CONST feeding a subscript (`a[0]`), which the eval loop runs in one
/// dispatch with the subscript, the earlier pair is undone so that the later one runs.
pub fn quicken(units: &mut [u16], specialize: bool) {
    let mut previous: u16 = 0;
    // Whether the instruction before `previous` was fused with it.
    let mut previous_is_second_half = false;
    let mut i = 0;
    while i < units.len() {
        let opcode = units[i] & 0xff;
        let caches = Opcode::from_u8(opcode as u8).map(|o| o.cache_entries()).unwrap_or(0);
        if caches > 0 {
            if i + 1 < units.len() {
                units[i + 1] = if specialize { WARMUP } else { NEVER };
            }
            previous = 0;
            previous_is_second_half = false;
            i += 1 + caches;
            continue;
        }
        let mut fused_here = false;
        if specialize && i > 0 {
            let fused = match (previous, opcode) {
                (op::LOAD_CONST, op::LOAD_FAST) => Some(op::LOAD_CONST__LOAD_FAST),
                (op::LOAD_FAST, op::LOAD_CONST) => Some(op::LOAD_FAST__LOAD_CONST),
                (op::LOAD_FAST, op::LOAD_FAST) => Some(op::LOAD_FAST__LOAD_FAST),
                (op::STORE_FAST, op::LOAD_FAST) => Some(op::STORE_FAST__LOAD_FAST),
                (op::STORE_FAST, op::STORE_FAST) => Some(op::STORE_FAST__STORE_FAST),
                _ => None,
            };
            if let Some(fused) = fused {
                units[i - 1] = (units[i - 1] & 0xff00) | fused;
                fused_here = true;
                let feeds_subscript = units.get(i + 1).is_some_and(|u| u & 0xff == op::BINARY_SUBSCR);
                if fused == op::LOAD_FAST__LOAD_CONST && feeds_subscript && previous_is_second_half {
                    let base = Opcode::from_u8((units[i - 2] & 0xff) as u8).map(|o| o.deopt() as u16).unwrap_or(0);
                    units[i - 2] = (units[i - 2] & 0xff00) | base;
                }
            }
        }
        previous = opcode;
        previous_is_second_half = fused_here;
        i += 1;
    }
}

/// The bytecode as the compiler produced it: specialised instructions replaced by their
/// generic family and cache units zeroed (CPython's `co_code` versus `_co_code_adaptive`).
pub fn deoptimize(units: &[u16]) -> Vec<u16> {
    let mut out = units.to_vec();
    let mut i = 0;
    while i < out.len() {
        let unit = out[i];
        let (base, caches) = match Opcode::from_u8((unit & 0xff) as u8) {
            Some(o) => (o.deopt() as u16, o.cache_entries()),
            None => (unit & 0xff, 0),
        };
        out[i] = (unit & 0xff00) | base;
        for c in out.iter_mut().skip(i + 1).take(caches) {
            *c = 0;
        }
        i += 1 + caches;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_count_down_and_back_off() {
        assert!(!is_zero(WARMUP));
        assert!(is_zero(decrement(WARMUP)));
        let mut c = COOLDOWN;
        for _ in 0..52 {
            assert!(!is_zero(c));
            c = decrement(c);
        }
        assert!(is_zero(c));
        let b1 = backoff(WARMUP);
        assert_eq!(b1 >> 4, 3);
        let mut b = b1;
        for _ in 0..20 {
            b = backoff(b);
        }
        assert_eq!(b, counter(4095, 12));
    }

    #[test]
    fn quicken_fuses_pairs_and_deoptimize_restores() {
        let lf = |a: u16| op::LOAD_FAST | a << 8;
        let mut units = vec![op::RESUME, lf(0), lf(1), op::BINARY_OP, 0, op::STORE_FAST | 2 << 8, lf(2), op::RETURN_VALUE];
        let original = units.clone();
        quicken(&mut units, true);
        assert_eq!(units[1] & 0xff, op::LOAD_FAST__LOAD_FAST);
        assert_eq!(units[1] >> 8, 0);
        assert_eq!(units[2] & 0xff, op::LOAD_FAST);
        assert_eq!(units[4], WARMUP);
        assert_eq!(units[5] & 0xff, op::STORE_FAST__LOAD_FAST);
        assert_eq!(deoptimize(&units), original);

        // `x = ...; y = a[0]`: the load-and-subscript pair wins over the store-and-load one.
        let lc = |a: u16| op::LOAD_CONST | a << 8;
        let mut units = vec![op::STORE_FAST | 3 << 8, lf(0), lc(1), op::BINARY_SUBSCR, 0, op::STORE_FAST | 4 << 8, lf(0), lc(1), op::BINARY_OP, 0];
        quicken(&mut units, true);
        assert_eq!(units[0] & 0xff, op::STORE_FAST);
        assert_eq!(units[1] & 0xff, op::LOAD_FAST__LOAD_CONST);
        assert_eq!(units[5] & 0xff, op::STORE_FAST__LOAD_FAST);
        assert_eq!(units[6] & 0xff, op::LOAD_FAST__LOAD_CONST);

        let mut plain = original.clone();
        quicken(&mut plain, false);
        assert_eq!(plain[1], lf(0));
        assert_eq!(plain[4], NEVER);
    }
}
