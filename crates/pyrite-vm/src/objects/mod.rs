//! Built-in types, one file per type (CPython: `Objects/`).

pub mod complex;
pub mod descr;
pub mod dict;
pub mod dict_methods;
pub mod exceptions;
pub mod inline_values;
pub mod float;
pub mod format;
pub mod frameobj;
pub mod function;
pub mod generator;
pub mod coroutine;
pub mod genericalias;
pub mod int;
pub mod int_convert;
pub mod iter;
pub mod list;
pub mod list_methods;
pub mod module;
pub mod none;
pub mod object;
pub mod range;
pub mod set;
pub mod slice;
pub mod str;
pub mod str_methods;
pub mod str_search;
pub mod str_wtf8;
pub mod superobj;
pub mod tuple;
pub mod weakref;
pub mod bytes;
pub mod boolobject;
pub mod bytearray;
pub mod bytes_format;
pub mod bytes_methods;
pub mod memoryview;

use crate::typeobj::{StaticType, TYPE_TYPE};

/// Every static type, bases before subclasses (object and type first).
pub fn all_static_types() -> Vec<&'static StaticType> {
    let mut v: Vec<&'static StaticType> = vec![
        &object::OBJECT_TYPE, &TYPE_TYPE, &none::NONE_TYPE, &none::NOT_IMPLEMENTED_TYPE, &none::ELLIPSIS_TYPE,
        &int::INT_TYPE, &none::BOOL_TYPE, &float::FLOAT_TYPE, &complex::COMPLEX_TYPE, &str::STR_TYPE,
        &tuple::TUPLE_TYPE, &list::LIST_TYPE, &dict::DICT_TYPE, &set::SET_TYPE, &set::FROZENSET_TYPE,
        &set::SET_ITER_TYPE, &range::RANGE_TYPE, &range::RANGE_ITER_TYPE, &range::LONGRANGE_ITER_TYPE,
        &slice::SLICE_TYPE, &function::FUNCTION_TYPE, &function::METHOD_TYPE, &function::CODE_TYPE,
        &function::CELL_TYPE, &descr::BUILTIN_FUNCTION_TYPE, &descr::METHOD_DESCR_TYPE,
        &descr::CLASSMETHOD_DESCR_TYPE, &descr::GETSET_DESCR_TYPE, &descr::MEMBER_DESCR_TYPE,
        &descr::SLOT_WRAPPER_TYPE, &descr::METHOD_WRAPPER_TYPE, &descr::CLASSMETHOD_TYPE,
        &descr::STATICMETHOD_TYPE, &descr::PROPERTY_TYPE, &module::MODULE_TYPE, &generator::GENERATOR_TYPE,
        &coroutine::COROUTINE_TYPE, &coroutine::CORO_WRAPPER_TYPE,
        &frameobj::FRAME_TYPE, &exceptions::TRACEBACK_TYPE, &superobj::SUPER_TYPE,
        &iter::LIST_ITER_TYPE, &iter::TUPLE_ITER_TYPE, &iter::LIST_REVITER_TYPE, &iter::STR_ITER_TYPE,
        &iter::STR_ASCII_ITER_TYPE, &iter::GETITEM_ITER_TYPE, &iter::CALLABLE_ITER_TYPE,
        &iter::ENUMERATE_TYPE, &iter::ZIP_TYPE, &iter::MAP_TYPE, &iter::FILTER_TYPE, &iter::REVERSED_TYPE,
        &dict_methods::DICT_KEYITER_TYPE, &dict_methods::DICT_VALUEITER_TYPE, &dict_methods::DICT_ITEMITER_TYPE,
        &dict_methods::DICT_REVKEYITER_TYPE, &dict_methods::DICT_REVVALUEITER_TYPE, &dict_methods::DICT_REVITEMITER_TYPE,
        &dict_methods::DICT_KEYS_TYPE, &dict_methods::DICT_VALUES_TYPE, &dict_methods::DICT_ITEMS_TYPE,
        &crate::modules::_io::textio::STREAM_TYPE,
        &genericalias::GENERIC_ALIAS_TYPE, &genericalias::UNION_TYPE,
    ];
    v.extend([&bytes::BYTES_TYPE, &bytes::BYTEARRAY_TYPE, &bytes::BYTES_ITER_TYPE, &bytes::BYTEARRAY_ITER_TYPE]);
    v.extend([&memoryview::MEMORYVIEW_TYPE, &memoryview::MEMORY_ITER_TYPE]);
    v.extend(exceptions::all_exception_types());
    v.push(&weakref::WEAKREF_TYPE);
    v
}

/// The types exposed by name in `builtins`.
pub fn builtin_types() -> Vec<&'static StaticType> {
    let mut v: Vec<&'static StaticType> = vec![
        &object::OBJECT_TYPE, &TYPE_TYPE, &int::INT_TYPE, &none::BOOL_TYPE, &float::FLOAT_TYPE,
        &complex::COMPLEX_TYPE, &str::STR_TYPE, &tuple::TUPLE_TYPE, &list::LIST_TYPE, &dict::DICT_TYPE,
        &set::SET_TYPE, &set::FROZENSET_TYPE, &range::RANGE_TYPE, &slice::SLICE_TYPE,
        &descr::CLASSMETHOD_TYPE, &descr::STATICMETHOD_TYPE, &descr::PROPERTY_TYPE, &superobj::SUPER_TYPE,
        &iter::ENUMERATE_TYPE, &iter::ZIP_TYPE, &iter::MAP_TYPE, &iter::FILTER_TYPE, &iter::REVERSED_TYPE,
    ];
    v.extend([&bytes::BYTES_TYPE, &bytes::BYTEARRAY_TYPE, &memoryview::MEMORYVIEW_TYPE]);
    v
}

