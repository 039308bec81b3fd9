//! The abstract object protocols (CPython: `Objects/abstract.c`, `Objects/object.c`):
//! every generic operation on values goes through exactly one function here.

pub mod args;
pub mod buffer;
pub mod call;
pub mod iter;
pub mod number;
pub mod object;
