//! `match` statement code generation (CPython: `compiler_match` and `compiler_pattern*` in
//! `Python/compile.c`).

use super::{Compiler, R};
use crate::parse::ast;

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R {
        Err(self.error("match statements are not supported by Pyrite yet", m.range))
    }
}
