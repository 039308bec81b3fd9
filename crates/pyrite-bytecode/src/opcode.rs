//! The one opcode table (CPython: `Python/bytecodes.c` + `Lib/opcode.py`).
//!
//! Every instruction is declared exactly once below: its name, its number (CPython 3.12's),
//! whether it takes an argument, how many inline-cache code units follow it, its stack effect
//! as a function of `(oparg, jump)`, and a one-line contract. The compiler (stack depth), the
//! assembler (cache units), the eval loop (dispatch on `Opcode`) and `dis` (names, caches) all
//! read this table; nothing is listed twice.
//!
//! Instructions are 16-bit code units: the low byte is the opcode, the high byte the argument
//! (`EXTENDED_ARG` prefixes supply higher bits), followed by `cache` zeroed code units.
//! Numbers >= 256 are pseudo-instructions that only exist inside the compiler and are rewritten
//! before assembly (as in CPython).

/// Arguments below this opcode number are ignored (CPython's `HAVE_ARGUMENT`).
pub const HAVE_ARGUMENT: u16 = 90;

macro_rules! opcodes {
    ($( $name:ident = $num:literal, arg: $arg:literal, cache: $cache:literal,
        effect: $effect:expr, $doc:literal; )*
     @specialized
     $( $sname:ident = $snum:literal => $family:ident, $sdoc:literal; )*) => {
        /// A bytecode instruction (real, specialised or pseudo). `repr(u16)` keeps pseudo-ops
        /// in the same enum.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        #[repr(u16)]
        pub enum Opcode {
            $( #[doc = $doc] $name = $num, )*
            $( #[doc = $sdoc] $sname = $snum, )*
        }

        impl Opcode {
            /// Every instruction the compiler can emit (real and pseudo), in table order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];

            /// Every specialised instruction (only ever written by the specialiser).
            pub const SPECIALIZED: &'static [Opcode] = &[$(Opcode::$sname,)*];

            /// CPython's name for the instruction, as `dis` prints it.
            pub const fn name(self) -> &'static str {
                match self {
                    $( Opcode::$name => stringify!($name), )*
                    $( Opcode::$sname => stringify!($sname), )*
                }
            }

            /// The generic instruction a specialised form stands for (CPython's
            /// `_PyOpcode_Deopt`); itself for generic instructions.
            pub const fn deopt(self) -> Opcode {
                match self {
                    $( Opcode::$name => Opcode::$name, )*
                    $( Opcode::$sname => Opcode::$family, )*
                }
            }

            /// Whether the instruction uses its argument.
            pub const fn has_arg(self) -> bool {
                match self.deopt() { $( Opcode::$name => $arg, )* _ => false }
            }

            /// Number of inline-cache code units that follow the instruction (a specialised
            /// form has its family's caches).
            #[inline(always)]
            pub fn cache_entries(self) -> usize {
                let n = self as u16;
                if n < 256 { CACHE_BY_BYTE[n as usize] as usize } else { 0 }
            }

            /// Net change of the value-stack depth. `jump` selects the effect along the
            /// branch edge for jumping instructions.
            pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
                let oparg = oparg as i32;
                let _ = jump;
                match self.deopt() { $( Opcode::$name => ($effect)(oparg, jump), )* _ => 0 }
            }

            /// The one-line contract of the instruction.
            pub const fn doc(self) -> &'static str {
                match self {
                    $( Opcode::$name => $doc, )*
                    $( Opcode::$sname => $sdoc, )*
                }
            }

            /// Decode an opcode byte for dispatch: unassigned bytes give `RESERVED`.
            #[inline(always)]
            pub fn dispatch(byte: u8) -> Opcode {
                DISPATCH_BY_BYTE[byte as usize]
            }

            /// Decode a real or specialised opcode byte; `None` for unassigned numbers.
            #[inline(always)]
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                OPCODE_BY_BYTE[byte as usize]
            }
        }

        /// Opcode numbers as constants, for matching on a raw byte in the eval loop.
        #[allow(non_upper_case_globals)]
        pub mod op {
            $( pub const $name: u16 = $num; )*
            $( pub const $sname: u16 = $snum; )*
        }

        /// Opcode bytes as `u8` constants: the eval loop matches on a `u8`, so its jump table
        /// covers every value and needs no range check. (Pseudo-instructions, which never
        /// reach the loop, wrap around.)
        #[allow(non_upper_case_globals)]
        pub mod op8 {
            $( pub const $name: u8 = ($num & 0xff) as u8; )*
            $( pub const $sname: u8 = $snum; )*
        }

        /// Inline-cache sizes as constants, so each instruction skips its caches with an
        /// immediate add.
        #[allow(non_upper_case_globals)]
        pub mod cache_size {
            $( pub const $name: usize = $cache; )*
            $( pub const $sname: usize = self::$family; )*
        }

        /// Inline-cache sizes by opcode byte (a table: this is on the eval loop's hot path).
        static CACHE_BY_BYTE: [u8; 256] = {
            let mut table = [0u8; 256];
            $( if $num < 256 { table[$num as usize & 0xff] = $cache; } )*
            $( table[$snum as usize & 0xff] = cache_size::$family as u8; )*
            table
        };

        /// Opcode by byte with unassigned bytes mapped to `RESERVED` (branch-free decoding for
        /// the eval loop, whose `RESERVED` arm reports the bad byte).
        static DISPATCH_BY_BYTE: [Opcode; 256] = {
            let mut table = [Opcode::RESERVED; 256];
            $( if $num < 256 { table[$num as usize & 0xff] = Opcode::$name; } )*
            $( table[$snum as usize & 0xff] = Opcode::$sname; )*
            table
        };

        static OPCODE_BY_BYTE: [Option<Opcode>; 256] = {
            let mut table = [None; 256];
            $( if $num < 256 { table[$num as usize & 0xff] = Some(Opcode::$name); } )*
            $( table[$snum as usize & 0xff] = Some(Opcode::$sname); )*
            table
        };
    };
}

