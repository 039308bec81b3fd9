//! The text representation of `str`: generalized UTF-8.
//!
//! A Python str is a sequence of code points `0..=0x10FFFF`, lone surrogates included
//! (`'\ud800'`, and what `surrogateescape` makes of undecodable bytes). Pyrite stores it as
//! UTF-8 in which a surrogate `U+D800..U+DFFF` is written like any other three-byte code point
//! (`ED A0..BF 80..BF`), each one on its own: a high surrogate followed by a low one stays two
//! code points, as in CPython (WTF-8 would merge them). Text without surrogates is therefore
//! exactly UTF-8 and borrowed as `&str` for free; the byte order is the code-point order, and
//! substring search on bytes finds only whole code points (UTF-8 is self-synchronising,
//! surrogates included).
//!
//! This file holds the byte-level algorithms over that form: decoding code points, counting
//! and skipping them (a word at a time), finding surrogates, and the lossy UTF-8 rendering
//! kept beside a surrogate-bearing str for code that needs `&str`.

/// Whether `b` starts a code point (is not a continuation byte `10xxxxxx`).
#[inline(always)]
fn is_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Number of code-point starts among the 8 bytes of `w`.
#[inline(always)]
fn starts_in_word(w: u64) -> usize {
    // A byte is a continuation byte iff its top bits are `10`: bit 7 set and bit 6 clear.
    let cont = (w >> 7) & !(w >> 6) & ONES;
    8 - cont.count_ones() as usize
}

#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"))
}

/// Number of code points in `bytes` (a word at a time).
pub fn count(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i + 8 <= bytes.len() {
        n += starts_in_word(word_at(bytes, i));
        i += 8;
    }
    n + bytes[i..].iter().filter(|&&b| is_start(b)).count()
}

/// Byte offset of the `n`-th code point after byte offset `from` (which starts a code point);
/// `bytes.len()` when the text has no more. Long skips go a word at a time.
#[inline]
pub fn skip(bytes: &[u8], from: usize, mut n: usize) -> usize {
    let mut i = from;
    if n >= 16 {
        // Whole words while the target lies beyond them.
        while i + 8 <= bytes.len() {
            let c = starts_in_word(word_at(bytes, i));
            if c > n {
                break;
            }
            n -= c;
            i += 8;
        }
        // Back to a code point's start (a word may end inside one).
        while i < bytes.len() && !is_start(bytes[i]) {
            i += 1;
        }
    }
    // A code point at a time: the short skips of indexing (at most STRIDE / 2).
    while n > 0 && i < bytes.len() {
        i += width(bytes[i]);
        n -= 1;
    }
    i.min(bytes.len())
}

/// Byte offset of the `n`-th code point before byte offset `from` (which starts a code point
/// or is the end).
#[inline]
pub fn skip_back(bytes: &[u8], from: usize, n: usize) -> usize {
    let mut i = from;
    for _ in 0..n {
        if i == 0 {
            break;
        }
        i -= 1;
        while i > 0 && !is_start(bytes[i]) {
            i -= 1;
        }
    }
    i
}

/// Length in bytes of the code point whose first byte is `b`.
#[inline(always)]
pub fn width(b: u8) -> usize {
    // By the top four bits: 0xxx ASCII, 10xx continuation (not a start; counted as 1),
    // 110x two bytes, 1110 three, 1111 four.
    const WIDTH: [u8; 16] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4];
    WIDTH[(b >> 4) as usize] as usize
}

/// The code point starting at byte `i` and its width.
#[inline]
pub fn decode_at(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = bytes[i] as u32;
    match bytes[i] {
        0..=0x7f => (b0, 1),
        0xc0..=0xdf => (((b0 & 0x1f) << 6) | (bytes[i + 1] as u32 & 0x3f), 2),
        0xe0..=0xef => (((b0 & 0x0f) << 12) | ((bytes[i + 1] as u32 & 0x3f) << 6) | (bytes[i + 2] as u32 & 0x3f), 3),
        _ => (
            ((b0 & 0x07) << 18) | ((bytes[i + 1] as u32 & 0x3f) << 12) | ((bytes[i + 2] as u32 & 0x3f) << 6) | (bytes[i + 3] as u32 & 0x3f),
            4,
        ),
    }
}

/// The code points of `bytes`, in order.
pub fn code_points(bytes: &[u8]) -> impl DoubleEndedIterator<Item = u32> + '_ {
    CodePoints { bytes, front: 0, back: bytes.len() }
}

struct CodePoints<'a> {
    bytes: &'a [u8],
    front: usize,
    back: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        if self.front >= self.back {
            return None;
        }
        let (c, w) = decode_at(self.bytes, self.front);
        self.front += w;
        Some(c)
    }
}

impl DoubleEndedIterator for CodePoints<'_> {
    fn next_back(&mut self) -> Option<u32> {
        if self.front >= self.back {
            return None;
        }
        let mut i = self.back - 1;
        while !is_start(self.bytes[i]) {
            i -= 1;
        }
        self.back = i;
        Some(decode_at(self.bytes, i).0)
    }
}

