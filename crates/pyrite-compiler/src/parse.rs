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
    /// The str literals (by start offset) whose text holds lone surrogates, which Ruff's AST
    /// cannot carry (it reads `'\\ud800'` as U+FFFD): their code points as generalized UTF-8.
    pub surrogate_literals: std::collections::HashMap<u32, Vec<u8>>,
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
    /// Report `offset`/`end_offset` in UTF-8 bytes rather than characters. CPython's parser
    /// counts bytes when its tokenizer has no declared encoding (bytes input without a coding
    /// cookie or BOM); the compiler's own errors always count bytes (AST columns).
    pub byte_offsets: std::cell::Cell<bool>,
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
        LineIndex { starts, source: source.to_string(), byte_offsets: std::cell::Cell::new(false) }
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
        let (line, col) = self.line_col(offset);
        if self.byte_offsets.get() {
            return col + 1;
        }
        let start = self.starts[line as usize - 1];
        let offset = offset.min(self.source.len());
        self.source.get(start..offset).map(|s| s.chars().count() as u32 + 1).unwrap_or(1)
    }

    /// The width of `text` in the unit offsets are reported in.
    fn width(&self, text: &str) -> u32 {
        if self.byte_offsets.get() {
            text.len() as u32
        } else {
            text.chars().count() as u32
        }
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

/// Parse `source` (given as text) in the given mode.
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<Parsed, CompileError> {
    parse_with(source, filename, mode, false)
}

/// Parse `source`; `byte_offsets` makes parser errors count columns in UTF-8 bytes (CPython's
/// tokenizer without a declared encoding). Later phases always count bytes.
pub fn parse_with(source: &str, filename: &str, mode: Mode, byte_offsets: bool) -> Result<Parsed, CompileError> {
    let lines = LineIndex::new(source);
    lines.byte_offsets.set(byte_offsets);
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
    if let Some(tab) = tab_error(&lines, filename, source) {
        return Err(tab);
    }
    if let Body::Module(stmts) = &body {
        for s in stmts {
            if let ast::Stmt::IpyEscapeCommand(c) = s {
                return Err(lines.error(filename, SyntaxErrorKind::SyntaxError, "invalid syntax", c.range));
            }
        }
    }
    lines.byte_offsets.set(true);
    let surrogate_literals = surrogate_literals(source, &body);
    Ok(Parsed { body, lines, filename: filename.to_string(), surrogate_literals })
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
    if let Some(&(o, at)) = stack.last() {
        let mut e = err(format!("'{}' was never closed", o as char), at)?;
        e.end_offset = 0;
        return Some(e);
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
    if let Some(tab) = tab_error(lines, filename, source) {
        let (err_line, _) = lines.line_col(start);
        if tab.lineno <= err_line {
            return tab;
        }
    }
    let mk = |kind, msg: String, r: TextRange| lines.error(filename, kind, msg, r);
    match &e.error {
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            let (line, _) = lines.line_col(start);
            let mut err = mk(IndentationError, "unindent does not match any outer indentation level".into(), range);
            err.lineno = line;
            err.end_lineno = line;
            let text = lines.line_text(line).unwrap_or_default();
            err.offset = lines.width(text.trim_end_matches('\n')) + 1;
            err.end_offset = err.offset;
            return err;
        }
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let (line, _) = lines.line_col(start);
            let text = source.get(start.min(source.len())..).unwrap_or("");
            let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            if body.starts_with("\"\"\"") || body.starts_with("'''") {
                // The tokenizer reaches the end of the file first.
                let last = source.trim_end_matches(['\n', '\r']).len();
                let (eof_line, _) = lines.line_col(last);
                let mut err = mk(SyntaxError, format!("unterminated triple-quoted string literal (detected at line {eof_line})"), range);
                err.end_lineno = err.lineno;
                err.end_offset = err.offset;
                return err;
            }
            let mut err = mk(SyntaxError, format!("unterminated string literal (detected at line {line})"), range);
            err.end_lineno = err.lineno;
            err.end_offset = err.offset;
            return err;
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) => {}
        _ => {}
    }
    if let Some(err) = bracket_error(lines, filename, source) {
        // An unclosed bracket overrides the parser's error only when the parser ran into the
        // end of the file, or failed on a later line than the bracket's (pegen's
        // `_PyPegen_tokenize_full_source_to_check_for_errors`).
        let never_closed = err.msg.ends_with("was never closed");
        let at_eof = source.get(start.min(source.len())..).unwrap_or("").trim().is_empty();
        let (err_line, _) = lines.line_col(start);
        if !never_closed || at_eof || err_line > err.lineno {
            return err;
        }
    }
    if let Some(err) = refine_error(lines, filename, source, &e) {
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
                    err.end_offset = lines.width(lt.trim_end_matches('\n')) + 1;
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
            err.end_offset = lines.width(t.trim_end_matches('\n')) + 1;
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

/// Decode source bytes per PEP 263 (a UTF-8 BOM, or a `coding` cookie on one of the first two
/// lines; the default is UTF-8), also telling whether the encoding was declared.
pub fn decode_source_declared(bytes: &[u8], filename: &str) -> Result<(String, bool), CompileError> {
    let text = decode_inner(bytes, filename)?;
    let bom = bytes.starts_with(b"\xef\xbb\xbf");
    Ok((text, bom || has_cookie(bytes)))
}

/// A PEP 263 `coding` declaration in a comment on one of the first two lines.
fn has_cookie(bytes: &[u8]) -> bool {
    for line in bytes.split(|&b| b == b'\n').take(2) {
        let text = String::from_utf8_lossy(line);
        let t = text.trim_start();
        if let Some(comment) = t.strip_prefix('#') {
            if let Some(pos) = comment.find("coding") {
                let rest = &comment[pos + 6..];
                if rest.starts_with([':', '=']) && rest[1..].trim_start().starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_' || c == '.') {
                    return true;
                }
            }
        } else if !t.is_empty() {
            return false;
        }
    }
    false
}

fn decode_inner(bytes: &[u8], filename: &str) -> Result<String, CompileError> {
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

// ---- CPython's specialised syntax errors (`invalid_*` grammar rules) ------------------------

/// Finds the expression with a given range, the statement that holds it, and whether it is
/// one of an assignment's targets.
struct Finder<'a> {
    range: TextRange,
    stmt: Option<&'a ast::Stmt>,
    found: Option<(&'a ast::Expr, &'a ast::Stmt)>,
}

impl<'a> ast::visitor::Visitor<'a> for Finder<'a> {
    fn visit_stmt(&mut self, s: &'a ast::Stmt) {
        if self.found.is_some() {
            return;
        }
        let saved = self.stmt;
        self.stmt = Some(s);
        ast::visitor::walk_stmt(self, s);
        self.stmt = saved;
    }

    fn visit_expr(&mut self, e: &'a ast::Expr) {
        if self.found.is_some() {
            return;
        }
        if e.range() == self.range {
            if let Some(s) = self.stmt {
                self.found = Some((e, s));
                return;
            }
        }
        ast::visitor::walk_expr(self, e);
    }
}

