//! Inline caches in the bytecode's CACHE units (CPython: `Include/internal/pycore_code.h`
//! `_PyLoadGlobalCache`, `_PyAttrCache`...). The generic instructions remember where they found
//! a name last time and revalidate cheaply; a failed check just falls back to the full lookup.
//!
//! Layouts (16-bit units after the instruction):
//! * LOAD_GLOBAL (4 units): `[0..2)` = entry index + 1 in globals, or `1 << 31 | index + 1` in
//!   builtins. A builtins hit is valid only while globals lacks the name.
//! * LOAD_ATTR (9 units): `[0..2)` type version tag; attribute form: `[2..4)` index + 1 in the
//!   instance `__dict__`; method form: `[2..6)` the method found on the type (borrowed: the
//!   type's dict keeps it alive while the tag is unchanged, and tags are never reused).

use crate::object::{ObjHeader, Value};
use crate::objects::{dict, function};
use crate::vm::{PyResult, Vm};

const BUILTINS_BIT: u32 = 1 << 31;

#[inline(always)]
unsafe fn read_u32(c: *const u16) -> u32 {
    *c as u32 | (*c.add(1) as u32) << 16
}

#[inline(always)]
unsafe fn write_u32(c: *mut u16, v: u32) {
    *c = v as u16;
    *c.add(1) = (v >> 16) as u16;
}

#[inline(always)]
unsafe fn read_ptr(c: *const u16) -> *const ObjHeader {
    (read_u32(c) as u64 | (read_u32(c.add(2)) as u64) << 32) as usize as *const ObjHeader
}

#[inline(always)]
unsafe fn write_ptr(c: *mut u16, p: *const ObjHeader) {
    let v = p as usize as u64;
    write_u32(c, v as u32);
    write_u32(c.add(2), (v >> 32) as u32);
}

/// LOAD_GLOBAL: `Some(value)`, or `None` if the name is in neither namespace.
///
/// # Safety
/// `c` points at the instruction's 4 cache units.
#[inline]
pub unsafe fn load_global(globals: &Value, builtins: &Value, name: &Value, c: *mut u16) -> Option<Value> {
    let g = dict::dict_data(globals)?;
    let cached = read_u32(c);
    if cached != 0 {
        let index = ((cached & !BUILTINS_BIT) - 1) as usize;
        if cached & BUILTINS_BIT == 0 {
            if let Some(v) = g.value_at_if_key(index, name) {
                return Some(v);
            }
        } else if let Some(b) = dict::dict_data(builtins) {
            if let Some(v) = b.value_at_if_key(index, name) {
                if g.get_str(name).is_none() {
                    return Some(v);
                }
            }
        }
    }
    if let Some((i, v)) = g.get_str_index(name) {
        if i < (BUILTINS_BIT - 1) as usize {
            write_u32(c, i as u32 + 1);
        }
        return Some(v);
    }
    let (i, v) = dict::dict_data(builtins)?.get_str_index(name)?;
    if i < (BUILTINS_BIT - 1) as usize {
        write_u32(c, BUILTINS_BIT | (i as u32 + 1));
    }
    Some(v)
}

/// Is attribute access on `ty` the generic algorithm (no `__getattribute__`/`__getattr__`)?
#[inline(always)]
fn generic_getattro(ty: &crate::typeobj::PyType) -> bool {
    ty.slots.getattro.get().map(|f| f as usize == crate::objects::object::generic_getattr as usize).unwrap_or(false)
}

/// LOAD_ATTR, attribute form.
///
/// # Safety
/// `c` points at the instruction's 9 cache units.
#[inline]
pub unsafe fn load_attr(vm: &mut Vm, owner: &Value, name: &Value, c: *mut u16) -> PyResult<Value> {
    if let Some(h) = owner.header() {
        let ty = h.ty();
        let tag = ty.version_tag.get();
        if read_u32(c) == tag && generic_getattro(ty) {
            let index = read_u32(c.add(2));
            if index != 0 {
                if let Some(cell) = crate::typeobj::instance_dict_cell(owner) {
                    if let Some(d) = &*cell.get() {
                        if let Some(v) = dict::dict_data(d).and_then(|dd| dd.value_at_if_key(index as usize - 1, name)) {
                            return Ok(v);
                        }
                    }
                }
            }
        }
        let v = crate::protocols::object::getattr(vm, owner, name)?;
        // Remember instance-dict hits when no data descriptor on the type could shadow them.
        if generic_getattro(ty) {
            let shadowed = ty.lookup(name).map(|d| d.ty().slots.descr_set.get().is_some()).unwrap_or(false);
            if !shadowed {
                if let Some(cell) = crate::typeobj::instance_dict_cell(owner) {
                    if let Some(d) = &*cell.get() {
                        if let Some((i, _)) = dict::dict_data(d).and_then(|dd| dd.get_str_index(name)) {
                            if i < u32::MAX as usize {
                                write_u32(c, ty.version_tag.get());
                                write_u32(c.add(2), i as u32 + 1);
                            }
                        }
                    }
                }
            }
        }
        return Ok(v);
    }
    crate::protocols::object::getattr(vm, owner, name)
}

/// LOAD_ATTR, method form: `(Some(method), _)` to call with the owner as self.
///
/// # Safety
/// `c` points at the instruction's 9 cache units.
#[inline]
pub unsafe fn load_method(vm: &mut Vm, owner: &Value, name: &Value, c: *mut u16) -> PyResult<(Option<Value>, Value)> {
    if let Some(h) = owner.header() {
        let ty = h.ty();
        let tag = ty.version_tag.get();
        if read_u32(c) == tag && generic_getattro(ty) {
            let m = read_ptr(c.add(2));
            if !m.is_null() {
                let shadowed = match crate::typeobj::instance_dict_cell(owner) {
                    Some(cell) => match &*cell.get() {
                        Some(d) => dict::get_str_key(d, name).is_some(),
                        None => false,
                    },
                    None => false,
                };
                if !shadowed {
                    return Ok((Some(Value::from_header_borrowed(m)), crate::objects::none::none()));
                }
            }
        }
        let r = super::ops::load_method(vm, owner, name)?;
        if let (Some(meth), _) = &r {
            if generic_getattro(ty) && (meth.downcast_exact::<function::FunctionData>().is_some() || crate::objects::descr::is_method_descriptor(meth)) {
                write_u32(c, ty.version_tag.get());
                write_ptr(c.add(2), meth.as_ptr());
            }
        }
        return Ok(r);
    }
    super::ops::load_method(vm, owner, name)
}
