//! From an optimised flow graph to a `CodeObject` (CPython: `Python/assemble.c` and the
//! assembly half of `optimize_and_assemble_code_unit` in `Python/compile.c`).
//!
//! Lays out the blocks, lowers pseudo-ops, resolves relative jumps (adding `EXTENDED_ARG`s until
//! sizes are stable), writes inline-cache units, the exception table, per-unit locations,
//! `co_flags` and the localsplus names and kinds.

use pyrite_bytecode::code::{flags, local_kind};
use pyrite_bytecode::{CodeObject, ExceptionTableEntry, Location, Opcode};

use crate::codegen::{ScopeType, Unit};
use crate::flowgraph::{self, Cfg, Instr, Loc, UnitInfo, NO_TARGET};

fn compute_flags(u: &Unit) -> u32 {
    let ste = &u.ste;
    let mut f = 0;
    if ste.is_function_like() {
        f |= flags::NEWLOCALS | flags::OPTIMIZED;
        if ste.nested {
            f |= flags::NESTED;
        }
        if ste.is_generator && !ste.is_coroutine {
            f |= flags::GENERATOR;
        }
        if !ste.is_generator && ste.is_coroutine {
            f |= flags::COROUTINE;
        }
        if ste.is_generator && ste.is_coroutine {
            f |= flags::ASYNC_GENERATOR;
        }
        if ste.has_varargs {
            f |= flags::VARARGS;
        }
        if ste.has_varkw {
            f |= flags::VARKEYWORDS;
        }
    }
    f
}

fn to_location(l: Loc) -> Location {
    if l.line < 0 {
        return Location::default();
    }
    Location {
        line: l.line as u32,
        end_line: l.end_line.max(0) as u32,
        col: l.col.max(0) as u32,
        end_col: l.end_col.max(0) as u32,
    }
}

fn is_deref_op(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::MAKE_CELL
            | Opcode::LOAD_CLOSURE
            | Opcode::LOAD_DEREF
            | Opcode::STORE_DEREF
            | Opcode::DELETE_DEREF
            | Opcode::LOAD_FROM_DICT_OR_DEREF
    )
}

fn units_for_arg(arg: u32) -> usize {
    if arg > 0xff_ffff {
        4
    } else if arg > 0xffff {
        3
    } else if arg > 0xff {
        2
    } else {
        1
    }
}