/// The statement whose range contains `pos` most tightly.
struct StmtAt<'a> {
    pos: ruff_text_size::TextSize,
    found: Option<&'a ast::Stmt>,
}

impl<'a> ast::visitor::Visitor<'a> for StmtAt<'a> {
    fn visit_stmt(&mut self, s: &'a ast::Stmt) {
        if s.range().start() <= self.pos {
            self.found = Some(s);
            ast::visitor::walk_stmt(self, s);
        }
    }
}

/// Whether `e` is written inside its own parentheses (Ruff's ranges leave them out).
fn parenthesized(source: &str, e: &ast::Expr) -> bool {
    let before = source.get(..e.range().start().to_usize()).unwrap_or("").trim_end();
    let after = source.get(e.range().end().to_usize()..).unwrap_or("").trim_start();
    before.ends_with('(') && after.starts_with(')')
}

/// CPython's `_PyPegen_get_expr_name`.
fn expr_name(e: &ast::Expr) -> &'static str {
    use ast::Expr::*;
    match e {
        Attribute(_) => "attribute",
        Subscript(_) => "subscript",
        Starred(_) => "starred",
        Name(_) => "name",
        List(_) => "list",
        Tuple(_) => "tuple",
        Lambda(_) => "lambda",
        Call(_) => "function call",
        BoolOp(_) | BinOp(_) | UnaryOp(_) => "expression",
        Generator(_) => "generator expression",
        Yield(_) | YieldFrom(_) => "yield expression",
        Await(_) => "await expression",
        ListComp(_) => "list comprehension",
        SetComp(_) => "set comprehension",
        DictComp(_) => "dict comprehension",
        Dict(_) => "dict literal",
        Set(_) => "set display",
        FString(_) | TString(_) => "f-string expression",
        NoneLiteral(_) => "None",
        BooleanLiteral(b) => if b.value { "True" } else { "False" },
        EllipsisLiteral(_) => "ellipsis",
        Compare(_) => "comparison",
        If(_) => "conditional expression",
        Named(_) => "named expression",
        _ => "literal",
    }
}

