//! Basic blocks and CPython 3.12's control-flow-graph optimisations (CPython: `Python/flowgraph.c`).
//!
//! Codegen hands over a flat instruction sequence whose jumps name labels; this file splits it
//! into blocks, runs the same passes as `_PyCfg_OptimizeCodeUnit` (exception-target labelling,
//! jump threading, constant-condition folding, swap elimination, dead-code and NOP removal,
//! small-exit inlining, maybe-unbound analysis, cold-block layout, line-number propagation)
//! and computes the stack depth.

use std::collections::HashMap;

use pyrite_bytecode::{Constant, Opcode};

use crate::fold;

pub const NO_TARGET: usize = usize::MAX;

/// A source span as CPython tracks it: `line == -1` means "no location".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

pub const NO_LOC: Loc = Loc { line: -1, end_line: -1, col: -1, end_col: -1 };

/// One instruction: in the sequence `target` is a label, in the graph a block index.
#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
    pub target: usize,
    pub loc: Loc,
    pub except: Option<usize>,
}

impl Instr {
    pub fn new(op: Opcode, arg: u32, loc: Loc) -> Instr {
        Instr { op, arg, target: NO_TARGET, loc, except: None }
    }

    fn set_nop(&mut self) {
        self.op = Opcode::NOP;
        self.arg = 0;
        self.target = NO_TARGET;
    }
}

/// The instruction sequence codegen produces; `labels[l]` is the index of the instruction label
/// `l` was placed before.
#[derive(Default)]
pub struct InstrSeq {
    pub instrs: Vec<Instr>,
    pub labels: Vec<usize>,
}

impl InstrSeq {
    pub fn new_label(&mut self) -> usize {
        self.labels.push(NO_TARGET);
        self.labels.len() - 1
    }

    pub fn use_label(&mut self, l: usize) {
        self.labels[l] = self.instrs.len();
    }

    pub fn insert(&mut self, pos: usize, ins: Instr) {
        self.instrs.insert(pos, ins);
        for l in self.labels.iter_mut() {
            if *l != NO_TARGET && *l >= pos {
                *l += 1;
            }
        }
    }
}

/// Jumps proper (CPython's `OPCODE_HAS_JUMP`): not the SETUP_* block pushes.
pub fn is_jump(op: Opcode) -> bool {
    op.is_jump() && !is_block_push(op)
}

pub fn is_block_push(op: Opcode) -> bool {
    matches!(op, Opcode::SETUP_FINALLY | Opcode::SETUP_CLEANUP | Opcode::SETUP_WITH)
}

pub fn has_target(op: Opcode) -> bool {
    op.is_jump()
}

pub fn is_unconditional_jump(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::JUMP
            | Opcode::JUMP_NO_INTERRUPT
            | Opcode::JUMP_FORWARD
            | Opcode::JUMP_BACKWARD
            | Opcode::JUMP_BACKWARD_NO_INTERRUPT
    )
}

pub fn is_scope_exit(op: Opcode) -> bool {
    matches!(op, Opcode::RETURN_VALUE | Opcode::RETURN_CONST | Opcode::RAISE_VARARGS | Opcode::RERAISE)
}

fn is_terminator(op: Opcode) -> bool {
    is_jump(op) || is_scope_exit(op)
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub next: Option<usize>,
    pub has_label: bool,
    pub except_handler: bool,
    pub preserve_lasti: bool,
    pub visited: bool,
    pub predecessors: u32,
    pub cold: bool,
    pub warm: bool,
    pub start_depth: i32,
    except_stack: Option<Vec<usize>>,
}

impl Block {
    fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    pub fn has_fallthrough(&self) -> bool {
        match self.last() {
            None => true,
            Some(i) => !(is_scope_exit(i.op) || is_unconditional_jump(i.op)),
        }
    }

    fn exits_scope(&self) -> bool {
        self.last().map(|i| is_scope_exit(i.op)).unwrap_or(false)
    }
}

/// A control-flow graph: blocks linked in layout order through `next`.
pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: usize,
}

impl Cfg {
    /// `_PyCfg_FromInstructionSequence`.
    pub fn from_seq(seq: &InstrSeq) -> Cfg {
        let n = seq.instrs.len();
        let mut is_target = vec![false; n + 1];
        for &l in &seq.labels {
            if l != NO_TARGET && l <= n {
                is_target[l] = true;
            }
        }
        let mut blocks = vec![Block::default()];
        let mut cur = 0;
        let mut instr_block = vec![0usize; n + 1];
        let mut pending_label = false;
        for i in 0..n {
            if is_target[i] {
                pending_label = true;
            }
            let terminated = match blocks[cur].last() {
                Some(last) if is_terminator(last.op) => true,
                _ => pending_label && (!blocks[cur].instrs.is_empty() || blocks[cur].has_label),
            };
            if terminated {
                blocks.push(Block::default());
                let b = blocks.len() - 1;
                blocks[cur].next = Some(b);
                cur = b;
                blocks[cur].has_label = pending_label;
                pending_label = false;
            } else if pending_label {
                blocks[cur].has_label = true;
                pending_label = false;
            }
            instr_block[i] = cur;
            let mut ins = seq.instrs[i];
            if has_target(ins.op) {
                // Temporarily the instruction index; translated below.
                ins.target = seq.labels[ins.target];
            }
            blocks[cur].instrs.push(ins);
        }
        // translate_jump_labels_to_targets
        for b in blocks.iter_mut() {
            for ins in b.instrs.iter_mut() {
                if has_target(ins.op) {
                    ins.target = if ins.target < n { instr_block[ins.target] } else { NO_TARGET };
                }
            }
        }
        Cfg { blocks, entry: 0 }
    }

