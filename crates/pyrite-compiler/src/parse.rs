//! Parsing with Ruff's parser, source positions and syntax-error wording (CPython: `Parser/`,
//! `Parser/pegen_errors.c`, `Parser/tokenizer.c` for PEP 263).
//!
//! This is the only file that names Ruff's crates; the rest of the compiler reaches the AST
//! through the re-exports below.

pub use ruff_python_ast as ast;
pub use ruff_text_size::{Ranged, TextRange};

use pyrite_bytecode::Location;
use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};

use crate::{CompileError, Mode, SyntaxErrorKind};

/// A parsed compilation unit: the AST plus what is needed to report positions.
pub struct Parsed {
    pub body: Body,
    pub lines: LineIndex,
    pub filename: String,
    pub mode: Mode,
}

/// The top-level node.
pub enum Body {
    Module(Vec<ast::Stmt>),
    Expression(Box<ast::Expr>),
}

/// Maps byte offsets to CPython's 1-based lines and 0-based UTF-8 byte columns.
pub struct LineIndex {
    starts: Vec<usize>,
    source: String,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if i + 1 < bytes.len() && bytes[i + 1] == b'\n' {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts, source: source.to_string() }
    }

    /// (1-based line, 0-based byte column) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, (offset - self.starts[line]) as u32)
    }

    /// The location of a node's range.
    pub fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.line_col(range.start().to_usize());
        let (end_line, end_col) = self.line_col(range.end().to_usize());
        Location { line, end_line, col, end_col }
    }

    /// The text of 1-based line `line`, including its newline.
    pub fn line_text(&self, line: u32) -> Option<String> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).copied().unwrap_or(self.source.len());
        let mut text = self.source.get(start..end)?.to_string();
        if text.ends_with("\r\n") {
            text.truncate(text.len() - 2);
            text.push('\n');
        }
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Some(text)
    }

    /// 1-based character column of a byte offset (CPython's `SyntaxError.offset`).
    fn char_offset(&self, offset: usize) -> u32 {
        let (line, _) = self.line_col(offset);
        let start = self.starts[line as usize - 1];
        let offset = offset.min(self.source.len());
        self.source.get(start..offset).map(|s| s.chars().count() as u32 + 1).unwrap_or(1)
    }

    pub fn num_lines(&self) -> u32 {
        self.starts.len() as u32
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// Build a SyntaxError located at a byte range.
    pub fn error(&self, filename: &str, kind: SyntaxErrorKind, msg: impl Into<String>, range: TextRange) -> CompileError {
        let start = range.start().to_usize().min(self.source.len());
        let end = range.end().to_usize().min(self.source.len()).max(start);
        let (lineno, _) = self.line_col(start);
        let (end_lineno, _) = self.line_col(end);
        CompileError {
            kind,
            msg: msg.into(),
            filename: filename.to_string(),
            lineno,
            offset: self.char_offset(start),
            end_lineno,
            end_offset: self.char_offset(end),
            text: self.line_text(lineno),
        }
    }
}

/// Parse `source` in the given mode.
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<Parsed, CompileError> {
    let lines = LineIndex::new(source);
    let body = match mode {
        Mode::Eval => match ruff_python_parser::parse_expression(source) {
            Ok(p) => Body::Expression(p.into_syntax().body),
            Err(e) => return Err(translate_error(&lines, filename, source, e)),
        },
        Mode::Exec | Mode::Single => match ruff_python_parser::parse_module(source) {
            Ok(p) => Body::Module(p.into_syntax().body.into_iter().collect()),
            Err(e) => return Err(translate_error(&lines, filename, source, e)),
        },
    };
    if let Body::Module(stmts) = &body {
        for s in stmts {
            if let ast::Stmt::IpyEscapeCommand(c) = s {
                return Err(lines.error(filename, SyntaxErrorKind::SyntaxError, "invalid syntax", c.range));
            }
        }
    }
    Ok(Parsed { body, lines, filename: filename.to_string(), mode })
}

