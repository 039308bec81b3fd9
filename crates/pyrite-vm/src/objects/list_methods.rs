//! The methods of `list`, slice assignment and `list.sort`'s timsort (CPython: `Objects/listobject.c`,
//! `Objects/listsort.txt`).

use crate::object::Value;
use crate::objects::list::{list_data, new_list, ListData};
use crate::objects::slice::SliceData;
use crate::objects::{exceptions, none, str as pystr, tuple};
use crate::protocols::args::{Param, Spec};
use crate::typeobj::{CompareOp, MethodDef, MethodKind};
use crate::vm::{PyResult, Vm};

fn this(args: &[Value]) -> &ListData {
    list_data(&args[0]).expect("list method called on a list")
}

/// `PySequence_Fast`: the items of a list or tuple, or of any iterable; a non-iterable gets
/// the TypeError `msg`.
pub fn sequence_fast(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Vec<Value>> {
    if let Some(l) = list_data(v) {
        return Ok(l.snapshot());
    }
    if let Some(items) = tuple::try_items(v) {
        return Ok(items.to_vec());
    }
    let it = match crate::protocols::iter::get_iter(vm, v) {
        Ok(it) => it,
        Err(e) if e.matches(exceptions::type_error()) => return Err(vm.type_error(msg)),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = crate::protocols::iter::next(vm, &it)? {
        out.push(x);
    }
    Ok(out)
}

/// An `__index__` argument as isize (`Py_ssize_t` conversion: OverflowError when too big).
pub fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as isize);
    }
    let iv = crate::protocols::number::index(vm, v)?;
    match crate::objects::int::as_int(&iv).and_then(|r| r.to_i64()) {
        Some(i) => Ok(i as isize),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

pub(crate) fn list_append(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let x = Spec::one("list.append").arg(vm, &args[1..], kwnames)?;
    this(args).push(x.clone());
    Ok(none::none())
}

fn list_extend(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let x = Spec::one("list.extend").arg(vm, &args[1..], kwnames)?;
    let items = if let Some(l) = list_data(x) {
        l.snapshot()
    } else if let Some(t) = tuple::try_items(x) {
        t.to_vec()
    } else {
        let it = crate::protocols::iter::get_iter(vm, x)?;
        // Append as we go, as CPython does (the list may be observed mid-extend).
        while let Some(v) = crate::protocols::iter::next(vm, &it)? {
            this(args).push(v);
        }
        return Ok(none::none());
    };
    this(args).extend(items);
    Ok(none::none())
}

fn list_insert(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const INSERT: Spec = Spec::positional("list.insert", &[Param::pos("index"), Param::pos("object")]);
    let rest = INSERT.check(vm, &args[1..], kwnames)?;
    let i = ssize_arg(vm, &rest[0])?;
    let d = this(args);
    let n = d.len() as isize;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let item = rest[1].clone();
    d.with_vec(|v| v.insert(pos, item));
    Ok(none::none())
}

fn list_pop(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const POP: Spec = Spec::positional("list.pop", &[Param::pos_opt("index")]);
    let rest = POP.check(vm, &args[1..], kwnames)?;
    let i = match rest.first() {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let d = this(args);
    let n = d.len() as isize;
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(d.with_vec(|v| v.remove(j as usize)))
}

fn list_remove(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let x = Spec::one("list.remove").arg(vm, &args[1..], kwnames)?.clone();
    let d = this(args);
    let mut i = 0;
    while let Some(item) = d.get(i) {
        if crate::protocols::object::eq(vm, &item, &x)? {
            // The list may have changed during `__eq__`; remove only if still in range.
            if i < d.len() {
                let old = d.with_vec(|v| v.remove(i));
                drop(old);
            }
            return Ok(none::none());
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const INDEX: Spec = Spec::positional("list.index", &[Param::pos("value"), Param::pos_opt("start"), Param::pos_opt("stop")]);
    let rest = INDEX.check(vm, &args[1..], kwnames)?;
    let x = rest[0].clone();
    let d = this(args);
    let (start, stop) = crate::objects::list::start_stop_args(vm, &rest[1..], d.len())?;
    let mut i = start;
    while i < stop {
        let Some(item) = d.get(i) else { break };
        if crate::protocols::object::eq(vm, &item, &x)? {
            return Ok(Value::int(i as i64));
        }
        i += 1;
    }
    let r = crate::protocols::object::repr_string(vm, &x)?;
    Err(vm.value_error(format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let x = Spec::one("list.count").arg(vm, &args[1..], kwnames)?.clone();
    let d = this(args);
    let mut n = 0i64;
    let mut i = 0;
    while let Some(item) = d.get(i) {
        if crate::protocols::object::eq(vm, &item, &x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::int(n))
}

fn list_clear(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("list.clear").check(vm, &args[1..], kwnames)?;
    this(args).replace(Vec::new());
    Ok(none::none())
}

fn list_copy(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("list.copy").check(vm, &args[1..], kwnames)?;
    Ok(new_list(this(args).snapshot()))
}

fn list_reverse(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("list.reverse").check(vm, &args[1..], kwnames)?;
    this(args).with_vec(|v| v.reverse());
    Ok(none::none())
}

fn list_reversed(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("list.__reversed__").check(vm, &args[1..], kwnames)?;
    Ok(crate::objects::iter::new_list_reverse_iterator(args[0].clone()))
}

// ----- sort ------------------------------------------------------------------------------

/// What every sort key is, found by one scan before sorting (CPython's `unsafe_*_compare`
/// selection in `list_sort_impl`): keys of one exact built-in type compare without the
/// rich-comparison protocol, with the same results.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    /// Anything: `<` through the protocol.
    Generic,
    SmallInt,
    /// Exact strs: code-point order, which is UTF-8 byte order.
    Str,
    Float,
    /// Exact tuples whose first items are all of the given (non-tuple) kind.
    Tuple(ElemKind),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ElemKind {
    Generic,
    SmallInt,
    Str,
    Float,
}

fn elem_kind(v: &Value) -> ElemKind {
    if v.is_small_int() {
        ElemKind::SmallInt
    } else if std::ptr::eq(v.ty(), &pystr::STR_TYPE.0) {
        ElemKind::Str
    } else if crate::objects::float::exact_float(v).is_some() {
        ElemKind::Float
    } else {
        ElemKind::Generic
    }
}

fn key_kind(keys: &[Value]) -> KeyKind {
    let Some(first) = keys.first() else { return KeyKind::Generic };
    if let Some(t) = first.downcast_exact::<tuple::TupleData>() {
        let Some(head) = t.items().first() else { return KeyKind::Generic };
        let kind = elem_kind(head);
        let same = keys.iter().all(|k| match k.downcast_exact::<tuple::TupleData>() {
            Some(t) => t.items().first().map(|h| elem_kind(h) == kind).unwrap_or(false),
            None => false,
        });
        return if same { KeyKind::Tuple(kind) } else { KeyKind::Generic };
    }
    let kind = elem_kind(first);
    if kind == ElemKind::Generic || !keys.iter().all(|k| elem_kind(k) == kind) {
        return KeyKind::Generic;
    }
    match kind {
        ElemKind::SmallInt => KeyKind::SmallInt,
        ElemKind::Str => KeyKind::Str,
        _ => KeyKind::Float,
    }
}

/// `a < b` for two keys of the known kind `kind`.
#[inline]
fn elem_lt(kind: ElemKind, a: &Value, b: &Value) -> Option<bool> {
    match kind {
        ElemKind::SmallInt => Some(a.as_small_int()? < b.as_small_int()?),
        ElemKind::Str => Some(pystr::str_lt(a, b)),
        ElemKind::Float => Some(crate::objects::float::exact_float(a)? < crate::objects::float::exact_float(b)?),
        ElemKind::Generic => None,
    }
}

#[inline]
fn elem_eq(kind: ElemKind, a: &Value, b: &Value) -> Option<bool> {
    match kind {
        ElemKind::SmallInt => Some(a.as_small_int()? == b.as_small_int()?),
        ElemKind::Str => Some(pystr::str_eq(a, b)),
        ElemKind::Float => Some(crate::objects::float::exact_float(a)? == crate::objects::float::exact_float(b)?),
        ElemKind::Generic => None,
    }
}

fn lt(vm: &mut Vm, kind: KeyKind, a: &Value, b: &Value) -> PyResult<bool> {
    use crate::protocols::object::richcompare_bool;
    match kind {
        KeyKind::SmallInt => {
            if let Some(r) = elem_lt(ElemKind::SmallInt, a, b) {
                return Ok(r);
            }
        }
        KeyKind::Str => return Ok(pystr::str_lt(a, b)),
        KeyKind::Float => {
            if let Some(r) = elem_lt(ElemKind::Float, a, b) {
                return Ok(r);
            }
        }
        KeyKind::Tuple(head) => {
            // CPython's unsafe_tuple_compare: skip equal leading items, then compare the first
            // differing pair (the first items with the typed comparison).
            let (x, y) = (tuple::items(a), tuple::items(b));
            let n = x.len().min(y.len());
            let mut i = 0;
            while i < n {
                let equal = if i == 0 {
                    match elem_eq(head, &x[0], &y[0]) {
                        Some(e) => e,
                        None => x[0].is(&y[0]) || richcompare_bool(vm, &x[0], &y[0], CompareOp::Eq)?,
                    }
                } else if x[i].is(&y[i]) {
                    true
                } else if let Some(order) = crate::protocols::object::fast_ordering(&x[i], &y[i]) {
                    // Built-in items with a total order: one comparison settles it.
                    if order != std::cmp::Ordering::Equal {
                        return Ok(order == std::cmp::Ordering::Less);
                    }
                    true
                } else {
                    richcompare_bool(vm, &x[i], &y[i], CompareOp::Eq)?
                };
                if !equal {
                    break;
                }
                i += 1;
            }
            if i >= n {
                return Ok(x.len() < y.len());
            }
            if i == 0 {
                if let Some(r) = elem_lt(head, &x[0], &y[0]) {
                    return Ok(r);
                }
            }
            return richcompare_bool(vm, &x[i], &y[i], CompareOp::Lt);
        }
        KeyKind::Generic => {
            if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                return Ok(x < y);
            }
        }
    }
    richcompare_bool(vm, a, b, CompareOp::Lt)
}

/// What the sort moves: a key (borrowed, so that comparisons read it without going through
/// an index into the key array) and the index of its item.
type SortItem<'k> = (&'k Value, usize);

/// timsort's `count_run` (3.12): the length of the run starting at `lo`, and whether it is
/// strictly descending.
fn count_run(vm: &mut Vm, kind: KeyKind, perm: &[SortItem], lo: usize, hi: usize) -> PyResult<(usize, bool)> {
    if lo + 1 >= hi {
        return Ok((hi - lo, false));
    }
    let mut n = 2;
    let mut p = lo + 1;
    if lt(vm, kind, perm[p].0, perm[p - 1].0)? {
        p += 1;
        while p < hi {
            if !lt(vm, kind, perm[p].0, perm[p - 1].0)? {
                break;
            }
            p += 1;
            n += 1;
        }
        Ok((n, true))
    } else {
        p += 1;
        while p < hi {
            if lt(vm, kind, perm[p].0, perm[p - 1].0)? {
                break;
            }
            p += 1;
            n += 1;
        }
        Ok((n, false))
    }
}

/// timsort's `binarysort`: `perm[lo..start]` is sorted; insert the rest of `perm[..hi]`.
/// On error `perm` stays a permutation.
fn binary_sort(vm: &mut Vm, kind: KeyKind, perm: &mut [SortItem], lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
    if lo == start {
        start += 1;
    }
    while start < hi {
        let pivot = perm[start];
        let (mut l, mut r) = (lo, start);
        while l < r {
            let p = l + ((r - l) >> 1);
            if lt(vm, kind, pivot.0, perm[p].0)? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        perm[l..=start].rotate_right(1);
        start += 1;
    }
    Ok(())
}

/// timsort's `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Stable merge of `perm[lo..mid]` and `perm[mid..hi]`; on error `perm` stays a permutation.
fn merge(vm: &mut Vm, kind: KeyKind, perm: &mut [SortItem], lo: usize, mid: usize, hi: usize) -> PyResult<()> {
    let left: Vec<SortItem> = perm[lo..mid].to_vec();
    let (mut i, mut j, mut k) = (0, mid, lo);
    while i < left.len() && j < hi {
        match lt(vm, kind, perm[j].0, left[i].0) {
            Ok(true) => {
                perm[k] = perm[j];
                j += 1;
            }
            Ok(false) => {
                perm[k] = left[i];
                i += 1;
            }
            Err(e) => {
                perm[k..k + left.len() - i].copy_from_slice(&left[i..]);
                return Err(e);
            }
        }
        k += 1;
    }
    let rest = &left[i..];
    perm[k..k + rest.len()].copy_from_slice(rest);
    Ok(())
}

/// Sort the permutation `perm` of `keys` stably by `<`. For fewer than 64 items this makes
/// exactly CPython's comparisons (one run, then binary insertion); longer lists are split
/// into CPython's runs and merged pairwise.
fn timsort(vm: &mut Vm, kind: KeyKind, perm: &mut [SortItem]) -> PyResult<()> {
    let n = perm.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = compute_minrun(n);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let (mut len, desc) = count_run(vm, kind, perm, lo, n)?;
        if desc {
            perm[lo..lo + len].reverse();
        }
        if len < minrun {
            let force = minrun.min(n - lo);
            binary_sort(vm, kind, perm, lo, lo + force, lo + len)?;
            len = force;
        }
        runs.push((lo, lo + len));
        lo += len;
    }
    while runs.len() > 1 {
        let mut next = Vec::with_capacity(runs.len() / 2 + 1);
        let mut i = 0;
        while i + 1 < runs.len() {
            let (a, m) = runs[i];
            let (_, b) = runs[i + 1];
            merge(vm, kind, perm, a, m, b)?;
            next.push((a, b));
            i += 2;
        }
        if i < runs.len() {
            next.push(runs[i]);
        }
        runs = next;
    }
    Ok(())
}

fn list_sort(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const SORT: Spec = Spec::keywords("sort", &[Param::kw_opt("key"), Param::kw_opt("reverse")]);
    let [key, reverse] = SORT.parse(vm, &args[1..], kwnames)?;
    let key = key.filter(|k| !none::is_none(k)).cloned();
    let reverse = match reverse {
        Some(r) => crate::protocols::object::is_true(vm, r)?,
        None => false,
    };
    let d = this(args);
    // Take the items out: during the sort the list looks empty, as in CPython.
    let mut values = d.take_replace(Vec::new());
    let keys: Vec<Value> = match &key {
        None => Vec::new(),
        Some(f) => {
            let mut ks = Vec::with_capacity(values.len());
            for v in &values {
                match crate::protocols::call::call(vm, f, std::slice::from_ref(v), None) {
                    Ok(k) => ks.push(k),
                    Err(e) => {
                        let added = d.take_replace(values);
                        drop(added);
                        return Err(e);
                    }
                }
            }
            ks
        }
    };
    let mut sort_error = None;
    let order: Vec<usize> = {
        let key_slice: &[Value] = if key.is_some() { &keys } else { &values };
        let mut perm: Vec<SortItem> = key_slice.iter().zip(0..).collect();
        if reverse {
            perm.reverse();
        }
        let result = timsort(vm, key_kind(key_slice), &mut perm);
        if reverse {
            perm.reverse();
        }
        if let Err(e) = result {
            sort_error = Some(e);
        }
        perm.iter().map(|&(_, i)| i).collect()
    };
    // Apply the permutation (complete even after an error: the list keeps the partial order).
    let mut slots: Vec<Option<Value>> = values.drain(..).map(Some).collect();
    let sorted: Vec<Value> = order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)).collect();
    let modified = d.with_vec(|cur| !cur.is_empty() || cur.capacity() != 0);
    let added = d.take_replace(sorted);
    drop(added);
    drop(keys);
    if let Some(e) = sort_error {
        return Err(e);
    }
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(none::none())
}

// ----- slice assignment ------------------------------------------------------------------

/// `list[slice] = value` (`value` Some) or `del list[slice]` (`value` None), including
/// extended slices (CPython's `list_ass_subscript`).
pub fn set_slice(vm: &mut Vm, list: &Value, slice: &SliceData, value: Option<&Value>) -> PyResult<()> {
    let len = list_data(list).map(|d| d.len()).unwrap_or(0);
    let (start, stop, step) = slice.unpack(vm)?;
    let (mut start, mut stop) = (start, stop);
    // The length may have changed while `__index__` ran: use the current one.
    let len = list_data(list).map(|d| d.len()).unwrap_or(len);
    let slicelen = crate::objects::slice::adjust_indices(len as isize, &mut start, &mut stop, step);
    if step == 1 {
        let items = match value {
            None => Vec::new(),
            Some(v) if v.is(list) => list_data(list).map(|d| d.snapshot()).unwrap_or_default(),
            Some(v) => sequence_fast(vm, v, "can only assign an iterable")?,
        };
        let d = list_data(list).expect("list");
        let n = d.len();
        let lo = (start.max(0) as usize).min(n);
        let hi = (stop.max(start).max(0) as usize).min(n).max(lo);
        let removed: Vec<Value> = d.with_vec(|v| v.splice(lo..hi, items).collect());
        drop(removed);
        return Ok(());
    }
    let indices: Vec<usize> = (0..slicelen).map(|k| (start + k as isize * step) as usize).collect();
    match value {
        None => {
            let d = list_data(list).expect("list");
            let mut remove = vec![false; d.len()];
            for &i in &indices {
                if let Some(r) = remove.get_mut(i) {
                    *r = true;
                }
            }
            let old = d.take_replace(Vec::new());
            let mut kept = Vec::with_capacity(old.len());
            let mut dropped = Vec::new();
            for (i, v) in old.into_iter().enumerate() {
                if remove.get(i).copied().unwrap_or(false) {
                    dropped.push(v);
                } else {
                    kept.push(v);
                }
            }
            let added = d.take_replace(kept);
            drop(added);
            drop(dropped);
            Ok(())
        }
        Some(v) => {
            let items = if v.is(list) {
                list_data(list).map(|d| d.snapshot()).unwrap_or_default()
            } else {
                sequence_fast(vm, v, "must assign iterable to extended slice")?
            };
            if items.len() != slicelen {
                return Err(vm.value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    items.len(),
                    slicelen
                )));
            }
            let d = list_data(list).expect("list");
            let old: Vec<Value> = d.with_vec(|vec| {
                let mut old = Vec::with_capacity(items.len());
                for (&i, item) in indices.iter().zip(items) {
                    if let Some(slot) = vec.get_mut(i) {
                        old.push(std::mem::replace(slot, item));
                    }
                }
                old
            });
            drop(old);
            Ok(())
        }
    }
}

pub static LIST_METHODS: &[MethodDef] = &[
    MethodDef { name: "append", func: list_append, kind: MethodKind::Instance, doc: "Append object to the end of the list." },
    MethodDef { name: "extend", func: list_extend, kind: MethodKind::Instance, doc: "Extend list by appending elements from the iterable." },
    MethodDef { name: "insert", func: list_insert, kind: MethodKind::Instance, doc: "Insert object before index." },
    MethodDef { name: "pop", func: list_pop, kind: MethodKind::Instance, doc: "Remove and return item at index (default last)." },
    MethodDef { name: "remove", func: list_remove, kind: MethodKind::Instance, doc: "Remove first occurrence of value." },
    MethodDef { name: "index", func: list_index, kind: MethodKind::Instance, doc: "Return first index of value." },
    MethodDef { name: "count", func: list_count, kind: MethodKind::Instance, doc: "Return number of occurrences of value." },
    MethodDef { name: "clear", func: list_clear, kind: MethodKind::Instance, doc: "Remove all items from list." },
    MethodDef { name: "copy", func: list_copy, kind: MethodKind::Instance, doc: "Return a shallow copy of the list." },
    MethodDef { name: "reverse", func: list_reverse, kind: MethodKind::Instance, doc: "Reverse *IN PLACE*." },
    MethodDef { name: "sort", func: list_sort, kind: MethodKind::Instance, doc: "Sort the list in ascending order and return None." },
    MethodDef { name: "__reversed__", func: list_reversed, kind: MethodKind::Instance, doc: "Return a reverse iterator over the list." },
];

#[cfg(test)]
mod tests {
    use super::compute_minrun;

    #[test]
    fn minrun_matches_cpython() {
        assert_eq!(compute_minrun(63), 63);
        assert_eq!(compute_minrun(64), 32);
        assert_eq!(compute_minrun(65), 33);
        assert_eq!(compute_minrun(2112), 33);
    }
}