type Fx = fn(i32, bool) -> i32;

opcodes! {
    CACHE = 0, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) inline-cache slot; never executed";
    POP_TOP = 1, arg: false, cache: 0, effect: (|_, _| -1) as Fx,
        "(value -- ) discard the top of stack";
    PUSH_NULL = 2, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "( -- NULL) push the NULL marker used by CALL";
    INTERPRETER_EXIT = 3, arg: false, cache: 0, effect: (|_, _| -1) as Fx,
        "(retval -- ) leave the eval loop (used by the entry frame)";
    END_FOR = 4, arg: false, cache: 0, effect: (|_, _| -2) as Fx,
        "(iter, value -- ) pop the exhausted iterator and its last value";
    END_SEND = 5, arg: false, cache: 0, effect: (|_, _| -1) as Fx,
        "(receiver, value -- value) drop the receiver under the value";
    NOP = 9, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) do nothing";
    UNARY_NEGATIVE = 11, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "(value -- -value)";
    UNARY_NOT = 12, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "(value -- not value)";
    UNARY_INVERT = 15, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "(value -- ~value)";
    RESERVED = 17, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "reserved; never emitted";
    BINARY_SUBSCR = 25, arg: false, cache: 1, effect: (|_, _| -1) as Fx,
        "(container, sub -- container[sub])";
    BINARY_SLICE = 26, arg: false, cache: 0, effect: (|_, _| -2) as Fx,
        "(container, start, stop -- container[start:stop])";
    STORE_SLICE = 27, arg: false, cache: 0, effect: (|_, _| -4) as Fx,
        "(v, container, start, stop -- ) container[start:stop] = v";
    GET_LEN = 30, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "(obj -- obj, len(obj)) for pattern matching";
    MATCH_MAPPING = 31, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "(subject -- subject, is_mapping)";
    MATCH_SEQUENCE = 32, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "(subject -- subject, is_sequence)";
    MATCH_KEYS = 33, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "(subject, keys -- subject, keys, values_or_none)";
    PUSH_EXC_INFO = 35, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "(new_exc -- prev_exc, new_exc) make new_exc the handled exception";
    CHECK_EXC_MATCH = 36, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "(exc, type -- exc, isinstance(exc, type))";
    CHECK_EG_MATCH = 37, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "(eg, type -- rest, match) split an exception group for except*";
    WITH_EXCEPT_START = 49, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "(exit, lasti, prev, val -- exit, lasti, prev, val, res) call __exit__ with the exception";
    GET_AITER = 50, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "(obj -- obj.__aiter__())";
    GET_ANEXT = 51, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "(aiter -- aiter, awaitable)";
    BEFORE_ASYNC_WITH = 52, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "(mgr -- exit, awaitable)";
    BEFORE_WITH = 53, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "(mgr -- exit, mgr.__enter__())";
    END_ASYNC_FOR = 54, arg: false, cache: 0, effect: (|_, _| -2) as Fx,
        "(awaitable, exc -- ) end an async for on StopAsyncIteration";
    CLEANUP_THROW = 55, arg: false, cache: 0, effect: (|_, _| -1) as Fx,
        "(sub_iter, last_sent, exc -- none, value) finish a throw() into yield from";
    STORE_SUBSCR = 60, arg: false, cache: 1, effect: (|_, _| -3) as Fx,
        "(v, container, sub -- ) container[sub] = v";
    DELETE_SUBSCR = 61, arg: false, cache: 0, effect: (|_, _| -2) as Fx,
        "(container, sub -- ) del container[sub]";
    GET_ITER = 68, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "(iterable -- iter(iterable))";
    GET_YIELD_FROM_ITER = 69, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "(iterable -- iter) iter() unless it is a generator or coroutine";
    LOAD_BUILD_CLASS = 71, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "( -- builtins.__build_class__)";
    LOAD_ASSERTION_ERROR = 74, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "( -- AssertionError)";
    RETURN_GENERATOR = 75, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) turn the current frame into a generator and return it";
    RETURN_VALUE = 83, arg: false, cache: 0, effect: (|_, _| -1) as Fx,
        "(retval -- ) return retval to the caller";
    SETUP_ANNOTATIONS = 85, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) create __annotations__ in the locals if missing";
    LOAD_LOCALS = 87, arg: false, cache: 0, effect: (|_, _| 1) as Fx,
        "( -- locals())";
    POP_EXCEPT = 89, arg: false, cache: 0, effect: (|_, _| -1) as Fx,
        "(prev_exc -- ) restore the previously handled exception";
    STORE_NAME = 90, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(v -- ) locals[co_names[oparg]] = v";
    DELETE_NAME = 91, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) del locals[co_names[oparg]]";
    UNPACK_SEQUENCE = 92, arg: true, cache: 1, effect: (|a, _| a - 1) as Fx,
        "(seq -- values[oparg]) unpack exactly oparg items, last item on top... first on top";
    FOR_ITER = 93, arg: true, cache: 1, effect: (|_, _| 1) as Fx,
        "(iter -- iter, next) push next(iter); when exhausted pop iter and jump oparg past END_FOR";
    UNPACK_EX = 94, arg: true, cache: 0, effect: (|a, _| (a & 0xff) + (a >> 8)) as Fx,
        "(seq -- values) unpack with a starred target: oparg = before | after << 8";
    STORE_ATTR = 95, arg: true, cache: 4, effect: (|_, _| -2) as Fx,
        "(v, owner -- ) owner.co_names[oparg] = v";
    DELETE_ATTR = 96, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(owner -- ) del owner.co_names[oparg]";
    STORE_GLOBAL = 97, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(v -- ) globals[co_names[oparg]] = v";
    DELETE_GLOBAL = 98, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) del globals[co_names[oparg]]";
    SWAP = 99, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "(bottom, ..., top -- top, ..., bottom) swap TOS with the oparg-th item";
    LOAD_CONST = 100, arg: true, cache: 0, effect: (|_, _| 1) as Fx,
        "( -- co_consts[oparg])";
    LOAD_NAME = 101, arg: true, cache: 0, effect: (|_, _| 1) as Fx,
        "( -- value) look co_names[oparg] up in locals, globals, builtins";
    BUILD_TUPLE = 102, arg: true, cache: 0, effect: (|a, _| 1 - a) as Fx,
        "(values[oparg] -- tuple)";
    BUILD_LIST = 103, arg: true, cache: 0, effect: (|a, _| 1 - a) as Fx,
        "(values[oparg] -- list)";
    BUILD_SET = 104, arg: true, cache: 0, effect: (|a, _| 1 - a) as Fx,
        "(values[oparg] -- set)";
    BUILD_MAP = 105, arg: true, cache: 0, effect: (|a, _| 1 - 2 * a) as Fx,
        "(keys_and_values[2*oparg] -- dict)";
    LOAD_ATTR = 106, arg: true, cache: 9, effect: (|a, _| a & 1) as Fx,
        "(owner -- attr) or, if oparg & 1, (owner -- meth, self|NULL); name is co_names[oparg>>1]";
    COMPARE_OP = 107, arg: true, cache: 1, effect: (|_, _| -1) as Fx,
        "(left, right -- left OP right) OP = cmp_op[oparg >> 4]";
    IMPORT_NAME = 108, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(level, fromlist -- module) import co_names[oparg]";
    IMPORT_FROM = 109, arg: true, cache: 0, effect: (|_, _| 1) as Fx,
        "(module -- module, module.co_names[oparg])";
    JUMP_FORWARD = 110, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) ip += oparg";
    POP_JUMP_IF_FALSE = 114, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(cond -- ) jump forward by oparg if cond is false";
    POP_JUMP_IF_TRUE = 115, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(cond -- ) jump forward by oparg if cond is true";
    LOAD_GLOBAL = 116, arg: true, cache: 4, effect: (|a, _| 1 + (a & 1)) as Fx,
        "( -- [NULL,] value) globals, then builtins, of co_names[oparg>>1]; oparg&1 pushes NULL first";
    IS_OP = 117, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(left, right -- left is right) negated if oparg";
    CONTAINS_OP = 118, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(left, right -- left in right) negated if oparg";
    RERAISE = 119, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(values[oparg], exc -- values[oparg]) re-raise exc; if oparg, restore f_lasti from values[0]";
    COPY = 120, arg: true, cache: 0, effect: (|_, _| 1) as Fx,
        "(bottom, ... -- bottom, ..., bottom) push a copy of the oparg-th item";
    RETURN_CONST = 121, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) return co_consts[oparg]";
    BINARY_OP = 122, arg: true, cache: 1, effect: (|_, _| -1) as Fx,
        "(lhs, rhs -- lhs OP rhs) OP = NB_* oparg";
    SEND = 123, arg: true, cache: 1, effect: (|_, _| 0) as Fx,
        "(receiver, v -- receiver, retval) send v; when done jump oparg with the return value";
    LOAD_FAST = 124, arg: true, cache: 0, effect: (|_, _| 1) as Fx,
        "( -- localsplus[oparg]) known to be bound";
    STORE_FAST = 125, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(v -- ) localsplus[oparg] = v";
    DELETE_FAST = 126, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) del localsplus[oparg]";
    LOAD_FAST_CHECK = 127, arg: true, cache: 0, effect: (|_, _| 1) as Fx,
        "( -- localsplus[oparg]) UnboundLocalError if unbound";
    POP_JUMP_IF_NOT_NONE = 128, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(v -- ) jump forward by oparg if v is not None";
    POP_JUMP_IF_NONE = 129, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(v -- ) jump forward by oparg if v is None";
    RAISE_VARARGS = 130, arg: true, cache: 0, effect: (|a, _| -a) as Fx,
        "(args[oparg] -- ) raise; 0: re-raise, 1: raise exc, 2: raise exc from cause";
    GET_AWAITABLE = 131, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "(obj -- awaitable)";
    MAKE_FUNCTION = 132, arg: true, cache: 0, effect: (|a, _| -(((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1)) as i32)) as Fx,
        "(defaults?, kwdefaults?, annotations?, closure?, code -- func) flags in oparg";
    BUILD_SLICE = 133, arg: true, cache: 0, effect: (|a, _| if a == 3 { -2 } else { -1 }) as Fx,
        "(start, stop[, step] -- slice)";
    JUMP_BACKWARD_NO_INTERRUPT = 134, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) ip -= oparg without checking the eval breaker";
    MAKE_CELL = 135, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) localsplus[oparg] = cell(localsplus[oparg])";
    LOAD_CLOSURE = 136, arg: true, cache: 0, effect: (|_, _| 1) as Fx,
        "( -- cell) push the cell in localsplus[oparg]";
    LOAD_DEREF = 137, arg: true, cache: 0, effect: (|_, _| 1) as Fx,
        "( -- cell_contents) of localsplus[oparg]";
    STORE_DEREF = 138, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(v -- ) localsplus[oparg].cell_contents = v";
    DELETE_DEREF = 139, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) empty the cell localsplus[oparg]";
    JUMP_BACKWARD = 140, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) ip -= oparg; checks the eval breaker";
    LOAD_SUPER_ATTR = 141, arg: true, cache: 1, effect: (|a, _| -2 + (a & 1)) as Fx,
        "(global_super, class, self -- attr [, self|NULL]) super().co_names[oparg>>2]";
    CALL_FUNCTION_EX = 142, arg: true, cache: 0, effect: (|a, _| -2 - (a & 1)) as Fx,
        "(func, NULL, args[, kwargs] -- result) func(*args, **kwargs)";
    LOAD_FAST_AND_CLEAR = 143, arg: true, cache: 0, effect: (|_, _| 1) as Fx,
        "( -- value|NULL) push localsplus[oparg] and unbind it (inlined comprehensions)";
    EXTENDED_ARG = 144, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) prefix supplying higher argument bits to the next instruction";
    LIST_APPEND = 145, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(list, ..., v -- list, ...) list is the oparg-th item";
    SET_ADD = 146, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(set, ..., v -- set, ...) set is the oparg-th item";
    MAP_ADD = 147, arg: true, cache: 0, effect: (|_, _| -2) as Fx,
        "(dict, ..., k, v -- dict, ...) dict is the oparg-th item";
    COPY_FREE_VARS = 149, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) copy oparg closure cells into the frame's free-variable slots";
    YIELD_VALUE = 150, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "(v -- sent) suspend the generator yielding v";
    RESUME = 151, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) frame entry (0), after yield (1), after yield from (2), after await (3)";
    MATCH_CLASS = 152, arg: true, cache: 0, effect: (|_, _| -2) as Fx,
        "(subject, type, names -- attrs|None) match a class pattern with oparg positional args";
    FORMAT_VALUE = 155, arg: true, cache: 0, effect: (|a, _| if a & 4 != 0 { -1 } else { 0 }) as Fx,
        "(value[, spec] -- str) f-string field; oparg & 3 = conversion, & 4 = has spec";
    BUILD_CONST_KEY_MAP = 156, arg: true, cache: 0, effect: (|a, _| -a) as Fx,
        "(values[oparg], keys -- dict)";
    BUILD_STRING = 157, arg: true, cache: 0, effect: (|a, _| 1 - a) as Fx,
        "(pieces[oparg] -- str) concatenate";
    LIST_EXTEND = 162, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(list, ..., iterable -- list, ...)";
    SET_UPDATE = 163, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(set, ..., iterable -- set, ...)";
    DICT_MERGE = 164, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(dict, ..., mapping -- dict, ...) for f(**m); duplicate keys are an error";
    DICT_UPDATE = 165, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(dict, ..., mapping -- dict, ...)";
    CALL = 171, arg: true, cache: 3, effect: (|a, _| -1 - a) as Fx,
        "(callable, self|NULL, args[oparg] -- result) keyword names from the preceding KW_NAMES";
    KW_NAMES = 172, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "( -- ) co_consts[oparg] is the tuple of keyword names of the next CALL";
    CALL_INTRINSIC_1 = 173, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "(v -- res) call the intrinsic function oparg";
    CALL_INTRINSIC_2 = 174, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "(v2, v1 -- res) call the two-argument intrinsic oparg";
    LOAD_FROM_DICT_OR_GLOBALS = 175, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "(mapping -- value) look co_names[oparg] up in mapping, then globals, then builtins";
    LOAD_FROM_DICT_OR_DEREF = 176, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "(mapping -- value) class-body access to a free variable";

    // Pseudo-instructions: only inside the compiler; rewritten before assembly.
    SETUP_FINALLY = 256, arg: true, cache: 0, effect: (|_, j| if j { 1 } else { 0 }) as Fx,
        "pseudo: start a try block whose handler is at oparg";
    SETUP_CLEANUP = 257, arg: true, cache: 0, effect: (|_, j| if j { 2 } else { 0 }) as Fx,
        "pseudo: like SETUP_FINALLY, also pushes lasti";
    SETUP_WITH = 258, arg: true, cache: 0, effect: (|_, j| if j { 1 } else { 0 }) as Fx,
        "pseudo: start a with block whose cleanup is at oparg";
    POP_BLOCK = 259, arg: false, cache: 0, effect: (|_, _| 0) as Fx,
        "pseudo: end the innermost try/with block";
    JUMP = 260, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "pseudo: unconditional jump, becomes JUMP_FORWARD or JUMP_BACKWARD";
    JUMP_NO_INTERRUPT = 261, arg: true, cache: 0, effect: (|_, _| 0) as Fx,
        "pseudo: jump without the eval-breaker check";
    LOAD_METHOD = 262, arg: true, cache: 0, effect: (|_, _| 1) as Fx,
        "pseudo: LOAD_ATTR with the method bit set";
    LOAD_SUPER_METHOD = 263, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "pseudo: LOAD_SUPER_ATTR, method form";
    LOAD_ZERO_SUPER_METHOD = 264, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "pseudo: LOAD_SUPER_ATTR, zero-argument super, method form";
    LOAD_ZERO_SUPER_ATTR = 265, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "pseudo: LOAD_SUPER_ATTR, zero-argument super";
    STORE_FAST_MAYBE_NULL = 266, arg: true, cache: 0, effect: (|_, _| -1) as Fx,
        "pseudo: STORE_FAST that may store NULL (comprehension cleanup)";
    @specialized
    // Specialised forms (CPython 3.12's numbers and names; PEP 659). The specialiser in
    // `pyrite-vm/src/eval/specialize.rs` writes them over their family's generic instruction
    // when the operands seen at run time make a cheaper path valid; each re-checks its guard
    // and falls back to the generic instruction on a miss.
    BINARY_OP_ADD_FLOAT = 6 => BINARY_OP, "float + float";
    BINARY_OP_ADD_INT = 7 => BINARY_OP, "int + int";
    BINARY_OP_ADD_UNICODE = 8 => BINARY_OP, "str + str";
    BINARY_OP_INPLACE_ADD_UNICODE = 10 => BINARY_OP, "local += str, stored back into the same local (appends in place when unshared)";
    BINARY_OP_MULTIPLY_FLOAT = 13 => BINARY_OP, "float * float";
    BINARY_OP_MULTIPLY_INT = 14 => BINARY_OP, "int * int";
    BINARY_OP_SUBTRACT_FLOAT = 16 => BINARY_OP, "float - float";
    BINARY_OP_SUBTRACT_INT = 18 => BINARY_OP, "int - int";
    BINARY_SUBSCR_DICT = 19 => BINARY_SUBSCR, "dict[key]";
    BINARY_SUBSCR_LIST_INT = 21 => BINARY_SUBSCR, "list[int]";
    BINARY_SUBSCR_TUPLE_INT = 22 => BINARY_SUBSCR, "tuple[int]";
    CALL_PY_EXACT_ARGS = 23 => CALL, "Python function, positional arguments matching its parameters";
    CALL_PY_WITH_DEFAULTS = 24 => CALL, "Python function, missing trailing arguments from its defaults";
    CALL_BOUND_METHOD_EXACT_ARGS = 28 => CALL, "bound Python method, exact positional arguments";
    CALL_BUILTIN_CLASS = 29 => CALL, "a built-in type called with positional arguments";
    CALL_BUILTIN_FAST_WITH_KEYWORDS = 34 => CALL, "a built-in function with keyword arguments";
    CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS = 38 => CALL, "a method of a built-in type with keyword arguments";
    CALL_NO_KW_BUILTIN_FAST = 39 => CALL, "a built-in function, positional arguments";
    CALL_NO_KW_BUILTIN_O = 40 => CALL, "a built-in function, one argument";
    CALL_NO_KW_ISINSTANCE = 41 => CALL, "builtins.isinstance(obj, cls)";
    CALL_NO_KW_LEN = 42 => CALL, "builtins.len(obj)";
    CALL_NO_KW_LIST_APPEND = 43 => CALL, "list.append(x) as a method call";
    CALL_NO_KW_METHOD_DESCRIPTOR_FAST = 44 => CALL, "a method of a built-in type, positional arguments";
    CALL_NO_KW_METHOD_DESCRIPTOR_NOARGS = 45 => CALL, "a method of a built-in type, no arguments";
    CALL_NO_KW_METHOD_DESCRIPTOR_O = 46 => CALL, "a method of a built-in type, one argument";
    CALL_NO_KW_STR_1 = 47 => CALL, "str(x)";
    CALL_NO_KW_TUPLE_1 = 48 => CALL, "tuple(x)";
    CALL_NO_KW_TYPE_1 = 56 => CALL, "type(x)";
    COMPARE_OP_FLOAT = 57 => COMPARE_OP, "float OP float";
    COMPARE_OP_INT = 58 => COMPARE_OP, "int OP int (both small)";
    COMPARE_OP_STR = 59 => COMPARE_OP, "str == str, str != str";
    FOR_ITER_LIST = 62 => FOR_ITER, "next item of a list iterator";
    FOR_ITER_TUPLE = 63 => FOR_ITER, "next item of a tuple iterator";
    FOR_ITER_RANGE = 64 => FOR_ITER, "next int of a range iterator";
    FOR_ITER_GEN = 65 => FOR_ITER, "resume a generator for its next value";
    LOAD_ATTR_CLASS = 70 => LOAD_ATTR, "attribute of a class object found on the class";
    LOAD_ATTR_INSTANCE_VALUE = 73 => LOAD_ATTR, "instance attribute from the inline values, by the class's key index";
    LOAD_ATTR_MODULE = 76 => LOAD_ATTR, "module attribute by dict index";
    LOAD_ATTR_PROPERTY = 77 => LOAD_ATTR, "property getter (a Python function) called directly";
    LOAD_ATTR_SLOT = 78 => LOAD_ATTR, "__slots__ member at a fixed offset";
    LOAD_ATTR_WITH_HINT = 79 => LOAD_ATTR, "instance __dict__ entry at a remembered index";
    LOAD_ATTR_METHOD_LAZY_DICT = 80 => LOAD_ATTR, "method, instance has a dict slot that is still empty";
    LOAD_ATTR_METHOD_NO_DICT = 81 => LOAD_ATTR, "method, instances have no __dict__";
    LOAD_ATTR_METHOD_WITH_VALUES = 82 => LOAD_ATTR, "method, instance dict known not to shadow it";
    LOAD_CONST__LOAD_FAST = 84 => LOAD_CONST, "superinstruction: LOAD_CONST then LOAD_FAST";
    LOAD_FAST__LOAD_CONST = 86 => LOAD_FAST, "superinstruction: LOAD_FAST then LOAD_CONST";
    LOAD_FAST__LOAD_FAST = 88 => LOAD_FAST, "superinstruction: LOAD_FAST then LOAD_FAST";
    LOAD_GLOBAL_BUILTIN = 111 => LOAD_GLOBAL, "builtins entry by index, globals and builtins keys unchanged";
    LOAD_GLOBAL_MODULE = 112 => LOAD_GLOBAL, "globals entry by index, globals keys unchanged";
    STORE_ATTR_INSTANCE_VALUE = 113 => STORE_ATTR, "store into the inline values, by the class's key index";
    STORE_ATTR_SLOT = 148 => STORE_ATTR, "store into a __slots__ member";
    STORE_ATTR_WITH_HINT = 153 => STORE_ATTR, "replace an instance __dict__ value at a remembered index";
    STORE_FAST__LOAD_FAST = 154 => STORE_FAST, "superinstruction: STORE_FAST then LOAD_FAST";
    STORE_FAST__STORE_FAST = 158 => STORE_FAST, "superinstruction: STORE_FAST then STORE_FAST";
    STORE_SUBSCR_DICT = 159 => STORE_SUBSCR, "dict[key] = v";
    STORE_SUBSCR_LIST_INT = 160 => STORE_SUBSCR, "list[int] = v";
    UNPACK_SEQUENCE_LIST = 161 => UNPACK_SEQUENCE, "unpack a list of the right length";
    UNPACK_SEQUENCE_TUPLE = 166 => UNPACK_SEQUENCE, "unpack a tuple of the right length";
    UNPACK_SEQUENCE_TWO_TUPLE = 167 => UNPACK_SEQUENCE, "unpack a 2-tuple";
    // Pyrite's own forms (numbers CPython 3.12 leaves free; names as CPython 3.13 where it has them).
    CONTAINS_OP_DICT = 177 => CONTAINS_OP, "key in dict";
    CONTAINS_OP_SET = 178 => CONTAINS_OP, "item in set or frozenset";
    CALL_ALLOC_AND_ENTER_INIT = 179 => CALL, "instantiate a class whose __init__ is a Python function";
    BINARY_SUBSCR_STR_INT = 180 => BINARY_SUBSCR, "str[int] of an exact str: its code point as a one-character str (cached for Latin-1)";
    BINARY_OP_INT_ANY = 181 => BINARY_OP, "int OP int for the other int operators (// % & | ^ << >> /); a zero divisor, a negative shift or a result beyond the fast range take the generic path";
    BINARY_OP_FLOAT_ANY = 182 => BINARY_OP, "float OP float-or-int for + - * / ** where no float + float form applies; anything that may raise takes the generic path";
    CALL_PY_GENERAL = 183 => CALL, "Python function at a site that has called several (no code guard): the positional argument shape is checked at each call";
    CONTAINS_OP_STR = 184 => CONTAINS_OP, "substring test of two exact strs";
    LOAD_FAST__LOAD_ATTR = 185 => LOAD_FAST, "superinstruction: LOAD_FAST then LOAD_ATTR; reads an instance value or method through the borrowed local when the specialised form follows";
    LOAD_FAST__STORE_ATTR = 186 => LOAD_FAST, "superinstruction: LOAD_FAST then STORE_ATTR; stores an instance value through the borrowed local when the specialised form follows";
}


