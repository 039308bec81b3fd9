//! Traceback caret anchors (CPython 3.12: `Python/traceback.c`, `extract_anchors_from_line`).
//!
//! When a traceback shows the source range of the failing instruction, CPython re-parses that
//! range on its own; if it is a single expression statement whose expression is a binary
//! operation or a subscript, the operator (or the `[...]` part) is drawn with `^` and the rest
//! of the range with `~`. This module finds those anchors; the printing lives in the VM.

use crate::parse::{ast, Ranged};
use crate::Mode;

/// The secondary (`^`) part of a caret line: byte offsets `[left, right)` within the segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchors {
    pub left: usize,
    pub right: usize,
}

/// CPython's `IS_WHITESPACE` in `traceback.c`.
fn is_ws(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == b'\x0c'
}

/// The anchors for a source segment (the text of one instruction's range on one line), or
/// `None` when CPython would draw plain `^` carets: the segment does not parse, is not exactly
/// one expression statement, or its expression is neither a binary operation nor a subscript.
pub fn caret_anchors(segment: &str) -> Option<Anchors> {
    let parsed = crate::parse::parse(segment, "<traceback>", Mode::Exec).ok()?;
    let crate::parse::Body::Module(stmts) = &parsed.body else { return None };
    let [ast::Stmt::Expr(stmt)] = stmts.as_slice() else { return None };
    let s = segment.as_bytes();
    match stmt.value.as_ref() {
        ast::Expr::BinOp(b) => {
            let left_end = b.left.range().end().to_usize();
            let right_start = b.right.range().start().to_usize();
            let mut found = None;
            let mut i = left_end;
            while i < right_start {
                if is_ws(s[i]) {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                // A two-character operator such as `//` or `**`.
                if i + 1 < right_start && !is_ws(s[i + 1]) {
                    right += 1;
                }
                found = Some(Anchors { left: i, right });
                // A closing parenthesis of the left operand: keep looking for the operator.
                if i + 1 < right_start && s[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            found
        }
        ast::Expr::Subscript(sub) => {
            let len = s.len();
            let mut left = sub.value.range().end().to_usize();
            let mut right = sub.slice.range().end().to_usize() + 1;
            while left < len && s[left] != b'[' {
                left += 1;
            }
            while right < len && s[right] != b']' {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            Some(Anchors { left, right })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Render the caret line CPython 3.12 prints for a whole segment.
    fn carets(segment: &str) -> String {
        let a = caret_anchors(segment);
        let mut out = String::new();
        for (i, _) in segment.char_indices() {
            let c = match a {
                Some(a) if a.left <= i && i < a.right => '^',
                Some(_) => '~',
                None => '^',
            };
            out.push(c);
        }
        out
    }

    // Expectations produced by CPython 3.12.1 (the caret line under each failing expression).
    #[test]
    fn binop() {
        assert_eq!(carets("1/0"), "~^~");
        assert_eq!(carets("a + b"), "~~^~~");
        assert_eq!(carets("a // b"), "~~^^~~");
        assert_eq!(carets("a**b"), "~^^~");
        assert_eq!(carets("(a) + b"), "~~~~^~~");
        assert_eq!(carets("a+(b)"), "~^^~~");
        assert_eq!(carets("(a)+(b)"), "~~~^^~~");
        assert_eq!(carets("x + y + z"), "~~~~~~^~~");
        assert_eq!(carets("f(a) - g(b)"), "~~~~~^~~~~~");
        assert_eq!(carets("a @ b"), "~~^~~");
    }

    #[test]
    fn subscript() {
        assert_eq!(carets("d[\"k\"]"), "~^^^^^");
        assert_eq!(carets("[][0]"), "~~^^^");
        assert_eq!(carets("x[1:2]"), "~^^^^^");
        assert_eq!(carets("x[ 1 ]"), "~^^^^^");
        assert_eq!(carets("(a)[0]"), "~~~^^^");
        assert_eq!(carets("a[b][c]"), "~~~~^^^");
        assert_eq!(carets("x[1, 2]"), "~^^^^^^");
    }

    #[test]
    fn no_anchors() {
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("obj.attr.m()"), None);
        assert_eq!(caret_anchors("-x"), None);
        assert_eq!(caret_anchors("a < b"), None);
        assert_eq!(caret_anchors("a and b"), None);
        assert_eq!(caret_anchors("f("), None);
        assert_eq!(caret_anchors("x = a + b"), None);
    }

    #[test]
    fn non_ascii_offsets_are_bytes() {
        // `"é"` is four bytes: the operator sits at byte 5 (CPython prints `~~~~^~~`).
        assert_eq!(caret_anchors("\"é\" + 1"), Some(Anchors { left: 5, right: 6 }));
    }
}