    pub fn order(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut b = Some(self.entry);
        while let Some(i) = b {
            out.push(i);
            b = self.blocks[i].next;
        }
        out
    }

    fn new_block(&mut self) -> usize {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    fn reset_visited(&mut self) {
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
    }
}

/// Everything the optimiser needs to know about the code unit.
pub struct UnitInfo {
    pub nlocals: usize,
    pub nparams: usize,
    pub firstlineno: i32,
}

/// `_PyCfg_OptimizeCodeUnit`.
pub fn optimize_code_unit(g: &mut Cfg, consts: &mut Vec<Constant>, info: &UnitInfo) {
    mark_except_handlers(g);
    label_exception_targets(g);
    optimize_cfg(g, consts);
    remove_unused_consts(g, consts);
    add_checks_for_loads_of_uninitialized_variables(g, info.nlocals, info.nparams);
    push_cold_blocks_to_end(g);
    normalize_jumps(g);
    resolve_line_numbers(g, info.firstlineno);
}

fn mark_except_handlers(g: &mut Cfg) {
    let mut targets = Vec::new();
    for b in &g.blocks {
        for i in &b.instrs {
            if is_block_push(i.op) && i.target != NO_TARGET {
                targets.push(i.target);
            }
        }
    }
    for t in targets {
        g.blocks[t].except_handler = true;
    }
}

fn label_exception_targets(g: &mut Cfg) {
    g.reset_visited();
    let mut todo = vec![g.entry];
    g.blocks[g.entry].visited = true;
    g.blocks[g.entry].except_stack = Some(Vec::new());
    while let Some(b) = todo.pop() {
        let mut stack = g.blocks[b].except_stack.take().unwrap_or_default();
        let mut handler = stack.last().copied();
        let n = g.blocks[b].instrs.len();
        for i in 0..n {
            let ins = g.blocks[b].instrs[i];
            if is_block_push(ins.op) {
                let t = ins.target;
                if !g.blocks[t].visited {
                    g.blocks[t].except_stack = Some(stack.clone());
                    g.blocks[t].visited = true;
                    todo.push(t);
                }
                if matches!(ins.op, Opcode::SETUP_WITH | Opcode::SETUP_CLEANUP) {
                    g.blocks[t].preserve_lasti = true;
                }
                stack.push(t);
                handler = Some(t);
            } else if ins.op == Opcode::POP_BLOCK {
                stack.pop();
                handler = stack.last().copied();
                g.blocks[b].instrs[i].set_nop();
            } else if is_jump(ins.op) {
                g.blocks[b].instrs[i].except = handler;
                let t = ins.target;
                if !g.blocks[t].visited {
                    g.blocks[t].except_stack = Some(stack.clone());
                    g.blocks[t].visited = true;
                    todo.push(t);
                }
            } else if ins.op == Opcode::YIELD_VALUE {
                g.blocks[b].instrs[i].except = handler;
                g.blocks[b].instrs[i].arg = stack.len() as u32;
            } else {
                g.blocks[b].instrs[i].except = handler;
            }
        }
        if g.blocks[b].has_fallthrough() {
            if let Some(nx) = g.blocks[b].next {
                if !g.blocks[nx].visited {
                    g.blocks[nx].except_stack = Some(stack);
                    g.blocks[nx].visited = true;
                    todo.push(nx);
                }
            }
        }
    }
}

fn eliminate_empty_basic_blocks(g: &mut Cfg) {
    let order = g.order();
    for &b in &order {
        let mut next = g.blocks[b].next;
        while let Some(nx) = next {
            if g.blocks[nx].instrs.is_empty() {
                next = g.blocks[nx].next;
            } else {
                break;
            }
        }
        g.blocks[b].next = next;
    }
    while g.blocks[g.entry].instrs.is_empty() {
        match g.blocks[g.entry].next {
            Some(n) => g.entry = n,
            None => break,
        }
    }
    let order = g.order();
    for &b in &order {
        for i in 0..g.blocks[b].instrs.len() {
            let ins = g.blocks[b].instrs[i];
            if has_target(ins.op) && ins.target != NO_TARGET {
                let mut t = ins.target;
                while g.blocks[t].instrs.is_empty() {
                    match g.blocks[t].next {
                        Some(n) => t = n,
                        None => break,
                    }
                }
                g.blocks[b].instrs[i].target = t;
            }
        }
    }
}

const MAX_COPY_SIZE: usize = 4;

fn inline_small_exit_blocks(g: &mut Cfg, b: usize) -> bool {
    let Some(last) = g.blocks[b].last().copied() else { return false };
    if !is_unconditional_jump(last.op) {
        return false;
    }
    let t = last.target;
    if g.blocks[t].exits_scope() && g.blocks[t].instrs.len() <= MAX_COPY_SIZE {
        let copy = g.blocks[t].instrs.clone();
        let blk = &mut g.blocks[b];
        blk.instrs.last_mut().unwrap().set_nop();
        blk.instrs.extend(copy);
        return true;
    }
    false
}

fn optimize_cfg(g: &mut Cfg, consts: &mut Vec<Constant>) {
    eliminate_empty_basic_blocks(g);
    for b in g.order() {
        inline_small_exit_blocks(g, b);
    }
    let mut cache: HashMap<String, usize> = HashMap::new();
    for (i, c) in consts.iter().enumerate() {
        cache.entry(fold::const_key(c)).or_insert(i);
    }
    for b in g.order() {
        optimize_basic_block(g, b, consts, &mut cache);
    }
    remove_redundant_nops_and_pairs(g);
    for b in g.order() {
        inline_small_exit_blocks(g, b);
    }
    mark_reachable(g);
    for b in g.order() {
        if g.blocks[b].predecessors == 0 {
            g.blocks[b].instrs.clear();
        }
    }
    for b in g.order() {
        remove_redundant_nops(g, b);
    }
    eliminate_empty_basic_blocks(g);
    remove_redundant_jumps(g);
}

fn jump_thread(g: &mut Cfg, b: usize, i: usize, target: &Instr, op: Opcode) -> bool {
    let ins = &mut g.blocks[b].instrs[i];
    if (ins.loc.line == target.loc.line || target.loc.line == -1) && ins.target != target.target {
        ins.target = target.target;
        ins.op = op;
        return true;
    }
    false
}

fn get_const(consts: &[Constant], ins: &Instr) -> Option<Constant> {
    if ins.op == Opcode::LOAD_CONST {
        consts.get(ins.arg as usize).cloned()
    } else {
        None
    }
}

fn add_const(consts: &mut Vec<Constant>, cache: &mut HashMap<String, usize>, c: Constant) -> usize {
    let key = fold::const_key(&c);
    if let Some(&i) = cache.get(&key) {
        return i;
    }
    consts.push(c);
    cache.insert(key, consts.len() - 1);
    consts.len() - 1
}

fn optimize_basic_block(g: &mut Cfg, b: usize, consts: &mut Vec<Constant>, cache: &mut HashMap<String, usize>) {
    let mut i: isize = 0;
    while (i as usize) < g.blocks[b].instrs.len() {
        let iu = i as usize;
        let ins = g.blocks[b].instrs[iu];
        let n = g.blocks[b].instrs.len();
        let nextop = if iu + 1 < n { Some(g.blocks[b].instrs[iu + 1].op) } else { None };
        let target = if has_target(ins.op) && ins.target != NO_TARGET {
            g.blocks[ins.target].instrs.first().copied()
        } else {
            None
        };
        match ins.op {
            Opcode::LOAD_CONST => {
                let Some(cnt) = get_const(consts, &ins) else {
                    i += 1;
                    continue;
                };
                match nextop {
                    Some(Opcode::POP_JUMP_IF_FALSE) | Some(Opcode::POP_JUMP_IF_TRUE) => {
                        if let Some(t) = fold::truthiness(&cnt) {
                            g.blocks[b].instrs[iu].set_nop();
                            let jump_if_true = nextop == Some(Opcode::POP_JUMP_IF_TRUE);
                            let nx = &mut g.blocks[b].instrs[iu + 1];
                            if t == jump_if_true {
                                nx.op = Opcode::JUMP;
                            } else {
                                nx.set_nop();
                            }
                        }
                    }
                    Some(Opcode::IS_OP) => {
                        if cnt == Constant::None && iu + 2 < n {
                            let is_op = g.blocks[b].instrs[iu + 1];
                            let jump = g.blocks[b].instrs[iu + 2];
                            if matches!(jump.op, Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE) {
                                let mut invert = is_op.arg != 0;
                                if jump.op == Opcode::POP_JUMP_IF_FALSE {
                                    invert = !invert;
                                }
                                g.blocks[b].instrs[iu].set_nop();
                                g.blocks[b].instrs[iu + 1].set_nop();
                                g.blocks[b].instrs[iu + 2].op =
                                    if invert { Opcode::POP_JUMP_IF_NOT_NONE } else { Opcode::POP_JUMP_IF_NONE };
                            }
                        }
                    }
                    Some(Opcode::RETURN_VALUE) => {
                        g.blocks[b].instrs[iu].set_nop();
                        let nx = &mut g.blocks[b].instrs[iu + 1];
                        nx.op = Opcode::RETURN_CONST;
                        nx.arg = ins.arg;
                        i += 1;
                    }
                    _ => {}
                }
            }
            Opcode::BUILD_TUPLE => {
                let oparg = ins.arg as usize;
                if nextop == Some(Opcode::UNPACK_SEQUENCE) && g.blocks[b].instrs[iu + 1].arg == ins.arg {
                    match oparg {
                        1 => {
                            g.blocks[b].instrs[iu].set_nop();
                            g.blocks[b].instrs[iu + 1].set_nop();
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            g.blocks[b].instrs[iu].set_nop();
                            g.blocks[b].instrs[iu + 1].op = Opcode::SWAP;
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                if iu >= oparg {
                    let start = iu - oparg;
                    let all_const = (start..iu).all(|k| g.blocks[b].instrs[k].op == Opcode::LOAD_CONST);
                    if all_const {
                        let items: Vec<Constant> =
                            (start..iu).map(|k| consts[g.blocks[b].instrs[k].arg as usize].clone()).collect();
                        let idx = add_const(consts, cache, Constant::Tuple(items));
                        for k in start..iu {
                            g.blocks[b].instrs[k].set_nop();
                        }
                        let t = &mut g.blocks[b].instrs[iu];
                        t.op = Opcode::LOAD_CONST;
                        t.arg = idx as u32;
                    }
                }
            }
            Opcode::POP_JUMP_IF_NOT_NONE | Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE
            | Opcode::JUMP => {
                if let Some(t) = target {
                    if t.op == Opcode::JUMP && jump_thread(g, b, iu, &t, ins.op) {
                        continue;
                    }
                }
            }
            Opcode::SWAP => {
                if ins.arg == 1 {
                    g.blocks[b].instrs[iu].set_nop();
                } else {
                    let mut ix = iu;
                    swaptimize(&mut g.blocks[b].instrs, &mut ix);
                    apply_static_swaps(&mut g.blocks[b].instrs, ix as isize);
                    i = ix as isize;
                }
            }
            Opcode::PUSH_NULL => {
                if nextop == Some(Opcode::LOAD_GLOBAL) && g.blocks[b].instrs[iu + 1].arg & 1 == 0 {
                    g.blocks[b].instrs[iu].set_nop();
                    g.blocks[b].instrs[iu + 1].arg |= 1;
                }
            }
            Opcode::IS_OP | Opcode::CONTAINS_OP => {
                if nextop == Some(Opcode::UNARY_NOT) {
                    g.blocks[b].instrs[iu].arg ^= 1;
                    g.blocks[b].instrs[iu + 1].set_nop();
                }
            }
            _ => {}
        }
        i += 1;
    }
}

fn swaptimize(instrs: &mut [Instr], ix: &mut usize) {
    let start = *ix;
    let mut depth = instrs[start].arg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = instrs.len() - start;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let op = instrs[start + len].op;
        if op == Opcode::SWAP {
            depth = depth.max(instrs[start + len].arg as usize);
            more = true;
        } else if op != Opcode::NOP {
            break;
        }
    }
    if !more {
        return;
    }
    const VISITED: isize = -1;
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for k in 0..len {
        if instrs[start + k].op == Opcode::SWAP {
            let oparg = instrs[start + k].arg as usize;
            stack.swap(0, oparg - 1);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as isize {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                let ins = &mut instrs[start + current as usize];
                ins.op = Opcode::SWAP;
                ins.arg = j as u32 + 1;
                ins.target = NO_TARGET;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j] as usize;
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[start + current as usize].set_nop();
        current -= 1;
    }
    *ix = start + len - 1;
}

fn swappable(op: Opcode) -> bool {
    matches!(op, Opcode::STORE_FAST | Opcode::STORE_FAST_MAYBE_NULL | Opcode::POP_TOP)
}

fn stores_to(i: &Instr) -> i64 {
    if matches!(i.op, Opcode::STORE_FAST | Opcode::STORE_FAST_MAYBE_NULL) {
        i.arg as i64
    } else {
        -1
    }
}

fn next_swappable(instrs: &[Instr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        if i >= instrs.len() {
            return None;
        }
        let ins = &instrs[i];
        if lineno >= 0 && ins.loc.line != lineno {
            return None;
        }
        if ins.op == Opcode::NOP {
            continue;
        }
        if swappable(ins.op) {
            return Some(i);
        }
        return None;
    }
}

fn apply_static_swaps(instrs: &mut [Instr], mut i: isize) {
    while i >= 0 {
        let iu = i as usize;
        let swap = instrs[iu];
        if swap.op != Opcode::SWAP {
            if swap.op == Opcode::NOP || swappable(swap.op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, iu, -1) else { return };
        let mut k = j;
        let lineno = instrs[j].loc.line;
        let mut count = swap.arg as i64 - 1;
        while count > 0 {
            match next_swappable(instrs, k, lineno) {
                Some(x) => k = x,
                None => return,
            }
            count -= 1;
        }
        let sj = stores_to(&instrs[j]);
        let sk = stores_to(&instrs[k]);
        if sj >= 0 || sk >= 0 {
            if sj == sk {
                return;
            }
            for idx in j + 1..k {
                let s = stores_to(&instrs[idx]);
                if s >= 0 && (s == sj || s == sk) {
                    return;
                }
            }
        }
        instrs[iu].set_nop();
        instrs.swap(j, k);
        i -= 1;
    }
}

fn remove_redundant_nops(g: &mut Cfg, b: usize) -> usize {
    let next_first_line = {
        let mut next = g.blocks[b].next;
        while let Some(nx) = next {
            if g.blocks[nx].instrs.is_empty() {
                next = g.blocks[nx].next;
            } else {
                break;
            }
        }
        next.map(|nx| g.blocks[nx].instrs[0].loc.line)
    };
    let blk = &mut g.blocks[b];
    let mut out: Vec<Instr> = Vec::with_capacity(blk.instrs.len());
    let mut prev_lineno = -1;
    let n = blk.instrs.len();
    let mut src = 0;
    while src < n {
        let ins = blk.instrs[src];
        let lineno = ins.loc.line;
        if ins.op == Opcode::NOP {
            if lineno < 0 {
                src += 1;
                continue;
            }
            if prev_lineno == lineno {
                src += 1;
                continue;
            }
            if src < n - 1 {
                let next_lineno = blk.instrs[src + 1].loc.line;
                if next_lineno == lineno {
                    src += 1;
                    continue;
                }
                if next_lineno < 0 {
                    blk.instrs[src + 1].loc = ins.loc;
                    src += 1;
                    continue;
                }
            } else if next_first_line == Some(lineno) {
                src += 1;
                continue;
            }
        }
        out.push(ins);
        prev_lineno = lineno;
        src += 1;
    }
    let removed = n - out.len();
    blk.instrs = out;
    removed
}

fn remove_redundant_nops_and_pairs(g: &mut Cfg) {
    let mut done = false;
    while !done {
        done = true;
        let mut prev: Option<(usize, usize)> = None;
        let mut instr: Option<(usize, usize)>;
        instr = None;
        for b in g.order() {
            remove_redundant_nops(g, b);
            if g.blocks[b].has_label {
                instr = None;
            }
            for i in 0..g.blocks[b].instrs.len() {
                prev = instr;
                instr = Some((b, i));
                let op = g.blocks[b].instrs[i].op;
                let (prev_op, prev_arg) = match prev {
                    Some((pb, pi)) => (Some(g.blocks[pb].instrs[pi].op), g.blocks[pb].instrs[pi].arg),
                    None => (None, 0),
                };
                let redundant = op == Opcode::POP_TOP
                    && (prev_op == Some(Opcode::LOAD_CONST) || (prev_op == Some(Opcode::COPY) && prev_arg == 1));
                if redundant {
                    let (pb, pi) = prev.unwrap();
                    g.blocks[pb].instrs[pi].set_nop();
                    g.blocks[b].instrs[i].set_nop();
                    done = false;
                }
            }
            let last_is_jump = instr.map(|(ib, ii)| is_jump(g.blocks[ib].instrs[ii].op)).unwrap_or(false);
            if last_is_jump || !g.blocks[b].has_fallthrough() {
                instr = None;
            }
        }
        let _ = prev;
    }
}

fn mark_reachable(g: &mut Cfg) {
    for b in g.blocks.iter_mut() {
        b.predecessors = 0;
        b.visited = false;
    }
    let mut stack = vec![g.entry];
    g.blocks[g.entry].predecessors = 1;
    g.blocks[g.entry].visited = true;
    while let Some(b) = stack.pop() {
        g.blocks[b].visited = true;
        if g.blocks[b].has_fallthrough() {
            if let Some(nx) = g.blocks[b].next {
                if !g.blocks[nx].visited {
                    g.blocks[nx].visited = true;
                    stack.push(nx);
                }
                g.blocks[nx].predecessors += 1;
            }
        }
        for i in 0..g.blocks[b].instrs.len() {
            let ins = g.blocks[b].instrs[i];
            if has_target(ins.op) && ins.target != NO_TARGET {
                let t = ins.target;
                if !g.blocks[t].visited {
                    g.blocks[t].visited = true;
                    stack.push(t);
                }
                g.blocks[t].predecessors += 1;
            }
        }
    }
}

fn remove_redundant_jumps(g: &mut Cfg) {
    for b in g.order() {
        let next = g.blocks[b].next;
        if let Some(last) = g.blocks[b].instrs.last_mut() {
            if is_unconditional_jump(last.op) && Some(last.target) == next {
                last.set_nop();
            }
        }
    }
}

fn remove_unused_consts(g: &mut Cfg, consts: &mut Vec<Constant>) {
    let n = consts.len();
    if n == 0 {
        return;
    }
    let mut used = vec![false; n];
    used[0] = true;
    for b in &g.blocks {
        for i in &b.instrs {
            if matches!(i.op, Opcode::LOAD_CONST | Opcode::RETURN_CONST | Opcode::KW_NAMES) {
                if let Some(u) = used.get_mut(i.arg as usize) {
                    *u = true;
                }
            }
        }
    }
    if used.iter().all(|u| *u) {
        return;
    }
    let mut map = vec![0u32; n];
    let mut out = Vec::new();
    for (i, c) in consts.drain(..).enumerate() {
        if used[i] {
            map[i] = out.len() as u32;
            out.push(c);
        }
    }
    *consts = out;
    for b in g.blocks.iter_mut() {
        for i in b.instrs.iter_mut() {
            if matches!(i.op, Opcode::LOAD_CONST | Opcode::RETURN_CONST | Opcode::KW_NAMES) {
                i.arg = map[i.arg as usize];
            }
        }
    }
}

/// `add_checks_for_loads_of_uninitialized_variables`: LOAD_FAST becomes LOAD_FAST_CHECK where
/// the local may be unbound (CPython's bit-vector analysis over the first 64 locals; locals
/// beyond those are only tracked within one block).
fn add_checks_for_loads_of_uninitialized_variables(g: &mut Cfg, nlocals: usize, nparams: usize) {
    if nlocals == 0 {
        return;
    }
    let order = g.order();
    if nlocals > 64 {
        let mut states = vec![0usize; nlocals - 64];
        let mut blocknum = 0usize;
        for &b in &order {
            blocknum += 1;
            for ins in g.blocks[b].instrs.iter_mut() {
                let arg = ins.arg as usize;
                if arg < 64 || arg >= nlocals {
                    continue;
                }
                match ins.op {
                    Opcode::DELETE_FAST | Opcode::LOAD_FAST_AND_CLEAR | Opcode::STORE_FAST_MAYBE_NULL => {
                        states[arg - 64] = blocknum - 1
                    }
                    Opcode::STORE_FAST => states[arg - 64] = blocknum,
                    Opcode::LOAD_FAST => {
                        if states[arg - 64] != blocknum {
                            ins.op = Opcode::LOAD_FAST_CHECK;
                        }
                        states[arg - 64] = blocknum;
                    }
                    _ => {}
                }
            }
        }
    }
    let nlocals = nlocals.min(64);
    let mut masks: HashMap<usize, u64> = HashMap::new();
    g.reset_visited();
    let mut stack: Vec<usize> = Vec::new();
    fn maybe_push(g: &mut Cfg, masks: &mut HashMap<usize, u64>, stack: &mut Vec<usize>, b: usize, mask: u64) {
        let old = *masks.get(&b).unwrap_or(&0);
        let both = old | mask;
        if both != old {
            masks.insert(b, both);
            if !g.blocks[b].visited {
                g.blocks[b].visited = true;
                stack.push(b);
            }
        }
    }
    fn scan(g: &mut Cfg, masks: &mut HashMap<usize, u64>, stack: &mut Vec<usize>, b: usize) {
        let mut unsafe_mask = *masks.get(&b).unwrap_or(&0);
        for i in 0..g.blocks[b].instrs.len() {
            let ins = g.blocks[b].instrs[i];
            if let Some(h) = ins.except {
                maybe_push(g, masks, stack, h, unsafe_mask);
            }
            if ins.arg >= 64 {
                continue;
            }
            let bit = 1u64 << ins.arg;
            match ins.op {
                Opcode::DELETE_FAST | Opcode::LOAD_FAST_AND_CLEAR | Opcode::STORE_FAST_MAYBE_NULL => unsafe_mask |= bit,
                Opcode::STORE_FAST | Opcode::LOAD_FAST_CHECK => unsafe_mask &= !bit,
                Opcode::LOAD_FAST => {
                    if unsafe_mask & bit != 0 {
                        g.blocks[b].instrs[i].op = Opcode::LOAD_FAST_CHECK;
                    }
                    unsafe_mask &= !bit;
                }
                _ => {}
            }
        }
        if g.blocks[b].has_fallthrough() {
            if let Some(nx) = g.blocks[b].next {
                maybe_push(g, masks, stack, nx, unsafe_mask);
            }
        }
        if let Some(last) = g.blocks[b].last().copied() {
            if is_jump(last.op) && last.target != NO_TARGET {
                maybe_push(g, masks, stack, last.target, unsafe_mask);
            }
        }
    }
    let mut start_mask = 0u64;
    for i in nparams..nlocals {
        start_mask |= 1u64 << i;
    }
    let entry = g.entry;
    maybe_push(g, &mut masks, &mut stack, entry, start_mask);
    for &b in &order {
        scan(g, &mut masks, &mut stack, b);
    }
    while let Some(b) = stack.pop() {
        g.blocks[b].visited = false;
        scan(g, &mut masks, &mut stack, b);
    }
}

fn mark_warm(g: &mut Cfg) {
    g.reset_visited();
    let mut stack = vec![g.entry];
    g.blocks[g.entry].visited = true;
    while let Some(b) = stack.pop() {
        g.blocks[b].warm = true;
        if g.blocks[b].has_fallthrough() {
            if let Some(nx) = g.blocks[b].next {
                if !g.blocks[nx].visited {
                    g.blocks[nx].visited = true;
                    stack.push(nx);
                }
            }
        }
        for i in 0..g.blocks[b].instrs.len() {
            let ins = g.blocks[b].instrs[i];
            if is_jump(ins.op) && !g.blocks[ins.target].visited {
                g.blocks[ins.target].visited = true;
                stack.push(ins.target);
            }
        }
    }
}

fn mark_cold(g: &mut Cfg) {
    mark_warm(g);
    g.reset_visited();
    let mut stack = Vec::new();
    for b in g.order() {
        if g.blocks[b].except_handler {
            stack.push(b);
            g.blocks[b].visited = true;
        }
    }
    while let Some(b) = stack.pop() {
        g.blocks[b].cold = true;
        if g.blocks[b].has_fallthrough() {
            if let Some(nx) = g.blocks[b].next {
                if !g.blocks[nx].warm && !g.blocks[nx].visited {
                    g.blocks[nx].visited = true;
                    stack.push(nx);
                }
            }
        }
        for i in 0..g.blocks[b].instrs.len() {
            let ins = g.blocks[b].instrs[i];
            if is_jump(ins.op) {
                let t = ins.target;
                if !g.blocks[t].warm && !g.blocks[t].visited {
                    g.blocks[t].visited = true;
                    stack.push(t);
                }
            }
        }
    }
}

fn push_cold_blocks_to_end(g: &mut Cfg) {
    if g.blocks[g.entry].next.is_none() {
        return;
    }
    mark_cold(g);
    for b in g.order() {
        if g.blocks[b].cold && g.blocks[b].has_fallthrough() {
            if let Some(nx) = g.blocks[b].next {
                if g.blocks[nx].warm {
                    let j = g.new_block();
                    let mut ins = Instr::new(Opcode::JUMP, 0, NO_LOC);
                    ins.target = nx;
                    g.blocks[j].instrs.push(ins);
                    g.blocks[j].cold = true;
                    g.blocks[j].next = Some(nx);
                    g.blocks[b].next = Some(j);
                }
            }
        }
    }
    let mut cold_head: Option<usize> = None;
    let mut cold_tail: Option<usize> = None;
    let mut b = g.entry;
    while let Some(_) = g.blocks[b].next {
        while let Some(nx) = g.blocks[b].next {
            if g.blocks[nx].cold {
                break;
            }
            b = nx;
        }
        let Some(start) = g.blocks[b].next else { break };
        let mut end = start;
        while let Some(nx) = g.blocks[end].next {
            if !g.blocks[nx].cold {
                break;
            }
            end = nx;
        }
        match cold_tail {
            None => cold_head = Some(start),
            Some(t) => g.blocks[t].next = Some(start),
        }
        cold_tail = Some(end);
        g.blocks[b].next = g.blocks[end].next;
        g.blocks[end].next = None;
    }
    g.blocks[b].next = cold_head;
    if cold_head.is_some() {
        remove_redundant_jumps(g);
    }
}

fn normalize_jumps(g: &mut Cfg) {
    g.reset_visited();
    for b in g.order() {
        g.blocks[b].visited = true;
        let Some(last) = g.blocks[b].last().copied() else { continue };
        if !is_jump(last.op) || is_unconditional_jump(last.op) {
            continue;
        }
        if !g.blocks[last.target].visited {
            continue;
        }
        let reversed = match last.op {
            Opcode::POP_JUMP_IF_NOT_NONE => Opcode::POP_JUMP_IF_NONE,
            Opcode::POP_JUMP_IF_NONE => Opcode::POP_JUMP_IF_NOT_NONE,
            Opcode::POP_JUMP_IF_FALSE => Opcode::POP_JUMP_IF_TRUE,
            Opcode::POP_JUMP_IF_TRUE => Opcode::POP_JUMP_IF_FALSE,
            _ => continue,
        };
        let j = g.new_block();
        let mut ins = Instr::new(Opcode::JUMP, 0, last.loc);
        ins.target = last.target;
        g.blocks[j].instrs.push(ins);
        g.blocks[j].cold = g.blocks[b].cold;
        g.blocks[j].next = g.blocks[b].next;
        let nx = g.blocks[b].next;
        let l = g.blocks[b].instrs.last_mut().unwrap();
        l.op = reversed;
        l.target = nx.unwrap_or(NO_TARGET);
        g.blocks[b].next = Some(j);
        // The new block is not yet visited: the loop reaches it next and skips it.
    }
}

fn is_exit_without_lineno(b: &Block) -> bool {
    b.exits_scope() && b.instrs.iter().all(|i| i.loc.line < 0)
}

fn resolve_line_numbers(g: &mut Cfg, firstlineno: i32) {
    // duplicate_exits_without_lineno
    for b in g.order() {
        let Some(last) = g.blocks[b].last().copied() else { continue };
        if is_jump(last.op) {
            let t = last.target;
            if is_exit_without_lineno(&g.blocks[t]) && g.blocks[t].predecessors > 1 {
                let nb = g.new_block();
                let mut copy = g.blocks[t].clone();
                copy.instrs[0].loc = last.loc;
                copy.predecessors = 1;
                copy.next = g.blocks[t].next;
                copy.has_label = true;
                g.blocks[nb] = copy;
                g.blocks[t].predecessors -= 1;
                g.blocks[t].next = Some(nb);
                g.blocks[b].instrs.last_mut().unwrap().target = nb;
            }
        }
    }
    for b in g.order() {
        if g.blocks[b].has_fallthrough() && !g.blocks[b].instrs.is_empty() {
            if let Some(nx) = g.blocks[b].next {
                if is_exit_without_lineno(&g.blocks[nx]) {
                    let loc = g.blocks[b].last().unwrap().loc;
                    g.blocks[nx].instrs[0].loc = loc;
                }
            }
        }
    }
    // propagate_line_numbers
    for b in g.order() {
        if g.blocks[b].instrs.is_empty() {
            continue;
        }
        let mut prev = NO_LOC;
        for ins in g.blocks[b].instrs.iter_mut() {
            if ins.loc.line < 0 {
                ins.loc = prev;
            } else {
                prev = ins.loc;
            }
        }
        if g.blocks[b].has_fallthrough() {
            if let Some(nx) = g.blocks[b].next {
                if g.blocks[nx].predecessors == 1 && !g.blocks[nx].instrs.is_empty() && g.blocks[nx].instrs[0].loc.line < 0 {
                    g.blocks[nx].instrs[0].loc = prev;
                }
            }
        }
        let last = *g.blocks[b].last().unwrap();
        if is_jump(last.op) {
            let t = last.target;
            if g.blocks[t].predecessors == 1 && !g.blocks[t].instrs.is_empty() && g.blocks[t].instrs[0].loc.line < 0 {
                g.blocks[t].instrs[0].loc = prev;
            }
        }
    }
    // guarantee_lineno_for_exits
    let mut lineno = firstlineno;
    for b in g.order() {
        let Some(last) = g.blocks[b].last().copied() else { continue };
        if last.loc.line < 0 {
            if last.op == Opcode::RETURN_VALUE {
                for ins in g.blocks[b].instrs.iter_mut() {
                    ins.loc.line = lineno;
                }
            }
        } else {
            lineno = last.loc.line;
        }
    }
}

/// `insert_prefix_instructions`: COPY_FREE_VARS, MAKE_CELLs, RETURN_GENERATOR + POP_TOP.
/// `cells` are (cell oparg, final localsplus index) pairs.
pub fn insert_prefix_instructions(g: &mut Cfg, firstlineno: i32, is_gen: bool, cells: &[(u32, u32)], nfree: u32) {
    let e = g.entry;
    if is_gen {
        let rg = Instr::new(Opcode::RETURN_GENERATOR, 0, Loc { line: firstlineno, end_line: firstlineno, col: -1, end_col: -1 });
        g.blocks[e].instrs.insert(0, rg);
        g.blocks[e].instrs.insert(1, Instr::new(Opcode::POP_TOP, 0, NO_LOC));
    }
    let mut sorted: Vec<(u32, u32)> = cells.to_vec();
    sorted.sort_by_key(|c| c.1);
    for (n, (arg, _)) in sorted.iter().enumerate() {
        g.blocks[e].instrs.insert(n, Instr::new(Opcode::MAKE_CELL, *arg, NO_LOC));
    }
    if nfree > 0 {
        g.blocks[e].instrs.insert(0, Instr::new(Opcode::COPY_FREE_VARS, nfree, NO_LOC));
    }
}

/// `_PyCfg_Stackdepth`.
pub fn stackdepth(g: &mut Cfg, is_gen: bool) -> Result<u32, String> {
    for b in g.blocks.iter_mut() {
        b.start_depth = i32::MIN;
    }
    let mut stack: Vec<usize> = Vec::new();
    let mut maxdepth = 0;
    let push = |g: &mut Cfg, stack: &mut Vec<usize>, b: usize, depth: i32| -> Result<(), String> {
        if g.blocks[b].start_depth < depth && g.blocks[b].start_depth != i32::MIN {
            return Err("invalid stack depth".into());
        }
        if g.blocks[b].start_depth == i32::MIN {
            g.blocks[b].start_depth = depth;
            stack.push(b);
        }
        Ok(())
    };
    push(g, &mut stack, g.entry, if is_gen { 1 } else { 0 })?;
    while let Some(b) = stack.pop() {
        let mut depth = g.blocks[b].start_depth;
        let mut next = g.blocks[b].next;
        for i in 0..g.blocks[b].instrs.len() {
            let ins = g.blocks[b].instrs[i];
            let effect = ins.op.stack_effect(ins.arg, false);
            let new_depth = depth + effect;
            if new_depth < 0 {
                return Err(format!("negative stack depth at {}", ins.op.name()));
            }
            maxdepth = maxdepth.max(new_depth);
            if has_target(ins.op) {
                let te = ins.op.stack_effect(ins.arg, true);
                let td = depth + te;
                maxdepth = maxdepth.max(td);
                push(g, &mut stack, ins.target, td)?;
            }
            depth = new_depth;
            if is_unconditional_jump(ins.op) || is_scope_exit(ins.op) {
                next = None;
                break;
            }
        }
        if let Some(nx) = next {
            push(g, &mut stack, nx, depth)?;
        }
    }
    Ok(maxdepth as u32)
}

/// `_PyCfg_ConvertPseudoOps` plus the NOP cleanup that follows it.
pub fn convert_pseudo_ops(g: &mut Cfg) {
    for b in g.order() {
        for ins in g.blocks[b].instrs.iter_mut() {
            match ins.op {
                Opcode::SETUP_FINALLY | Opcode::SETUP_CLEANUP | Opcode::SETUP_WITH | Opcode::POP_BLOCK => {
                    ins.set_nop();
                }
                Opcode::STORE_FAST_MAYBE_NULL => ins.op = Opcode::STORE_FAST,
                _ => {}
            }
        }
    }
    for b in g.order() {
        remove_redundant_nops(g, b);
    }
}