/// Whether `e` parses as CPython's `bitwise_or` (no comparison, `not`, boolean operator,
/// conditional, lambda, bare tuple, star or yield at its top).
fn is_bitwise_or(e: &ast::Expr) -> bool {
    use ast::Expr::*;
    match e {
        Compare(_) | BoolOp(_) | If(_) | Lambda(_) | Starred(_) | Yield(_) | YieldFrom(_) | Named(_) => false,
        UnaryOp(u) => u.op != ast::UnaryOp::Not,
        Tuple(t) => t.parenthesized,
        _ => true,
    }
}

/// Whether the source at `e` starts with a `bitwise_or`.
fn starts_with_bitwise_or(e: &ast::Expr) -> bool {
    use ast::Expr::*;
    match e {
        Lambda(_) | Starred(_) | Yield(_) | YieldFrom(_) => false,
        UnaryOp(u) if u.op == ast::UnaryOp::Not => false,
        Compare(c) => starts_with_bitwise_or(&c.left),
        BoolOp(b) => b.values.first().map(starts_with_bitwise_or).unwrap_or(false),
        If(i) => starts_with_bitwise_or(&i.body),
        Tuple(t) if !t.parenthesized => t.elts.first().map(starts_with_bitwise_or).unwrap_or(false),
        _ => true,
    }
}

/// CPython's `!(list|tuple|genexp|'True'|'None'|'False')` lookahead: the leftmost atom.
fn starts_with_display(e: &ast::Expr) -> bool {
    use ast::Expr::*;
    match e {
        List(_) | Generator(_) | NoneLiteral(_) | BooleanLiteral(_) => true,
        Tuple(t) => t.parenthesized,
        Attribute(a) => starts_with_display(&a.value),
        Subscript(s) => starts_with_display(&s.value),
        Call(c) => starts_with_display(&c.func),
        BinOp(b) => starts_with_display(&b.left),
        Await(_) => false,
        _ => false,
    }
}

/// `_PyPegen_get_invalid_target` for assignment and `for` targets.
fn invalid_target(e: &ast::Expr) -> Option<&ast::Expr> {
    use ast::Expr::*;
    match e {
        List(l) => l.elts.iter().find_map(invalid_target),
        Tuple(t) => t.elts.iter().find_map(invalid_target),
        Starred(s) => invalid_target(&s.value),
        Name(_) | Subscript(_) | Attribute(_) => None,
        _ => Some(e),
    }
}