impl Opcode {
    /// True for the pseudo-instructions that never reach the eval loop.
    pub const fn is_pseudo(self) -> bool {
        self as u16 >= 256
    }

    /// True for instructions whose argument is a relative jump (forward unless noted).
    pub const fn is_jump(self) -> bool {
        matches!(
            self,
            Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                | Opcode::POP_JUMP_IF_FALSE
                | Opcode::POP_JUMP_IF_TRUE
                | Opcode::POP_JUMP_IF_NONE
                | Opcode::POP_JUMP_IF_NOT_NONE
                | Opcode::FOR_ITER
                | Opcode::SEND
                | Opcode::JUMP
                | Opcode::JUMP_NO_INTERRUPT
                | Opcode::SETUP_FINALLY
                | Opcode::SETUP_CLEANUP
                | Opcode::SETUP_WITH
        )
    }

    /// True for jumps whose relative target is behind them.
    pub const fn is_backward_jump(self) -> bool {
        matches!(self, Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT)
    }

    /// True for instructions after which control never falls through.
    pub const fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::RETURN_VALUE
                | Opcode::RETURN_CONST
                | Opcode::RAISE_VARARGS
                | Opcode::RERAISE
                | Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                | Opcode::JUMP
                | Opcode::JUMP_NO_INTERRUPT
        )
    }
}