/// Optimise, lay out and encode one compilation unit.
pub fn assemble_unit(mut u: Unit, filename: &str) -> Result<CodeObject, String> {
    let code_flags = compute_flags(&u);
    let is_gen = code_flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0;
    let mut g = Cfg::from_seq(&u.seq);
    let info = UnitInfo { nlocals: u.varnames.len(), nparams: u.ste.varnames.len(), firstlineno: u.firstlineno };
    flowgraph::optimize_code_unit(&mut g, &mut u.consts, &info);

    // prepare_localsplus: cell and free offsets.
    let nlocals = u.varnames.len();
    let ncells = u.cellvars.len();
    let mut cell_fixed: Vec<u32> = Vec::with_capacity(ncells + u.freevars.len());
    let mut extra = 0u32;
    for c in &u.cellvars {
        match u.varnames.iter().position(|v| v == c) {
            Some(i) => cell_fixed.push(i as u32),
            None => {
                cell_fixed.push(nlocals as u32 + extra);
                extra += 1;
            }
        }
    }
    let ncells_extra = extra;
    for i in 0..u.freevars.len() {
        cell_fixed.push(nlocals as u32 + ncells_extra + i as u32);
    }
    let cells: Vec<(u32, u32)> = (0..ncells).map(|i| (i as u32, cell_fixed[i])).collect();
    flowgraph::insert_prefix_instructions(&mut g, u.firstlineno, is_gen, &cells, u.freevars.len() as u32);
    for b in g.blocks.iter_mut() {
        for ins in b.instrs.iter_mut() {
            if is_deref_op(ins.op) {
                ins.arg = *cell_fixed.get(ins.arg as usize).ok_or("bad cell index")?;
            }
        }
    }
    let stacksize = flowgraph::stackdepth(&mut g, is_gen)?;
    flowgraph::convert_pseudo_ops(&mut g);

    // Layout and jump resolution.
    let order = g.order();
    let mut instrs: Vec<(Instr, usize)> = Vec::new(); // (instr, block)
    let mut block_start: Vec<usize> = vec![0; g.blocks.len()];
    for &b in &order {
        block_start[b] = instrs.len();
        for ins in &g.blocks[b].instrs {
            instrs.push((*ins, b));
        }
    }
    // Pseudo jumps become real ones by direction; sizes iterate until stable.
    let n = instrs.len();
    let mut sizes: Vec<usize> = vec![1; n];
    let mut offsets: Vec<usize> = vec![0; n + 1];
    let mut args: Vec<u32> = instrs.iter().map(|(i, _)| i.arg).collect();
    let mut ops: Vec<Opcode> = instrs.iter().map(|(i, _)| i.op).collect();
    loop {
        let mut off = 0;
        for k in 0..n {
            offsets[k] = off;
            off += sizes[k] - 1 + 1 + ops[k].cache_entries();
        }
        offsets[n] = off;
        let mut changed = false;
        for k in 0..n {
            let (ins, _) = instrs[k];
            if flowgraph::has_target(ins.op) && ins.target != NO_TARGET {
                let tgt = offsets[block_start[ins.target]];
                let end_of_instr = offsets[k] + sizes[k] + ops[k].cache_entries();
                let backward = tgt < end_of_instr;
                let op = match ins.op {
                    Opcode::JUMP => {
                        if backward {
                            Opcode::JUMP_BACKWARD
                        } else {
                            Opcode::JUMP_FORWARD
                        }
                    }
                    Opcode::JUMP_NO_INTERRUPT => {
                        if backward {
                            Opcode::JUMP_BACKWARD_NO_INTERRUPT
                        } else {
                            Opcode::JUMP_FORWARD
                        }
                    }
                    o => o,
                };
                ops[k] = op;
                let end = offsets[k] + sizes[k] + op.cache_entries();
                let arg = if op.is_backward_jump() {
                    (end as i64 - tgt as i64) as u32
                } else {
                    if tgt < end {
                        return Err(format!("backward {} jump", op.name()));
                    }
                    (tgt - end) as u32
                };
                args[k] = arg;
            }
            let want = units_for_arg(args[k]);
            if want != sizes[k] {
                sizes[k] = want;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    // Emit code units, locations, exception table.
    let mut code: Vec<u16> = Vec::with_capacity(offsets[n]);
    let mut locations: Vec<Location> = Vec::with_capacity(offsets[n]);
    for k in 0..n {
        let (ins, _) = instrs[k];
        let op = ops[k];
        let arg = args[k];
        let loc = to_location(ins.loc);
        for s in (1..sizes[k]).rev() {
            let byte = ((arg >> (8 * s)) & 0xff) as u16;
            code.push(Opcode::EXTENDED_ARG as u16 | (byte << 8));
            locations.push(loc);
        }
        let low = if op.has_arg() || sizes[k] > 1 { (arg & 0xff) as u16 } else { 0 };
        code.push((op as u16 & 0xff) | (low << 8));
        locations.push(loc);
        for _ in 0..op.cache_entries() {
            code.push(0);
            locations.push(loc);
        }
    }
    let mut table: Vec<ExceptionTableEntry> = Vec::new();
    let mut cur: Option<usize> = None;
    let mut start = 0usize;
    for k in 0..=n {
        let h = if k < n { instrs[k].0.except } else { None };
        if k == n || h != cur {
            if let Some(hb) = cur {
                let blk = &g.blocks[hb];
                let lasti = blk.preserve_lasti;
                let depth = blk.start_depth - 1 - lasti as i32;
                table.push(ExceptionTableEntry {
                    start: start as u32,
                    end: offsets[k] as u32,
                    target: offsets[block_start[hb]] as u32,
                    depth: depth.max(0) as u32,
                    lasti,
                });
            }
            start = offsets[k.min(n)];
            cur = h;
        }
    }

    // localsplus names and kinds.
    let mut names: Vec<String> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    for v in &u.varnames {
        let mut k = local_kind::LOCAL;
        if u.cellvars.contains(v) {
            k |= local_kind::CELL;
        }
        if u.fasthidden.contains_key(v) {
            k |= local_kind::HIDDEN;
        }
        names.push(v.clone());
        kinds.push(k);
    }
    for c in &u.cellvars {
        if !u.varnames.contains(c) {
            names.push(c.clone());
            kinds.push(local_kind::CELL);
        }
    }
    for f in &u.freevars {
        names.push(f.clone());
        kinds.push(local_kind::FREE);
    }

    let _ = ScopeType::Module;
    Ok(CodeObject {
        name: u.name.clone(),
        qualname: u.qualname.clone(),
        filename: filename.to_string(),
        firstlineno: u.firstlineno.max(1) as u32,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags: code_flags,
        stacksize,
        code,
        consts: u.consts,
        names: u.names,
        localsplusnames: names,
        localspluskinds: kinds,
        exception_table: table,
        locations,
    })
}
