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
/// Two of Pyrite's pairs end in an instruction with caches: LOAD_FAST__LOAD_ATTR and
/// LOAD_FAST__STORE_ATTR (`local.attr`, `local.attr = v`) run the attribute access through the
/// borrowed local when its specialised form follows, and are plain LOAD_FASTs otherwise (the
/// attribute instruction then runs on its own). They only merge dispatches, so `dis` shows
/// them as the LOAD_FAST they are ([`for_display`]).
///
/// Pairs overlap as in CPython (`STORE_FAST x; LOAD_FAST a; LOAD_CONST 0` makes both
/// STORE_FAST__LOAD_FAST and LOAD_FAST__LOAD_CONST). The eval loop's pairs that end in a load
/// leave that load to run on its own when it is itself the start of a pair (which may run
/// more than one instruction, or borrow the local).
pub fn quicken(units: &mut [u16], specialize: bool) {
    let mut previous: u16 = 0;
    let mut i = 0;
    while i < units.len() {
        let opcode = units[i] & 0xff;
        let caches = Opcode::from_u8(opcode as u8).map(|o| o.cache_entries()).unwrap_or(0);
        if specialize && i > 0 {
            let fused = match (previous, opcode) {
                (op::LOAD_CONST, op::LOAD_FAST) => Some(op::LOAD_CONST__LOAD_FAST),
                (op::LOAD_FAST, op::LOAD_CONST) => Some(op::LOAD_FAST__LOAD_CONST),
                (op::LOAD_FAST, op::LOAD_FAST) => Some(op::LOAD_FAST__LOAD_FAST),
                (op::STORE_FAST, op::LOAD_FAST) => Some(op::STORE_FAST__LOAD_FAST),
                (op::STORE_FAST, op::STORE_FAST) => Some(op::STORE_FAST__STORE_FAST),
                (op::LOAD_FAST, op::LOAD_ATTR) => Some(op::LOAD_FAST__LOAD_ATTR),
                (op::LOAD_FAST, op::STORE_ATTR) => Some(op::LOAD_FAST__STORE_ATTR),
                _ => None,
            };
            if let Some(fused) = fused {
                units[i - 1] = (units[i - 1] & 0xff00) | fused;
            }
        }
        if caches > 0 {
            if i + 1 < units.len() {
                units[i + 1] = if specialize { WARMUP } else { NEVER };
            }
            // The unit before the next instruction is a cache unit: nothing to pair with.
            previous = 0;
            i += 1 + caches;
            continue;
        }
        previous = opcode;
        i += 1;
    }
}

/// The quickened instructions as `dis.dis(..., adaptive=True)` shows them: Pyrite's attribute
/// pairs, which only merge dispatches, as their LOAD_FAST (like the eval loop's predicted
/// successors, they leave the instruction stream as CPython would have it).
pub fn for_display(units: &[u16]) -> Vec<u16> {
    let mut out = units.to_vec();
    let mut i = 0;
    while i < out.len() {
        let opcode = out[i] & 0xff;
        if opcode == op::LOAD_FAST__LOAD_ATTR || opcode == op::LOAD_FAST__STORE_ATTR {
            out[i] = (out[i] & 0xff00) | op::LOAD_FAST;
        }
        i += 1 + Opcode::from_u8(opcode as u8).map(|o| o.cache_entries()).unwrap_or(0);
    }
    out
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

        // `f(x, y.a); y.b = z`: the attribute pairs, which dis shows as LOAD_FAST.
        let la = |a: u16| op::LOAD_ATTR | a << 8;
        let sa = |a: u16| op::STORE_ATTR | a << 8;
        let mut units = vec![lf(1), lf(0), la(2), 0, 0, 0, 0, 0, 0, 0, 0, 0, lf(0), sa(1), 0, 0, 0, 0];
        let compiled = units.clone();
        quicken(&mut units, true);
        assert_eq!(units[0] & 0xff, op::LOAD_FAST__LOAD_FAST);
        assert_eq!(units[1] & 0xff, op::LOAD_FAST__LOAD_ATTR);
        assert_eq!(units[3], WARMUP);
        assert_eq!(units[12] & 0xff, op::LOAD_FAST__STORE_ATTR);
        assert_eq!(units[14], WARMUP);
        let shown = for_display(&units);
        assert_eq!(shown[0] & 0xff, op::LOAD_FAST__LOAD_FAST);
        assert_eq!(shown[1], lf(0));
        assert_eq!(shown[12], lf(0));
        assert_eq!(deoptimize(&units), compiled);

        let mut plain = original.clone();
        quicken(&mut plain, false);
        assert_eq!(plain[1], lf(0));
        assert_eq!(plain[4], NEVER);
    }
}
