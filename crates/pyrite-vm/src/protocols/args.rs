//! Argument parsing for native functions (CPython: `Python/getargs.c` and the parsers
//! Argument Clinic generates, `Tools/clinic`).
//!
//! A native function declares its signature once, as a `const` [`Spec`] (what a clinic
//! signature line says: the parameters, their kinds and defaults, and which of CPython's
//! calling conventions words its errors), and parses its vectorcall arguments with
//! [`Spec::parse`] into a fixed array of borrowed values: no allocation, no reference-count
//! traffic, and CPython's messages:
//!
//! | [`Style`] | CPython | too many / too few | keywords |
//! |---|---|---|---|
//! | `NoArgs` | `METH_NOARGS` | `list.copy() takes no arguments (1 given)` | `list.copy() takes no keyword arguments` |
//! | `One` | `METH_O` | `len() takes exactly one argument (0 given)` | `len() takes no keyword arguments` |
//! | `VarArgs` | `METH_VARARGS` taking `*args` | — | `set.union() takes no keyword arguments` |
//! | `Tuple` | `PyArg_ParseTuple` | `find() takes at least 1 argument (0 given)` | `bytes.find() takes no keyword arguments` |
//! | `Positional` | clinic, positional-only (`_PyArg_CheckPositional`), `PyArg_UnpackTuple` | `divmod expected 2 arguments, got 3`, `getattr expected at least 2 arguments, got 1` | `divmod() takes no keyword arguments` |
//! | `Keywords` | clinic with keywords (`_PyArg_UnpackKeywords`) | `pow() takes at most 3 arguments (4 given)`, `pow() missing required argument 'exp' (pos 2)`, `sum() takes at least 1 positional argument (0 given)` | `'x' is an invalid keyword argument for pow()`, `argument for pow() given by name ('exp') and position (2)` |
//! | `KeywordsAfterStar` | clinic, `*args` then keyword-only (`print`) | — | `'x' is an invalid keyword argument for print()` |
//!
//! `Spec::name` is the qualified name of a method (`"list.append"`, `"dict.get"`) and the bare
//! name of a module function (`"pow"`): CPython's method descriptors print the qualified name
//! (`dict.get() takes no keyword arguments`, `list.copy() takes no arguments (1 given)`) and
//! clinic's parsers the bare one (`get expected at least 1 argument, got 0`). A method shared
//! by types whose name only the call knows (`set.copy` / `frozenset.copy`) gives the owner
//! at run time (`parse_in`, `check_in`, `arg_in`). Conversion errors (`f() argument 'x' must be
//! str, not int`) come from [`Spec::bad_argument`].
//!
//! Example:
//! ```ignore
//! const POW: Spec = Spec::keywords("pow", &[Param::arg("base"), Param::arg("exp"), Param::arg_opt("mod")]);
//! let [base, exp, modulus] = POW.parse(vm, args, kwnames)?;
//! ```

use crate::object::Value;
use crate::objects::{str as pystr, tuple};
use crate::vm::{PyErr, PyResult, Vm};

/// How a parameter can be passed (Python's `/` and `*` markers).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    PositionalOnly,
    PositionalOrKeyword,
    KeywordOnly,
}

/// One parameter of a [`Spec`].
#[derive(Clone, Copy, Debug)]
pub struct Param {
    pub name: &'static str,
    pub kind: Kind,
    /// False when the parameter has a default (the parser leaves its slot `None`).
    pub required: bool,
}

impl Param {
    /// Positional-only, required (`x, /`).
    pub const fn pos(name: &'static str) -> Param {
        Param { name, kind: Kind::PositionalOnly, required: true }
    }
    /// Positional-only with a default (`x=..., /`).
    pub const fn pos_opt(name: &'static str) -> Param {
        Param { name, kind: Kind::PositionalOnly, required: false }
    }
    /// Positional-or-keyword, required.
    pub const fn arg(name: &'static str) -> Param {
        Param { name, kind: Kind::PositionalOrKeyword, required: true }
    }
    /// Positional-or-keyword with a default.
    pub const fn arg_opt(name: &'static str) -> Param {
        Param { name, kind: Kind::PositionalOrKeyword, required: false }
    }
    /// Keyword-only, required (`*, x`).
    pub const fn kw(name: &'static str) -> Param {
        Param { name, kind: Kind::KeywordOnly, required: true }
    }
    /// Keyword-only with a default (`*, x=...`).
    pub const fn kw_opt(name: &'static str) -> Param {
        Param { name, kind: Kind::KeywordOnly, required: false }
    }
}

