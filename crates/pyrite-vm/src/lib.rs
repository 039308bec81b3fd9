//! The Pyrite virtual machine: object system, evaluation loop, built-in types and modules.
//! See `docs/ARCHITECTURE.md` for the map of the house.

pub mod eval;
pub mod gc;
pub mod import;
pub mod limits;
pub mod modules;
pub mod object;
pub mod objects;
pub mod protocols;
pub mod pystate;
pub mod typeobj;
pub mod vm;
pub mod run;
pub mod traceback;

pub use object::Value;
pub use run::Interpreter;
pub use vm::{Config, PyErr, PyResult, Vm};

pub(crate) use typeobj::static_init::init_static_types;
