//! Substring search over str text (CPython: `Objects/stringlib/fastsearch.h`): the one place
//! `in`, find, count, split and replace look for a needle.
//!
//! The search is over bytes. A valid UTF-8 needle can only match a valid UTF-8 haystack at
//! character boundaries (UTF-8 is self-synchronising), so every offset returned here is a
//! boundary and slicing the text there is exact. One-byte needles (the common separators and
//! characters) use `memchr`; longer ones `memchr::memmem` (a SIMD prefilter in front of
//! Two-Way) except in short haystacks, where building its searcher would cost more than the
//! search: there a memchr for the needle's first byte and a compare (CPython's short-text
//! path too).

use memchr::memmem;

/// Byte offset of the first occurrence of `needle` in `hay` (an empty needle is at 0).
#[inline]
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    find_bytes(hay.as_bytes(), needle.as_bytes())
}

/// [`find`] over the generalized UTF-8 of two strs (lone surrogates included).
#[inline]
pub fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(0),
        [b] => byte_pos(hay, *b),
        n if hay.len() < SHORT_HAYSTACK => short_find(hay, n, 0),
        n => memmem::find(hay, n),
    }
}

/// Haystacks shorter than this (bytes) are searched without building a `memmem` searcher.
const SHORT_HAYSTACK: usize = 256;

/// Below this many bytes a plain loop finds a byte sooner than memchr's vector set-up and
/// dispatch (most lines, fields and words scripts search are this short).
const SHORT_SCAN: usize = 48;

/// First position of byte `b` in `hay`.
#[inline]
fn byte_pos(hay: &[u8], b: u8) -> Option<usize> {
    if hay.len() < SHORT_SCAN { hay.iter().position(|&c| c == b) } else { memchr::memchr(b, hay) }
}

/// `a == b` for slices of equal length: short needles (the usual ones) compare in a loop
/// rather than through a `memcmp` call per candidate.
#[inline(always)]
fn rest_matches(a: &[u8], b: &[u8]) -> bool {
    if b.len() > 16 {
        return a == b;
    }
    let mut k = 0;
    while k < b.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// First occurrence of `needle` (two bytes or more) in `hay` at or after `from`.
#[inline]
fn short_find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let last_start = hay.len().checked_sub(needle.len())?;
    let mut i = from;
    while i <= last_start {
        let at = i + byte_pos(&hay[i..=last_start], needle[0])?;
        if rest_matches(&hay[at + 1..at + needle.len()], &needle[1..]) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Byte offset of the last occurrence of `needle` in `hay` (an empty needle is at the end).
#[inline]
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    match needle.as_bytes() {
        [] => Some(hay.len()),
        [b] => memchr::memrchr(*b, hay.as_bytes()),
        n => memmem::rfind(hay.as_bytes(), n),
    }
}

#[inline]
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

#[inline]
pub fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    find_bytes(hay, needle).is_some()
}

/// The start offsets of the non-overlapping occurrences of a non-empty `needle`, left to right.
/// (The long-text searcher is boxed: kept inline, its size made every move of the iterator,
/// such as `take`, a `memcpy` of several hundred bytes, on short texts too.)
pub enum Matches<'a> {
    Byte { hay: &'a [u8], byte: u8, from: usize },
    Short { hay: &'a [u8], needle: &'a [u8], from: usize },
    Sub(Box<memmem::FindIter<'a, 'a>>),
}

impl Iterator for Matches<'_> {
    type Item = usize;
    #[inline]
    fn next(&mut self) -> Option<usize> {
        match self {
            Matches::Byte { hay, byte, from } => {
                let at = *from + byte_pos(&hay[*from..], *byte)?;
                *from = at + 1;
                Some(at)
            }
            Matches::Short { hay, needle, from } => {
                let at = short_find(hay, needle, *from)?;
                *from = at + needle.len();
                Some(at)
            }
            Matches::Sub(it) => it.next(),
        }
    }
}

pub fn matches<'a>(hay: &'a str, needle: &'a str) -> Matches<'a> {
    debug_assert!(!needle.is_empty());
    match needle.as_bytes() {
        [b] => Matches::Byte { hay: hay.as_bytes(), byte: *b, from: 0 },
        n if hay.len() < SHORT_HAYSTACK => Matches::Short { hay: hay.as_bytes(), needle: n, from: 0 },
        n => Matches::Sub(Box::new(memmem::find_iter(hay.as_bytes(), n))),
    }
}

/// Number of non-overlapping occurrences of a non-empty `needle`.
pub fn count(hay: &str, needle: &str) -> usize {
    matches(hay, needle).count()
}

/// `hay.split(sep, max)` for a non-empty `sep`: at most `max` splits, left to right; each
/// piece goes to `piece` in order (no intermediate vector).
pub fn split_each<'a>(hay: &'a str, sep: &'a str, max: usize, mut piece: impl FnMut(&'a str)) {
    let mut start = 0;
    for m in matches(hay, sep).take(max) {
        piece(&hay[start..m]);
        start = m + sep.len();
    }
    piece(&hay[start..]);
}


/// `hay.rsplit(sep, max)` for a non-empty `sep`: at most `max` splits, right to left; the
/// pieces come back in text order.
pub fn rsplit<'a>(hay: &'a str, sep: &str, max: usize) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut end = hay.len();
    while out.len() < max {
        let Some(i) = rfind(&hay[..end], sep) else { break };
        out.push(&hay[i + sep.len()..end]);
        end = i;
    }
    out.push(&hay[..end]);
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split<'a>(hay: &'a str, sep: &'a str, max: usize) -> Vec<&'a str> {
        let mut out = Vec::new();
        split_each(hay, sep, max, |p| out.push(p));
        out
    }

    #[test]
    fn byte_offsets_are_character_boundaries() {
        let s = "añb|ñ|c";
        assert_eq!(find(s, "|"), Some(4));
        assert_eq!(rfind(s, "|"), Some(7));
        assert_eq!(find(s, "ñ"), Some(1));
        assert_eq!(rfind(s, "ñ"), Some(5));
        assert_eq!(split(s, "|", usize::MAX), vec!["añb", "ñ", "c"]);
        assert_eq!(rsplit(s, "|", 1), vec!["añb|ñ", "c"]);
        assert_eq!(split(s, "ñ|", usize::MAX), vec!["añb|", "c"]);
    }

    #[test]
    fn counts_do_not_overlap() {
        assert_eq!(count("aaaa", "aa"), 2);
        assert_eq!(count("abcabc", "c"), 2);
        assert_eq!(split("aaa", "aa", usize::MAX), vec!["", "a"]);
        assert_eq!(rsplit("aaa", "aa", usize::MAX), vec!["a", ""]);
        assert_eq!(find("abc", ""), Some(0));
        let long = "ab".repeat(200) + "abc" + &"ab".repeat(100);
        assert_eq!(find(&long, "abc"), Some(400));
        assert_eq!(count(&long, "aba"), 150);
        assert_eq!(count(&long[..100], "aba"), 25);
        assert_eq!(find("ab", "abc"), None);
        assert_eq!(find("xxab", "ab"), Some(2));
        assert_eq!(rfind("abc", ""), Some(3));
    }
}