/// Reword Ruff's first error the way CPython's grammar reports it, using the recovered AST.
fn refine_error(lines: &LineIndex, filename: &str, source: &str, e: &ParseError) -> Option<CompileError> {
    use ast::visitor::Visitor;
    let mk = |msg: String, r: TextRange| lines.error(filename, SyntaxErrorKind::SyntaxError, msg, r);
    let recovered = ruff_python_parser::parse_unchecked(source, ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module));
    let module = recovered.syntax().as_module()?;
    let range = e.location;
    match &e.error {
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget => {
            let mut f = Finder { range, stmt: None, found: None };
            for s in &module.body {
                f.visit_stmt(s);
            }
            let (expr, stmt) = f.found?;
            let name = expr_name(expr);
            match &e.error {
                ParseErrorType::InvalidDeleteTarget => return Some(mk(format!("cannot delete {name}"), range)),
                ParseErrorType::InvalidAugmentedAssignmentTarget => {
                    return Some(mk(format!("'{name}' is an illegal expression for augmented assignment"), range))
                }
                ParseErrorType::InvalidNamedAssignmentTarget => {
                    return Some(mk(format!("cannot use assignment expressions with {name}"), range))
                }
                _ => {}
            }
            if let ast::Stmt::Assign(a) = stmt {
                // `(star_targets '=')* a=yield_expr '='`: a bare yield as a target.
                if matches!(expr, ast::Expr::Yield(_) | ast::Expr::YieldFrom(_)) {
                    let before = source.get(..range.start().to_usize()).unwrap_or("").trim_end();
                    if !before.ends_with('(') {
                        return Some(mk("assignment to yield expression not possible".into(), range));
                    }
                }
                // invalid_named_expression on the first target's last element, when an `=`
                // and a `bitwise_or` not followed by `=` come after it.
                let first = a.targets.first()?;
                let last_elt = match first {
                    ast::Expr::Tuple(t) if !t.parenthesized => t.elts.last(),
                    other => Some(other),
                };
                let next = a.targets.get(1).map(|t| t).unwrap_or(&a.value);
                let fires = starts_with_bitwise_or(next) && (a.targets.len() == 1 || !is_bitwise_or(next));
                if let Some(l) = last_elt {
                    let atom = is_bitwise_or(l) || parenthesized(source, l);
                    if fires && atom && !starts_with_display(l) && !matches!(l, ast::Expr::Name(_)) {
                        let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(l));
                        return Some(mk(msg, l.range()));
                    }
                    if fires && matches!(l, ast::Expr::Name(_)) && a.targets.len() > 1 {
                        let r = TextRange::new(l.range().start(), next.range().end());
                        return Some(mk("invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(), r));
                    }
                }
                let target = a.targets.iter().find_map(invalid_target).unwrap_or(expr);
                return Some(mk(format!("cannot assign to {}", expr_name(target)), target.range()));
            }
            Some(mk(format!("cannot assign to {name}"), range))
        }
        ParseErrorType::ExpectedKeywordParam => Some(mk("named arguments must follow bare *".into(), range)),
        ParseErrorType::UnparenthesizedGeneratorExpression => Some(mk("Generator expression must be parenthesized".into(), range)),
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Equal } => {
            // `if x = 1:` — the condition is a named expression that met a single `=`.
            let mut f = StmtAt { pos: range.start(), found: None };
            for s in &module.body {
                f.visit_stmt(s);
            }
            let test = match f.found? {
                ast::Stmt::If(i) => {
                    let mut t = &*i.test;
                    for c in &i.elif_else_clauses {
                        if let Some(ct) = &c.test {
                            if ct.range().end() <= range.start() {
                                t = ct;
                            }
                        }
                    }
                    t
                }
                ast::Stmt::While(w) => &*w.test,
                _ => return None,
            };
            if matches!(test, ast::Expr::Name(_)) {
                let tail = source.get(range.end().to_usize()..).unwrap_or("");
                let end = tail.find(':').map(|i| range.end().to_usize() + i).unwrap_or(range.end().to_usize());
                let rhs_end = source.get(..end).unwrap_or("").trim_end().len();
                let r = TextRange::new(test.range().start(), (rhs_end as u32).into());
                return Some(mk("invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(), r));
            }
            if is_bitwise_or(test) && !starts_with_display(test) {
                let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(test));
                return Some(mk(msg, test.range()));
            }
            None
        }
        ParseErrorType::SimpleStatementsOnSameLine | ParseErrorType::ExpectedToken { .. } | ParseErrorType::OtherError(_) => {
            // `print x` / `exec x`: CPython's invalid_legacy_expression.
            let mut f = StmtAt { pos: range.start(), found: None };
            for s in &module.body {
                f.visit_stmt(s);
            }
            let pos = range.start().to_usize();
            let (line, _) = lines.line_col(pos);
            let line_start = lines.starts[line as usize - 1];
            let head = source.get(line_start..pos)?.trim_start();
            for kw in ["print", "exec"] {
                if let Some(rest) = head.strip_prefix(kw) {
                    if rest.starts_with([' ', '\t']) && !rest.trim_start().starts_with('(') {
                        let start = pos - head.len();
                        let line_text = lines.line_text(line).unwrap_or_default();
                        let code = line_text.trim_end_matches('\n').trim_end();
                        let end = line_start + code.len();
                        let r = TextRange::new((start as u32).into(), (end as u32).into());
                        return Some(mk(format!("Missing parentheses in call to '{kw}'. Did you mean {kw}(...)?"), r));
                    }
                }
            }
            match &e.error {
                ParseErrorType::ExpectedToken { expected: TokenKind::Comma, .. }
                | ParseErrorType::ExpectedToken {
                    expected: TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace,
                    found: TokenKind::Int | TokenKind::Float | TokenKind::Complex | TokenKind::Name | TokenKind::String,
                } => return forgot_comma(lines, filename, source, pos),
                ParseErrorType::OtherError(m) if m == "Expected a parameter name" => {
                    // `f(1=2)`: CPython's invalid_kwarg.
                    let rest = source.get(range.end().to_usize()..)?;
                    let after_eq = rest.trim_start().strip_prefix('=')?;
                    let value_len = after_eq.find([',', ')', '\n']).unwrap_or(after_eq.len());
                    let end = source.len() - after_eq.len() + after_eq[..value_len].trim_end().len();
                    let r = TextRange::new(range.start(), (end as u32).into());
                    return Some(mk("expression cannot contain assignment, perhaps you meant \"==\"?".into(), r));
                }
                _ => {}
            }
            None
        }
        _ => None,
    }
}

