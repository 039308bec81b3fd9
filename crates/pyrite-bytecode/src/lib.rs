//! Pyrite's bytecode: the one opcode table, code objects, and the `dis` formatter.
//! Nothing here depends on the VM: the compiler produces these types, the VM consumes them.

pub mod adaptive;
pub mod code;
pub mod dis;
pub mod opcode;

pub use code::{CodeObject, Constant, ExceptionTableEntry, Location};
pub use opcode::Opcode;
