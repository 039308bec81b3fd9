//! Placeholder: the dis formatter is written by the compiler work.