/// Which of CPython's calling conventions the function uses: it decides the wording of the
/// arity errors (see the table at the top of this file).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    NoArgs,
    One,
    /// `METH_VARARGS` without keywords: any number of positional arguments.
    VarArgs,
    Positional,
    /// Clinic with `*args` before keyword-only parameters (`_PyArg_UnpackKeywordsWithVararg`,
    /// `print`): the spec describes the keywords, parsed alone; unknown keywords are refused
    /// by name, without a count check.
    KeywordsAfterStar,
    /// `PyArg_ParseTuple` (and stringlib's `parse_args_finds`): `find() takes at least 1
    /// argument (0 given)`.
    Tuple,
    Keywords,
}

/// The name without its owner (`get` of `dict.get`), as clinic's own messages print it.
struct Bare(&'static str);

impl std::fmt::Display for Bare {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.rsplit('.').next().unwrap_or(self.0))
    }
}

/// The function's name as messages print it: `owner.name` for a method whose owner is only
/// known at run time (`set.add` / `frozenset.copy`), else `name`.
struct Name<'a>(&'a str, &'a str);

impl std::fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            f.write_str(self.1)
        } else {
            write!(f, "{}.{}", self.0, self.1)
        }
    }
}

/// A native function's signature (what Argument Clinic reads from its declaration).
#[derive(Debug)]
pub struct Spec {
    pub name: &'static str,
    pub params: &'static [Param],
    pub style: Style,
    /// Counted once, when the spec is built (a `const`): required positional parameters, all
    /// positional parameters, positional-only ones, and whether a keyword-only one is
    /// required. The common call only compares its argument count with these.
    min_pos: usize,
    max_pos: usize,
    posonly: usize,
    kw_required: bool,
}

const ONE: &[Param] = &[Param::pos("arg")];

impl Spec {
    const fn new(name: &'static str, params: &'static [Param], style: Style) -> Spec {
        let (mut min_pos, mut max_pos, mut posonly, mut kw_required) = (0, 0, 0, false);
        let mut i = 0;
        while i < params.len() {
            let p = &params[i];
            match p.kind {
                Kind::KeywordOnly => kw_required |= p.required,
                Kind::PositionalOnly | Kind::PositionalOrKeyword => {
                    max_pos += 1;
                    if p.required {
                        min_pos += 1;
                    }
                    if matches!(p.kind, Kind::PositionalOnly) {
                        posonly += 1;
                    }
                }
            }
            i += 1;
        }
        if matches!(style, Style::VarArgs) {
            max_pos = usize::MAX;
        }
        Spec { name, params, style, min_pos, max_pos, posonly, kw_required }
    }
    // These three are often built where they are used (`Spec::one("list.append").arg(..)`),
    // at run time: their counts are written out rather than counted.
    /// `METH_NOARGS`: `name` is qualified for methods (`"list.copy"`).
    #[inline]
    pub const fn noargs(name: &'static str) -> Spec {
        Spec { name, params: &[], style: Style::NoArgs, min_pos: 0, max_pos: 0, posonly: 0, kw_required: false }
    }
    /// `METH_O`: `name` is qualified for methods (`"list.append"`).
    #[inline]
    pub const fn one(name: &'static str) -> Spec {
        Spec { name, params: ONE, style: Style::One, min_pos: 1, max_pos: 1, posonly: 1, kw_required: false }
    }
    /// `METH_VARARGS` refusing keywords (`set.union(*others)`).
    #[inline]
    pub const fn varargs(name: &'static str) -> Spec {
        Spec { name, params: &[], style: Style::VarArgs, min_pos: 0, max_pos: usize::MAX, posonly: 0, kw_required: false }
    }
    /// Positional-only parameters (every one must be `Kind::PositionalOnly`).
    pub const fn positional(name: &'static str, params: &'static [Param]) -> Spec {
        let mut i = 0;
        while i < params.len() {
            assert!(matches!(params[i].kind, Kind::PositionalOnly), "Spec::positional takes positional-only parameters");
            i += 1;
        }
        Spec::new(name, params, Style::Positional)
    }
    /// `PyArg_ParseTuple`-style positional-only parameters (`name` empty for a format string
    /// without `:name`, whose messages say "function").
    pub const fn tuple(name: &'static str, params: &'static [Param]) -> Spec {
        let spec = Spec::positional(name, params);
        Spec { style: Style::Tuple, ..spec }
    }
    /// The keyword-only parameters after `*args` (`print`); parse the keyword values alone.
    pub const fn keywords_after_star(name: &'static str, params: &'static [Param]) -> Spec {
        Spec::new(name, params, Style::KeywordsAfterStar)
    }
    /// Parameters that may be passed by keyword (clinic's `_PyArg_UnpackKeywords`).
    pub const fn keywords(name: &'static str, params: &'static [Param]) -> Spec {
        Spec::new(name, params, Style::Keywords)
    }