/// CPython's "invalid syntax. Perhaps you forgot a comma?" inside brackets: from the start of
/// the element before the error to the end of the one after it.
fn forgot_comma(lines: &LineIndex, filename: &str, source: &str, pos: usize) -> Option<CompileError> {
    let b = source.as_bytes();
    let mut i = pos;
    let mut depth = 0i32;
    let mut start = None;
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            b'(' | b'[' | b'{' => {
                start = Some(i + 1);
                break;
            }
            b',' if depth == 0 => {
                start = Some(i + 1);
                break;
            }
            b'\n' | b'=' | b':' if depth == 0 => return None,
            _ => {}
        }
    }
    let start = start?;
    let elt = source.get(start..pos)?;
    let skip = elt.len() - elt.trim_start().len();
    let start = start + skip;
    let first_word: String = source.get(start..).unwrap_or("").chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    if matches!(first_word.as_str(), "print" | "exec" | "match" | "case" | "type" | "_" | "not" | "lambda" | "yield" | "await") {
        return None;
    }
    // The next element ends at the next top-level ',' or closing bracket.
    let mut j = pos;
    let mut depth = 0i32;
    while j < b.len() {
        match b[j] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth > 0 => depth -= 1,
            b')' | b']' | b'}' | b'\n' => break,
            b',' if depth == 0 => break,
            _ => {}
        }
        j += 1;
    }
    let end = source.get(..j).unwrap_or("").trim_end().len().max(pos);
    let r = TextRange::new((start as u32).into(), (end as u32).into());
    Some(lines.error(filename, SyntaxErrorKind::SyntaxError, "invalid syntax. Perhaps you forgot a comma?", r))
}