/// Append code point `c` (any value below 0x110000, surrogates included) to `out`.
#[inline]
pub fn push_code_point(out: &mut Vec<u8>, c: u32) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]);
    } else if c < 0x10000 {
        out.extend_from_slice(&[0xe0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3f) as u8, 0x80 | (c & 0x3f) as u8]);
    } else {
        out.extend_from_slice(&[
            0xf0 | (c >> 18) as u8,
            0x80 | ((c >> 12) & 0x3f) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]);
    }
}

/// Whether the code point starting at byte `i` is a surrogate (`ED A0..BF ..`).
#[inline(always)]
fn surrogate_at(bytes: &[u8], i: usize) -> bool {
    bytes[i] == 0xed && bytes.get(i + 1).is_some_and(|&b| b >= 0xa0)
}

/// Whether `bytes` holds a lone surrogate.
pub fn has_surrogates(bytes: &[u8]) -> bool {
    // `ED` leads only the code points U+D000..U+DFFF: search it, then look closer.
    let mut from = 0;
    while let Some(p) = memchr_ed(&bytes[from..]) {
        if surrogate_at(bytes, from + p) {
            return true;
        }
        from += p + 1;
    }
    false
}

fn memchr_ed(b: &[u8]) -> Option<usize> {
    b.iter().position(|&x| x == 0xed)
}

/// Code-point index of the first surrogate at or after code point `from_cp`, and the index
/// after the run of surrogates starting there.
pub fn surrogate_run(bytes: &[u8], from_cp: usize) -> Option<(usize, usize)> {
    let mut cp = 0;
    let mut i = 0;
    let mut start = None;
    while i < bytes.len() {
        let s = surrogate_at(bytes, i);
        match (s, start) {
            (true, None) if cp >= from_cp => start = Some(cp),
            (false, Some(a)) => return Some((a, cp)),
            _ => {}
        }
        i += width(bytes[i]);
        cp += 1;
    }
    start.map(|a| (a, cp))
}

/// Write the lossy UTF-8 rendering of `src` into `dst` (the same length): each surrogate
/// becomes U+FFFD, which is three bytes too, so byte and code-point offsets agree.
pub fn write_lossy(src: &[u8], dst: &mut [u8]) {
    debug_assert_eq!(src.len(), dst.len());
    dst.copy_from_slice(src);
    let mut i = 0;
    while i < src.len() {
        if surrogate_at(src, i) {
            dst[i..i + 3].copy_from_slice(&[0xef, 0xbf, 0xbd]);
        }
        i += width(src[i]);
    }
}

/// Whether `bytes` is generalized UTF-8 (what [`crate::objects::str`] may hold): UTF-8 with
/// surrogate code points allowed.
pub fn is_valid(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        match std::str::from_utf8(&bytes[i..]) {
            Ok(_) => return true,
            Err(e) => {
                i += e.valid_up_to();
                if !surrogate_at(bytes, i) || bytes.len() < i + 3 || is_start(bytes[i + 2]) {
                    return false;
                }
                i += 3;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wtf(cps: &[u32]) -> Vec<u8> {
        let mut v = Vec::new();
        cps.iter().for_each(|&c| push_code_point(&mut v, c));
        v
    }

    #[test]
    fn counts_and_skips_across_words() {
        let s = "aé€😀".repeat(7);
        let b = s.as_bytes();
        assert_eq!(count(b), 28);
        for n in 0..=28 {
            let want = s.char_indices().nth(n).map(|(i, _)| i).unwrap_or(s.len());
            assert_eq!(skip(b, 0, n), want, "n={n}");
            assert_eq!(skip_back(b, b.len(), 28 - n), want, "back n={n}");
        }
    }

    #[test]
    fn surrogates_stay_separate_code_points() {
        let b = wtf(&[0x61, 0xd83d, 0xde00, 0x1f600]);
        assert_eq!(b.len(), 1 + 3 + 3 + 4);
        assert_eq!(code_points(&b).collect::<Vec<_>>(), vec![0x61, 0xd83d, 0xde00, 0x1f600]);
        assert_eq!(code_points(&b).rev().collect::<Vec<_>>(), vec![0x1f600, 0xde00, 0xd83d, 0x61]);
        assert!(has_surrogates(&b) && is_valid(&b));
        assert!(!has_surrogates("\u{d7ff}\u{e000}".as_bytes()));
        assert_eq!(surrogate_run(&b, 0), Some((1, 3)));
        let mut lossy = vec![0; b.len()];
        write_lossy(&b, &mut lossy);
        assert_eq!(std::str::from_utf8(&lossy).unwrap(), "a\u{fffd}\u{fffd}😀");
        assert!(!is_valid(&[0xed, 0xa0]));
        assert!(!is_valid(&[0xff]));
    }
}