    /// Bind `args` (positional values then keyword values named by `kwnames`) to the
    /// parameters; a slot is `None` for an omitted optional parameter. `N` must be the
    /// number of parameters.
    #[inline]
    pub fn parse<'a, const N: usize>(&self, vm: &mut Vm, args: &'a [Value], kwnames: Option<&Value>) -> PyResult<[Option<&'a Value>; N]> {
        self.parse_in(vm, "", args, kwnames)
    }

    /// [`Spec::parse`] for a method whose messages name it `owner.name` (`owner` known only at
    /// run time; `""` for none).
    #[inline]
    pub fn parse_in<'a, const N: usize>(&self, vm: &mut Vm, owner: &str, args: &'a [Value], kwnames: Option<&Value>) -> PyResult<[Option<&'a Value>; N]> {
        debug_assert_eq!(N, self.params.len().max(if self.style == Style::One { 1 } else { 0 }), "{}: array size", self.name);
        let mut out: [Option<&'a Value>; N] = [None; N];
        let keys: &[Value] = kwnames.map_or(&[], tuple::items);
        let nkw = keys.len();
        let npos = args.len() - nkw;
        // The common case: positional arguments only, and enough of them.
        if nkw == 0 && npos >= self.min_pos && npos <= self.max_pos && !self.kw_required {
            for (slot, a) in out.iter_mut().zip(args) {
                *slot = Some(a);
            }
            return Ok(out);
        }
        self.parse_slow(vm, owner, args, keys, npos, &mut out)?;
        Ok(out)
    }

    /// The arguments of a positional spec whose parameters are all required, as an array.
    #[inline]
    pub fn args<'a, const N: usize>(&self, vm: &mut Vm, args: &'a [Value], kwnames: Option<&Value>) -> PyResult<[&'a Value; N]> {
        debug_assert!(self.params.len() == N && self.params.iter().all(|p| p.required), "{}: args() wants N required parameters", self.name);
        let args = self.check(vm, args, kwnames)?;
        Ok(std::array::from_fn(|i| &args[i]))
    }

    /// The argument of a `Spec::one` function (`args` without self).
    #[inline]
    pub fn arg<'a>(&self, vm: &mut Vm, args: &'a [Value], kwnames: Option<&Value>) -> PyResult<&'a Value> {
        self.arg_in(vm, "", args, kwnames)
    }

    /// [`Spec::arg`] naming the function `owner.name`.
    #[inline]
    pub fn arg_in<'a>(&self, vm: &mut Vm, owner: &str, args: &'a [Value], kwnames: Option<&Value>) -> PyResult<&'a Value> {
        match self.check_in(vm, owner, args, kwnames)? {
            [a] => Ok(a),
            _ => unreachable!("checked"),
        }
    }

    /// Check that the call passes exactly the (positional) arguments this spec allows and
    /// return them as a slice (for `NoArgs`, `One` and `Positional` specs).
    #[inline]
    pub fn check<'a>(&self, vm: &mut Vm, args: &'a [Value], kwnames: Option<&Value>) -> PyResult<&'a [Value]> {
        self.check_in(vm, "", args, kwnames)
    }

    /// [`Spec::check`] naming the function `owner.name`.
    #[inline]
    pub fn check_in<'a>(&self, vm: &mut Vm, owner: &str, args: &'a [Value], kwnames: Option<&Value>) -> PyResult<&'a [Value]> {
        debug_assert!(self.style != Style::Keywords, "{}: check() is for positional specs", self.name);
        let keys: &[Value] = kwnames.map_or(&[], tuple::items);
        if keys.is_empty() && args.len() >= self.min_pos && args.len() <= self.max_pos {
            return Ok(args);
        }
        let mut out = [None; 0];
        self.parse_slow(vm, owner, args, keys, args.len() - keys.len(), &mut out)?;
        Ok(args)
    }

    /// The name without its owner (`"get"` of `"dict.get"`): what clinic's own messages print.
    fn bare(&self) -> &'static str {
        self.name.rsplit('.').next().unwrap_or(self.name)
    }

    #[cold]
    #[inline(never)]
    fn parse_slow<'a>(&self, vm: &mut Vm, owner: &str, args: &'a [Value], keys: &[Value], npos: usize, out: &mut [Option<&'a Value>]) -> PyResult<()> {
        let name = Name(owner, self.name);
        let has_kw = !keys.is_empty();
        let s = |n: usize| if n == 1 { "" } else { "s" };
        match self.style {
            Style::VarArgs => {
                if has_kw {
                    return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
                }
                Ok(())
            }
            Style::NoArgs | Style::One => {
                if has_kw {
                    return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
                }
                let want = (self.style == Style::One) as usize;
                if npos != want {
                    let what = if want == 0 { "no arguments" } else { "exactly one argument" };
                    return Err(vm.type_error(format!("{name}() takes {what} ({npos} given)")));
                }
                if let Some(slot) = out.first_mut() {
                    *slot = Some(&args[0]);
                }
                Ok(())
            }
            Style::Positional | Style::Tuple => {
                if has_kw {
                    return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
                }
                let name = self.bare();
                let (min, max) = (self.min_pos, self.max_pos);
                if npos < min || npos > max {
                    let (bound, what) = if npos < min { (min, "at least ") } else { (max, "at most ") };
                    return Err(vm.type_error(if self.style == Style::Tuple {
                        let what = if min == max { "exactly " } else { what };
                        // A format without a `:name` says "function".
                        let name = if name.is_empty() { "function" } else { name };
                        let parens = if self.name.is_empty() { "" } else { "()" };
                        format!("{name}{parens} takes {what}{bound} argument{} ({npos} given)", s(bound))
                    } else {
                        let what = if min == max { "" } else { what };
                        format!("{name} expected {what}{bound} argument{}, got {npos}", s(bound))
                    }));
                }
                for (slot, a) in out.iter_mut().zip(args) {
                    *slot = Some(a);
                }
                Ok(())
            }
            Style::Keywords | Style::KeywordsAfterStar => self.unpack_keywords(vm, args, keys, npos, out),
        }
    }

    /// CPython's `_PyArg_UnpackKeywords`, check for check and message for message.
    fn unpack_keywords<'a>(&self, vm: &mut Vm, args: &'a [Value], keys: &[Value], npos: usize, out: &mut [Option<&'a Value>]) -> PyResult<()> {
        let s = |n: usize| if n == 1 { "" } else { "s" };
        let name = Bare(self.name);
        let maxargs = self.params.len();
        let (minpos, maxpos, posonly) = (self.min_pos, self.max_pos, self.posonly);
        // Required positional parameters come first, so these are the required
        // positional-only ones.
        let minposonly = minpos.min(posonly);
        if npos + keys.len() > maxargs && self.style != Style::KeywordsAfterStar {
            let kw = if npos == 0 { "keyword " } else { "" };
            return Err(vm.type_error(format!("{name}() takes at most {maxargs} {kw}argument{} ({} given)", s(maxargs), npos + keys.len())));
        }
        if npos > maxpos {
            return Err(if maxpos == 0 {
                vm.type_error(format!("{name}() takes no positional arguments"))
            } else {
                let what = if minpos < maxpos { "at most" } else { "exactly" };
                vm.type_error(format!("{name}() takes {what} {maxpos} positional argument{} ({npos} given)", s(maxpos)))
            });
        }
        if npos < minposonly {
            let what = if minposonly < maxpos { "at least" } else { "exactly" };
            return Err(vm.type_error(format!("{name}() takes {what} {minposonly} positional argument{} ({npos} given)", s(minposonly))));
        }
        for (slot, a) in out.iter_mut().zip(&args[..npos]) {
            *slot = Some(a);
        }
        let find = |pname: &str| keys.iter().position(|k| pystr::as_str(k) == pname).map(|j| &args[npos + j]);
        let mut unused = keys.len();
        for i in npos.max(posonly)..maxargs {
            let p = &self.params[i];
            let v = if unused > 0 { find(p.name) } else { None };
            match v {
                Some(v) => {
                    out[i] = Some(v);
                    unused -= 1;
                }
                None if p.required => {
                    return Err(vm.type_error(format!("{name}() missing required argument '{}' (pos {})", p.name, i + 1)));
                }
                None => {}
            }
        }
        if unused > 0 {
            for (i, p) in self.params.iter().enumerate().take(npos).skip(posonly) {
                if find(p.name).is_some() {
                    return Err(vm.type_error(format!("argument for {name}() given by name ('{}') and position ({})", p.name, i + 1)));
                }
            }
            for k in keys {
                let k = pystr::as_str(k);
                if !self.params[posonly..].iter().any(|p| p.name == k) {
                    return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
                }
            }
        }
        Ok(())
    }

    /// Clinic's `_PyArg_BadArgument`: `f() argument 'x' must be str, not int` (`argument 2`
    /// for a positional-only parameter). `index` counts from 0.
    #[cold]
    pub fn bad_argument(&self, vm: &mut Vm, index: usize, expected: &str, got: &Value) -> PyErr {
        let p = &self.params[index];
        let which = if p.kind == Kind::PositionalOnly { format!("argument {}", index + 1) } else { format!("argument '{}'", p.name) };
        vm.type_error(format!("{}() {which} must be {expected}, not {}", self.bare(), got.ty().name()))
    }
}