/// Scan brackets the way CPython's tokenizer does, reporting the errors it reports first.
fn bracket_error(lines: &LineIndex, filename: &str, source: &str) -> Option<CompileError> {
    let bytes = source.as_bytes();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut i = 0;
    let err = |msg: String, at: usize| {
        Some(lines.error(filename, SyntaxErrorKind::SyntaxError, msg, TextRange::new((at as u32).into(), (at as u32 + 1).into())))
    };
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = i + 2 < bytes.len() && bytes[i + 1] == c && bytes[i + 2] == c;
                let q = if triple { 3 } else { 1 };
                // Raw prefixes do not change where the literal ends except for escapes; keep it simple.
                let mut j = i + q;
                loop {
                    if j >= bytes.len() {
                        return None; // unterminated string: reported elsewhere
                    }
                    if bytes[j] == b'\\' {
                        j += 2;
                        continue;
                    }
                    if !triple && bytes[j] == b'\n' {
                        return None;
                    }
                    if bytes[j] == c && (!triple || (j + 2 < bytes.len() + 0 && j + 2 <= bytes.len() - 1 && bytes[j + 1] == c && bytes[j + 2] == c)) {
                        j += q;
                        break;
                    }
                    j += 1;
                }
                i = j;
                continue;
            }
            b'(' | b'[' | b'{' => stack.push((c, i)),
            b')' | b']' | b'}' => {
                let open = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => return err(format!("unmatched '{}'", c as char), i),
                    Some((o, at)) if o != open => {
                        let (l1, _) = lines.line_col(at);
                        let (l2, _) = lines.line_col(i);
                        let msg = if l1 != l2 {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}", c as char, o as char, l1)
                        } else {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, o as char)
                        };
                        return err(msg, i);
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(&(o, at)) = stack.first() {
        return err(format!("'{}' was never closed", o as char), at);
    }
    None
}

fn compound_keyword(line: &str) -> Option<String> {
    let t = line.trim_start();
    let word: String = t.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let word = if word == "async" {
        let rest = t[5..].trim_start();
        rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
    } else {
        word
    };
    Some(match word.as_str() {
        "def" => "function definition".to_string(),
        "class" => "class definition".to_string(),
        "if" | "elif" | "else" | "for" | "while" | "try" | "except" | "finally" | "with" | "match" | "case" => {
            format!("'{word}' statement")
        }
        _ => return None,
    })
}

fn translate_error(lines: &LineIndex, filename: &str, source: &str, e: ParseError) -> CompileError {
    use SyntaxErrorKind::*;
    let range = e.location;
    let start = range.start().to_usize();
    let mk = |kind, msg: String, r: TextRange| lines.error(filename, kind, msg, r);
    match &e.error {
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            let (line, _) = lines.line_col(start);
            let mut err = mk(IndentationError, "unindent does not match any outer indentation level".into(), range);
            err.lineno = line;
            err.end_lineno = line;
            let text = lines.line_text(line).unwrap_or_default();
            err.offset = text.trim_end_matches('\n').chars().count() as u32 + 1;
            err.end_offset = err.offset;
            return err;
        }
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let (line, _) = lines.line_col(start);
            return mk(SyntaxError, format!("unterminated string literal (detected at line {line})"), range);
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) => {}
        _ => {}
    }
    if let Some(err) = bracket_error(lines, filename, source) {
        return err;
    }
    let msg = e.error.to_string();
    // A block header whose body is not indented: CPython's "expected an indented block".
    {
        let (line, _) = lines.line_col(start);
        let mut header = line.saturating_sub(1);
        while header > 0 {
            let t = lines.line_text(header).unwrap_or_default();
            let s = t.trim();
            if !s.is_empty() && !s.starts_with('#') {
                break;
            }
            header -= 1;
        }
        if header > 0 {
            let ht = lines.line_text(header).unwrap_or_default();
            let lt = lines.line_text(line).unwrap_or_default();
            let indent = |t: &str| t.chars().take_while(|c| *c == ' ' || *c == '\t').count();
            let code = ht.split('#').next().unwrap_or("").trim_end();
            if code.ends_with(':') && indent(&lt) <= indent(&ht) && !lt.trim().is_empty() {
                if let Some(what) = compound_keyword(&ht) {
                    let mut err = mk(IndentationError, format!("expected an indented block after {what} on line {header}"), range);
                    err.lineno = line;
                    err.end_lineno = line;
                    err.offset = indent(&lt) as u32 + 1;
                    err.end_offset = lt.trim_end_matches('\n').chars().count() as u32 + 1;
                    err.text = Some(lt);
                    return err;
                }
            }
        }
    }
    match &e.error {
        ParseErrorType::UnexpectedIndentation => {
            let (line, _) = lines.line_col(start);
            let lt = lines.line_text(line).unwrap_or_default();
            let mut err = mk(IndentationError, "unexpected indent".into(), range);
            err.lineno = line;
            err.offset = (lt.chars().take_while(|c| *c == ' ' || *c == '\t').count() as u32).max(1);
            err
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            mk(SyntaxError, "iterable argument unpacking follows keyword argument unpacking".into(), range)
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Indent, .. } => {
            // Find the header line of the block that lacks its body.
            let (line, _) = lines.line_col(start);
            let mut header = line.saturating_sub(1);
            while header > 0 {
                let t = lines.line_text(header).unwrap_or_default();
                let s = t.trim();
                if !s.is_empty() && !s.starts_with('#') {
                    break;
                }
                header -= 1;
            }
            let what = lines.line_text(header).and_then(|t| compound_keyword(&t)).unwrap_or_else(|| "statement".into());
            let mut err = mk(IndentationError, format!("expected an indented block after {what} on line {header}"), range);
            let t = lines.line_text(line).unwrap_or_default();
            let indent = t.chars().take_while(|c| *c == ' ' || *c == '\t').count() as u32;
            err.lineno = line;
            err.offset = indent + 1;
            err.end_lineno = line;
            err.end_offset = t.trim_end_matches('\n').chars().count() as u32 + 1;
            err.text = Some(t);
            err
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, .. } => mk(SyntaxError, "expected ':'".into(), range),
        ParseErrorType::Lexical(LexicalErrorType::OtherError(m)) if m.contains("unterminated triple-quoted") || m.contains("Unterminated") => {
            let (line, _) = lines.line_col(start);
            mk(SyntaxError, format!("unterminated triple-quoted string literal (detected at line {})", lines.num_lines().max(line)), range)
        }
        ParseErrorType::FStringError(_) | ParseErrorType::Lexical(LexicalErrorType::FStringError(_)) => {
            mk(SyntaxError, format!("f-string: {}", msg.trim_start_matches("f-string: ")), range)
        }
        ParseErrorType::SimpleStatementsOnSameLine | ParseErrorType::SimpleAndCompoundStatementOnSameLine => {
            mk(SyntaxError, "invalid syntax".into(), range)
        }
        ParseErrorType::ExpectedImaginaryNumber => mk(SyntaxError, "imaginary number required in complex literal".into(), range),
        ParseErrorType::ExpectedRealNumber => mk(SyntaxError, "real number required in complex literal".into(), range),
        ParseErrorType::PositionalAfterKeywordArgument => mk(SyntaxError, "positional argument follows keyword argument".into(), range),
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            mk(SyntaxError, "positional argument follows keyword argument unpacking".into(), range)
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            mk(SyntaxError, "parameter without a default follows parameter with a default".into(), range)
        }
        ParseErrorType::InvalidAssignmentTarget | ParseErrorType::InvalidDeleteTarget | ParseErrorType::InvalidAugmentedAssignmentTarget => {
            mk(SyntaxError, "invalid syntax".into(), range)
        }
        _ => mk(SyntaxError, "invalid syntax".into(), range),
    }
}