/// CPython's tokenizer compares each line's indentation twice, with tabs to multiples of 8 and
/// with tabs as one column; disagreement is a TabError.
fn tab_error(lines: &LineIndex, filename: &str, source: &str) -> Option<CompileError> {
    let b = source.as_bytes();
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    let mut depth = 0i32;
    let mut i = 0;
    let mut at_line_start = true;
    let mut continued = false;
    while i < b.len() {
        if at_line_start {
            at_line_start = false;
            let (mut col, mut alt) = (0usize, 0usize);
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b' ' => {
                        col += 1;
                        alt += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    b'\x0c' => {
                        col = 0;
                        alt = 0;
                    }
                    _ => break,
                }
                j += 1;
            }
            let blank = j >= b.len() || matches!(b[j], b'\n' | b'\r' | b'#');
            if depth == 0 && !continued && !blank {
                let (line, _) = lines.line_col(i);
                let tab = || {
                    let mut e = lines.error(filename, SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", TextRange::default());
                    e.lineno = line;
                    e.end_lineno = line;
                    e.offset = 1;
                    e.end_offset = 0;
                    e.text = lines.line_text(line);
                    e
                };
                let &(top, alttop) = stack.last()?;
                if col == top {
                    if alt != alttop {
                        return Some(tab());
                    }
                } else if col > top {
                    if alt <= alttop {
                        return Some(tab());
                    }
                    stack.push((col, alt));
                } else {
                    while stack.len() > 1 && col < stack.last()?.0 {
                        stack.pop();
                    }
                    let &(top, alttop) = stack.last()?;
                    if col != top {
                        return None; // "unindent does not match": reported by the parser
                    }
                    if alt != alttop {
                        return Some(tab());
                    }
                }
            }
            continued = false;
            i = j;
            continue;
        }
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\\' if i + 1 < b.len() && (b[i + 1] == b'\n' || b[i + 1] == b'\r') => {
                continued = true;
                i += 1;
            }
            b'\n' => at_line_start = true,
            b'\'' | b'"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                let q = if triple { 3 } else { 1 };
                let mut j = i + q;
                loop {
                    if j >= b.len() {
                        return None;
                    }
                    if b[j] == b'\\' {
                        j += 2;
                        continue;
                    }
                    if !triple && b[j] == b'\n' {
                        return None;
                    }
                    if b[j] == c && (!triple || (j + 2 < b.len() && b[j + 1] == c && b[j + 2] == c)) {
                        j += q;
                        break;
                    }
                    j += 1;
                }
                i = j;
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = (depth - 1).max(0),
            _ => {}
        }
        i += 1;
    }
    None
}

// ----- str literals with lone surrogates ---------------------------------------------------

/// Whether `source` may hold a `\\u`/`\\U` escape of a surrogate (a quick filter: nearly
/// every source has none, and then no literal is decoded twice).
fn may_escape_surrogate(source: &str) -> bool {
    let b = source.as_bytes();
    memchr_iter_backslash(b).any(|i| match b.get(i + 1) {
        Some(b'u') => b.get(i + 2).is_some_and(|c| matches!(c, b'd' | b'D')),
        Some(b'U') => b.get(i + 2..i + 7).is_some_and(|c| c.eq_ignore_ascii_case(b"0000d")),
        _ => false,
    })
}

fn memchr_iter_backslash(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    b.iter().enumerate().filter(|(_, &c)| c == b'\\').map(|(i, _)| i)
}