/// `BINARY_OP` arguments (CPython's `NB_*`), in CPython's order.
pub mod binop {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATRIX_MULTIPLY: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    /// In-place forms are the binary form plus this offset.
    pub const INPLACE: u32 = 13;
    /// The binary operator of an argument (in-place forms map to their binary form).
    #[inline(always)]
    pub const fn base(op: u32) -> u32 {
        if op >= INPLACE { op - INPLACE } else { op }
    }
    /// The operator symbols `dis` prints, indexed by oparg.
    pub const SYMBOLS: [&str; 26] = [
        "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=",
        "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
    ];
}

/// `COMPARE_OP` comparisons: the operator is `oparg >> 4` (the low bits are cache hints).
pub mod cmp {
    pub const LT: u32 = 0;
    pub const LE: u32 = 1;
    pub const EQ: u32 = 2;
    pub const NE: u32 = 3;
    pub const GT: u32 = 4;
    pub const GE: u32 = 5;
    pub const SYMBOLS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];
}

/// `CALL_INTRINSIC_1` arguments.
pub mod intrinsic1 {
    pub const INVALID: u32 = 0;
    pub const PRINT: u32 = 1;
    pub const IMPORT_STAR: u32 = 2;
    pub const STOPITERATION_ERROR: u32 = 3;
    pub const ASYNC_GEN_WRAP: u32 = 4;
    pub const UNARY_POSITIVE: u32 = 5;
    pub const LIST_TO_TUPLE: u32 = 6;
    pub const TYPEVAR: u32 = 7;
    pub const PARAMSPEC: u32 = 8;
    pub const TYPEVARTUPLE: u32 = 9;
    pub const SUBSCRIPT_GENERIC: u32 = 10;
    pub const TYPEALIAS: u32 = 11;
    pub const NAMES: [&str; 12] = [
        "INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
        "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE",
        "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR", "INTRINSIC_PARAMSPEC",
        "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS",
    ];
}

