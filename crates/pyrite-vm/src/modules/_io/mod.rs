//! The `_io` module's native layer (CPython: `Modules/_io/`): one file per type, named as
//! CPython names them. Only `TextIOWrapper` for the standard streams exists so far; `_io` is
//! not importable yet (no entry in `modules::MODULES`).

pub mod textio;
