//! Unit tests of the object core through the embedding API: tagged ints, reference counts,
//! immortality, deallocation of deep structures, the cycle collector, and dicts.
//! Run them under AddressSanitizer too (see README).

use pyrite_vm::object::{Value, SMALL_INT_MAX, SMALL_INT_MIN};
use pyrite_vm::objects::{dict, int, list, none, str as pystr, tuple};
use pyrite_vm::{Config, Interpreter, Vm};

/// Run `f` in a fresh interpreter.
fn in_vm(f: impl FnOnce(&mut Vm) + Send) {
    Interpreter::new(Config::default()).with(f);
}

/// Run `src` as a module and return its globals.
fn run(vm: &mut Vm, src: &str) -> Value {
    let code = vm.compile_source(src, "<test>", pyrite_compiler::Mode::Exec).expect("compiles");
    let globals = dict::new_dict();
    let key = vm.intern("__builtins__");
    dict::dict_data(&globals).unwrap().set_str(key, vm.builtins_module().clone());
    pyrite_vm::eval::call::run_code(vm, &code, &globals, None).expect("runs");
    globals
}

fn global(vm: &mut Vm, globals: &Value, name: &str) -> Value {
    let key = vm.intern(name);
    dict::get_str_key(globals, &key).expect("global exists")
}

#[test]
fn small_ints_are_tagged_and_round_trip() {
    in_vm(|_vm| {
        for i in [0, 1, -1, 42, SMALL_INT_MAX, SMALL_INT_MIN] {
            let v = Value::int(i);
            assert!(v.is_small_int(), "{i} should be tagged");
            assert_eq!(v.as_small_int(), Some(i));
            assert!(std::ptr::eq(v.ty(), int::int_type()));
        }
        // One past the tagged range is a heap int, and converts back exactly.
        let big = Value::int(SMALL_INT_MAX + 1);
        assert!(!big.is_small_int());
        assert_eq!(int::as_int(&big).unwrap().to_i64(), Some(SMALL_INT_MAX + 1));
        // A big result that fits is demoted to the tagged form.
        let back = int::from_bigint(num_bigint::BigInt::from(7));
        assert!(back.is_small_int());
    });
}

#[test]
fn clone_and_drop_adjust_reference_counts() {
    in_vm(|_vm| {
        let l = list::new_list(vec![]);
        assert_eq!(l.refcount(), 1);
        let l2 = l.clone();
        assert_eq!(l.refcount(), 2);
        drop(l2);
        assert_eq!(l.refcount(), 1);
    });
}

#[test]
fn immortal_objects_never_change_count() {
    in_vm(|_vm| {
        let n = none::none();
        let before = n.refcount();
        let copies: Vec<Value> = (0..100).map(|_| n.clone()).collect();
        assert_eq!(n.refcount(), before);
        drop(copies);
        assert_eq!(n.refcount(), before);
        assert_eq!(before, u32::MAX as isize, "reported like CPython's immortal objects");
    });
}

#[test]
fn getrefcount_matches_cpython_for_the_seed_example() {
    in_vm(|vm| {
        let g = run(vm, "import sys\nx = []\na = sys.getrefcount(x)\ny = x\nb = sys.getrefcount(x)\ndel y\nc = sys.getrefcount(x)\n");
        let got: Vec<i64> = ["a", "b", "c"].iter().map(|n| global(vm, &g, n).as_small_int().unwrap()).collect();
        assert_eq!(got, vec![2, 3, 2]);
    });
}

#[test]
fn deep_nesting_frees_without_recursion_overflow() {
    in_vm(|_vm| {
        let nest = || {
            // A million nested one-element tuples: freeing must not recurse on the Rust stack.
            let mut v = none::none();
            for _ in 0..1_000_000 {
                v = tuple::new_tuple(vec![v]);
            }
            drop(v);
            let mut l = list::new_list(vec![]);
            for _ in 0..200_000 {
                l = list::new_list(vec![l]);
            }
            l
        };
        // A first round fills the free lists (whose blocks stay counted); after that, every
        // object of a round is freed, exactly (allocation and free note the same sizes).
        drop(nest());
        let before = pyrite_vm::limits::allocated();
        let l = nest();
        assert!(pyrite_vm::limits::allocated() > before + 200_000 * 40, "the lists are counted");
        drop(l);
        assert_eq!(pyrite_vm::limits::allocated(), before);
    });
}

