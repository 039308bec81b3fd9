//! The Pyrite VM.
