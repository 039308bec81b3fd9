//! Source lines for tracebacks (CPython: `Python/traceback.c` display_source_line, which reads
//! the file through `io.TextIOWrapper` with universal newlines).

/// Line `lineno` (1-based) of `filename`, without its line ending (trailing spaces kept, as
/// CPython's `PyFile_GetLine(f, -1)` keeps them). `None` for pseudo-files such as `<string>`,
/// unreadable files and lines past the end.
pub fn get_line(filename: &str, lineno: u32) -> Option<String> {
    if filename.starts_with('<') && filename.ends_with('>') {
        return None;
    }
    let index = lineno.checked_sub(1)? as usize;
    let bytes = std::fs::read(filename).ok()?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf".as_slice()).unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).ok()?;
    nth_line(text, index).map(str::to_owned)
}

/// The `index`-th (0-based) line of `text`, splitting at `\n`, `\r\n` and `\r`.
fn nth_line(text: &str, index: usize) -> Option<&str> {
    let b = text.as_bytes();
    let mut start = 0;
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            if n == index {
                return Some(&text[start..i]);
            }
            if b[i] == b'\r' && i + 1 < b.len() && b[i + 1] == b'\n' {
                i += 1;
            }
            n += 1;
            start = i + 1;
        }
        i += 1;
    }
    (n == index && start < b.len()).then(|| &text[start..])
}

#[cfg(test)]
mod tests {
    use super::nth_line;

    #[test]
    fn universal_newlines() {
        let t = "a\nb\r\nc\rd";
        assert_eq!(nth_line(t, 0), Some("a"));
        assert_eq!(nth_line(t, 1), Some("b"));
        assert_eq!(nth_line(t, 2), Some("c"));
        assert_eq!(nth_line(t, 3), Some("d"));
        assert_eq!(nth_line(t, 4), None);
        assert_eq!(nth_line("x\n", 1), None);
    }
}