/// A slot wrapper's argument count (CPython's `check_num_args` in `typeobject.c`):
/// `expected 1 argument, got 0`. Slot wrappers that unpack with `PyArg_UnpackTuple(args,
/// "", ...)` (`__setattr__`, `__setitem__`, `__get__`, `__set__`) use a positional spec named
/// `""` instead, whose messages begin with a space, as CPython's do.
pub fn check_num_args(vm: &mut Vm, args: &[Value], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    Err(vm.type_error(format!("expected {n} argument{}, got {}", if n == 1 { "" } else { "s" }, args.len())))
}

/// Number of positional arguments in a vectorcall argument array.
#[inline]
pub fn npositional(args: &[Value], kwnames: Option<&Value>) -> usize {
    args.len() - kwnames.map(|k| tuple::items(k).len()).unwrap_or(0)
}

/// Reject keyword arguments (`_PyArg_NoKwnames`), for functions whose arity varies in ways a
/// [`Spec`] does not describe (`*args`).
pub fn no_kwargs(vm: &mut Vm, fname: &str, kwnames: Option<&Value>) -> PyResult<()> {
    match kwnames {
        Some(k) if !tuple::items(k).is_empty() => Err(vm.type_error(format!("{fname}() takes no keyword arguments"))),
        _ => Ok(()),
    }
}

/// Split vectorcall arguments into positional values and (name, value) keyword pairs.
pub fn split_kwargs<'a>(args: &'a [Value], kwnames: Option<&'a Value>) -> (&'a [Value], Vec<(&'a str, &'a Value)>) {
    let npos = npositional(args, kwnames);
    let kws = match kwnames {
        Some(k) => tuple::items(k).iter().zip(&args[npos..]).map(|(n, v)| (pystr::as_str(n), v)).collect(),
        None => Vec::new(),
    };
    (&args[..npos], kws)
}