#[test]
fn cycle_collector_frees_unreachable_cycles() {
    in_vm(|vm| {
        let g = run(
            vm,
            "import gc\nfreed = []\nclass Node:\n    def __init__(self):\n        self.parent = None\n        self.children = []\n    def __del__(self):\n        freed.append(1)\np = Node()\nc = Node()\np.children.append(c)\nc.parent = p\ndel p, c\nn = gc.collect()\n",
        );
        let n = global(vm, &g, "n").as_small_int().unwrap();
        assert!(n > 0, "gc.collect() found the cycle");
        let freed = global(vm, &g, "freed");
        assert_eq!(list::list_data(&freed).unwrap().len(), 2, "both __del__ ran once");
    });
}

#[test]
fn self_referencing_list_is_collected() {
    in_vm(|vm| {
        let l = list::new_list(vec![]);
        list::list_data(&l).unwrap().push(l.clone());
        assert_eq!(l.refcount(), 2);
        drop(l);
        assert!(pyrite_vm::gc::collect(vm) >= 1);
    });
}

#[test]
fn dict_keeps_insertion_order_through_deletes_and_resizes() {
    in_vm(|vm| {
        let d = dict::new_dict();
        let dd = dict::dict_data(&d).unwrap();
        for i in 0..1000 {
            dd.set(vm, Value::int(i), Value::int(i * 2)).unwrap();
        }
        for i in (0..1000).step_by(2) {
            assert!(dd.remove(vm, &Value::int(i)).unwrap().is_some());
        }
        assert_eq!(dd.len(), 500);
        let keys: Vec<i64> = dd.keys().iter().map(|k| k.as_small_int().unwrap()).collect();
        assert_eq!(keys, (1..1000).step_by(2).collect::<Vec<_>>());
        assert_eq!(dd.get(vm, &Value::int(999)).unwrap().and_then(|v| v.as_small_int()), Some(1998));
        // String keys hash like CPython with PYTHONHASHSEED=0 and compare by value.
        let k1 = pystr::new_str("spam");
        let k2 = pystr::new_str("spam");
        dd.set(vm, k1, Value::int(1)).unwrap();
        assert_eq!(dd.get(vm, &k2).unwrap().and_then(|v| v.as_small_int()), Some(1));
    });
}

#[test]
fn recursion_limit_raises_recursion_error() {
    in_vm(|vm| {
        let code = vm.compile_source("def f(n):\n    return f(n + 1)\nf(0)\n", "<test>", pyrite_compiler::Mode::Exec).unwrap();
        let globals = dict::new_dict();
        let key = vm.intern("__builtins__");
        dict::dict_data(&globals).unwrap().set_str(key, vm.builtins_module().clone());
        let err = pyrite_vm::eval::call::run_code(vm, &code, &globals, None).unwrap_err();
        assert_eq!(err.exc.ty().name(), "RecursionError");
    });
}

/// The method cache is per interpreter and keyed by interned names' addresses: interpreters
/// that follow each other (or live side by side) on one thread must not see each other's
/// entries.
#[test]
fn method_cache_does_not_leak_between_interpreters() {
    let src_a = "class K:\n    def alpha(self):\n        return 'a'\nr = [K().alpha() for _ in range(50)][-1] + str(len(dir(int)))\nx = (5).bit_length()\n";
    let src_b = "class K:\n    def beta(self):\n        return 'b'\nr = [K().beta() for _ in range(50)][-1] + str(hasattr(int, 'alpha'))\nx = (5).bit_length()\n";
    for round in 0..3 {
        let mut a = Interpreter::new(Config::default());
        a.run_source(src_a).unwrap();
        assert!(a.eval("r").unwrap().starts_with("'a"), "round {round}");
        // A second interpreter alive at the same time, then the first one goes away.
        let mut b = Interpreter::new(Config::default());
        drop(a);
        b.run_source(src_b).unwrap();
        assert_eq!(b.eval("r").unwrap(), "'bFalse'", "round {round}");
        assert_eq!(b.eval("x").unwrap(), "3");
    }
}
