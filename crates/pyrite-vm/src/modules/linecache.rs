//! Source lines for tracebacks (CPython: `Lib/linecache.py`).

/// Line `lineno` (1-based) of `filename`, without its newline.
pub fn get_line(filename: &str, lineno: u32) -> Option<String> {
    if filename.starts_with('<') {
        return None;
    }
    let text = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&text);
    text.split('\n').nth(lineno.checked_sub(1)? as usize).map(|l| l.trim_end_matches('\r').to_owned())
}

/// The caret line CPython 3.12 prints under a failing expression segment.
pub fn caret_line(segment: &str) -> String {
    "^".repeat(segment.chars().count())
}