/// The str literal pieces of `body` whose text holds lone surrogates (see `Parsed`): string
/// literal parts and f-string literal text, by their start offsets.
fn surrogate_literals(source: &str, body: &Body) -> std::collections::HashMap<u32, Vec<u8>> {
    use ruff_python_ast::visitor::{walk_expr, Visitor};
    use ruff_python_ast::StringFlags;
    struct Finder<'s> {
        source: &'s str,
        found: std::collections::HashMap<u32, Vec<u8>>,
    }
    impl Finder<'_> {
        fn part(&mut self, l: &ast::StringLiteral) {
            if l.flags.prefix().is_raw() || !l.value.contains('\u{FFFD}') {
                return;
            }
            let (start, end) = (l.range.start() + l.flags.opener_len(), l.range.end() - l.flags.closer_len());
            if let Some(b) = literal_code_points(&self.source[start.to_usize()..end.to_usize()], &l.value, false) {
                self.found.insert(l.range.start().to_u32(), b);
            }
        }
    }
    impl<'a> Visitor<'a> for Finder<'_> {
        fn visit_expr(&mut self, e: &'a ast::Expr) {
            match e {
                ast::Expr::StringLiteral(s) => s.value.iter().for_each(|l| self.part(l)),
                ast::Expr::FString(f) => {
                    for part in f.value.iter() {
                        match part {
                            ast::FStringPart::Literal(l) => self.part(l),
                            ast::FStringPart::FString(fs) if !fs.flags.prefix().is_raw() => {
                                for el in fs.elements.iter() {
                                    if let ast::InterpolatedStringElement::Literal(l) = el {
                                        if l.value.contains('\u{FFFD}') {
                                            let src = &self.source[l.range.start().to_usize()..l.range.end().to_usize()];
                                            if let Some(b) = literal_code_points(src, &l.value, true) {
                                                self.found.insert(l.range.start().to_u32(), b);
                                            }
                                        }
                                    }
                                }
                            }
                            ast::FStringPart::FString(_) => {}
                        }
                    }
                }
                _ => {}
            }
            walk_expr(self, e);
        }
    }
    let mut f = Finder { source, found: Default::default() };
    if may_escape_surrogate(source) {
        match body {
            Body::Module(stmts) => f.visit_body(stmts),
            Body::Expression(e) => f.visit_expr(e),
        }
    }
    f.found
}

/// The code points of the source text `src` of a (non-raw) literal piece, whose value Ruff
/// decoded as `decoded`, as generalized UTF-8, if an escape in it denotes a lone surrogate.
/// Ruff has decoded every other escape; its value is walked beside the source, and only
/// `\\u`/`\\U` escapes are read again. `fstring`: doubled braces stand for one.
fn literal_code_points(src: &str, decoded: &str, fstring: bool) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut any = false;
    {
        let mut dec = decoded.chars();
        let push = |out: &mut Vec<u8>, c: Option<char>| {
            if let Some(c) = c {
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
        };
        let mut s = src.char_indices().peekable();
        while let Some((_, c)) = s.next() {
            if c == '\r' {
                // A source line end (`\r\n` or `\r`) is one `\n` in the value.
                if s.peek().is_some_and(|&(_, n)| n == '\n') {
                    s.next();
                }
                push(&mut out, dec.next());
                continue;
            }
            if fstring && (c == '{' || c == '}') {
                if s.peek().is_some_and(|&(_, n)| n == c) {
                    s.next();
                }
                push(&mut out, dec.next());
                continue;
            }
            if c != '\\' {
                push(&mut out, dec.next());
                continue;
            }
            let Some((i, e)) = s.next() else { break };
            match e {
                '\n' => {}
                '\r' => {
                    if s.peek().is_some_and(|&(_, n)| n == '\n') {
                        s.next();
                    }
                }
                'u' | 'U' => {
                    let n = if e == 'u' { 4 } else { 8 };
                    let hex = src.get(i + 1..i + 1 + n)?;
                    let cp = u32::from_str_radix(hex, 16).ok()?;
                    for _ in 0..n {
                        s.next();
                    }
                    let d = dec.next();
                    if (0xd800..0xe000).contains(&cp) {
                        any = true;
                        out.extend_from_slice(&[0xe0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3f) as u8, 0x80 | (cp & 0x3f) as u8]);
                    } else {
                        push(&mut out, d);
                    }
                }
                'N' => {
                    for (_, x) in s.by_ref() {
                        if x == '}' {
                            break;
                        }
                    }
                    push(&mut out, dec.next());
                }
                'x' => {
                    s.next();
                    s.next();
                    push(&mut out, dec.next());
                }
                '0'..='7' => {
                    for _ in 0..2 {
                        if s.peek().is_some_and(|&(_, d)| ('0'..='7').contains(&d)) {
                            s.next();
                        }
                    }
                    push(&mut out, dec.next());
                }
                '\\' | '\'' | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' => push(&mut out, dec.next()),
                _ => {
                    // An unknown escape stays as written: the backslash and the character.
                    push(&mut out, dec.next());
                    push(&mut out, dec.next());
                }
            }
        }
    }
    any.then_some(out)
}