/// `CALL_INTRINSIC_2` arguments.
pub mod intrinsic2 {
    pub const INVALID: u32 = 0;
    pub const PREP_RERAISE_STAR: u32 = 1;
    pub const TYPEVAR_WITH_BOUND: u32 = 2;
    pub const TYPEVAR_WITH_CONSTRAINTS: u32 = 3;
    pub const SET_FUNCTION_TYPE_PARAMS: u32 = 4;
    pub const NAMES: [&str; 5] = [
        "INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR", "INTRINSIC_TYPEVAR_WITH_BOUND",
        "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS", "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
    ];
}

/// `MAKE_FUNCTION` flag bits.
pub mod make_function {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

/// `FORMAT_VALUE` flag bits.
pub mod format {
    pub const CONV_MASK: u32 = 0x03;
    pub const CONV_NONE: u32 = 0x00;
    pub const CONV_STR: u32 = 0x01;
    pub const CONV_REPR: u32 = 0x02;
    pub const CONV_ASCII: u32 = 0x03;
    pub const HAVE_SPEC: u32 = 0x04;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip() {
        for &op in Opcode::ALL {
            if !op.is_pseudo() {
                assert_eq!(Opcode::from_u8(op as u16 as u8), Some(op));
            }
        }
    }

    #[test]
    fn specialized_forms_decode_and_belong_to_a_family() {
        let mut seen = [false; 256];
        for &op in Opcode::ALL.iter().chain(Opcode::SPECIALIZED) {
            if op.is_pseudo() {
                continue;
            }
            let byte = op as u16 as usize;
            assert!(!seen[byte], "{} reuses byte {byte}", op.name());
            seen[byte] = true;
        }
        for &op in Opcode::SPECIALIZED {
            assert_eq!(Opcode::from_u8(op as u16 as u8), Some(op));
            let family = op.deopt();
            assert_ne!(family, op);
            assert_eq!(family.deopt(), family, "{}", op.name());
            assert_eq!(op.cache_entries(), family.cache_entries(), "{}", op.name());
            assert_eq!(op.has_arg(), family.has_arg(), "{}", op.name());
        }
    }