/// Decode source bytes per PEP 263: a UTF-8 BOM, or a `coding` cookie on one of the first two
/// lines; the default is UTF-8.
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, CompileError> {
    let err = |msg: String, line: u32| CompileError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        filename: filename.to_string(),
        lineno: line,
        offset: 0,
        end_lineno: line,
        end_offset: 0,
        text: None,
    };
    let (bytes, bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let mut encoding: Option<String> = None;
    for (n, line) in bytes.split(|&b| b == b'\n').take(2).enumerate() {
        let text = String::from_utf8_lossy(line);
        let t = text.trim_start();
        if !t.starts_with('#') {
            if n == 0 && t.is_empty() {
                continue;
            }
            if n == 0 {
                break;
            }
            continue;
        }
        if let Some(pos) = t.find("coding") {
            let rest = &t[pos + 6..];
            if let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) {
                let name: String = rest
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == '.')
                    .collect();
                if !name.is_empty() {
                    encoding = Some(name);
                    break;
                }
            }
        }
    }
    let norm = encoding.as_deref().map(|e| e.to_ascii_lowercase().replace('_', "-"));
    match norm.as_deref() {
        None | Some("utf-8") | Some("utf8") | Some("utf-8-sig") => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                Err(err(
                    format!("(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", bytes[e.valid_up_to()], e.valid_up_to()),
                    line,
                ))
            }
        },
        Some(_) if bom => Err(err(format!("encoding problem: {} with BOM", encoding.unwrap_or_default()), 1)),
        Some("latin-1") | Some("iso-8859-1") | Some("latin1") | Some("iso8859-1") | Some("l1") => {
            Ok(bytes.iter().map(|&b| b as char).collect())
        }
        Some("ascii") | Some("us-ascii") => match bytes.iter().position(|&b| b >= 0x80) {
            None => Ok(bytes.iter().map(|&b| b as char).collect()),
            Some(p) => Err(err(format!("(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", bytes[p], p), 1)),
        },
        Some(_) => Err(err(format!("unknown encoding: {}", encoding.unwrap_or_default()), 1)),
    }
}