    #[test]
    fn has_arg_matches_cpython_threshold() {
        for &op in Opcode::ALL {
            if !op.is_pseudo() {
                assert_eq!(op.has_arg(), op as u16 >= HAVE_ARGUMENT, "{}", op.name());
            }
        }
    }

    /// Values printed by CPython 3.12's `dis.stack_effect` for a sample of opargs.
    #[test]
    fn stack_effects_match_cpython() {
        let cases: &[(Opcode, u32, i32)] = &[
            (Opcode::UNPACK_SEQUENCE, 3, 2),
            (Opcode::UNPACK_EX, 0x0102, 3),
            (Opcode::BUILD_MAP, 2, -3),
            (Opcode::LOAD_ATTR, 3, 1),
            (Opcode::LOAD_ATTR, 2, 0),
            (Opcode::LOAD_GLOBAL, 1, 2),
            (Opcode::MAKE_FUNCTION, 5, -2),
            (Opcode::MAKE_FUNCTION, 8, -1),
            (Opcode::BUILD_SLICE, 3, -2),
            (Opcode::BUILD_SLICE, 2, -1),
            (Opcode::LOAD_SUPER_ATTR, 1, -1),
            (Opcode::LOAD_SUPER_ATTR, 2, -2),
            (Opcode::CALL_FUNCTION_EX, 1, -3),
            (Opcode::FORMAT_VALUE, 4, -1),
            (Opcode::BUILD_CONST_KEY_MAP, 3, -3),
            (Opcode::CALL, 2, -3),
            (Opcode::RAISE_VARARGS, 2, -2),
        ];
        for &(op, arg, want) in cases {
            assert_eq!(op.stack_effect(arg, false), want, "{} {}", op.name(), arg);
        }
    }
}
