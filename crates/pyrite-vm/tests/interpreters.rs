//! Interpreter isolation through the embedding API: interpreters side by side on one thread,
//! on two threads at once, one moved between threads, and running out of type version tags.
//! Each interpreter's collector, finalizers, `gc` switches, classes and caches are its own.
//! Run these under AddressSanitizer too (see README).

use pyrite_vm::{Config, Interpreter};

fn new() -> Interpreter {
    Interpreter::new(Config::default())
}

/// A cycle whose members record their `__del__` in `log`, a class `K` with a method, and
/// the collector's switch, for one interpreter named `name`.
fn setup(py: &mut Interpreter, name: &str) {
    let src = format!(
        "import gc\n\
         log = []\n\
         class Node:\n    def __init__(self, tag):\n        self.tag = tag\n        self.other = None\n    def __del__(self):\n        log.append(self.tag)\n\
         def make_cycle(tag):\n    a = Node(tag + '-a')\n    b = Node(tag + '-b')\n    a.other = b\n    b.other = a\n\
         class K:\n    def m(self):\n        return '{name}'\n\
         def call_m():\n    k = K()\n    return [k.m() for _ in range(20)][-1]\n\
         call_m()\n"
    );
    py.run_source(&src).unwrap();
}

#[test]
fn two_interpreters_on_one_thread_share_nothing() {
    let mut a = new();
    let mut b = new();
    setup(&mut a, "A");
    setup(&mut b, "B");
    // Each makes a cycle, left for the collector.
    a.run_source("make_cycle('a1')").unwrap();
    b.run_source("make_cycle('b1')").unwrap();
    // Collecting in A finds A's cycle only, and runs only A's finalizers, inside A.
    assert_eq!(a.eval("gc.collect() >= 2").unwrap(), "True");
    assert_eq!(a.eval("sorted(log)").unwrap(), "['a1-a', 'a1-b']");
    assert_eq!(b.eval("log").unwrap(), "[]");
    // gc.disable() in A leaves B's collector on.
    a.run_source("gc.disable()").unwrap();
    assert_eq!(a.eval("gc.isenabled()").unwrap(), "False");
    assert_eq!(b.eval("gc.isenabled()").unwrap(), "True");
    assert_eq!(b.eval("gc.collect() >= 2").unwrap(), "True");
    assert_eq!(b.eval("sorted(log)").unwrap(), "['b1-a', 'b1-b']");
    assert_eq!(a.eval("sorted(log)").unwrap(), "['a1-a', 'a1-b']");
    // Patching B's class (after its call sites specialised) changes nothing in A, whose sites
    // are specialised for its own class of the same name.
    b.run_source("K.m = lambda self: 'patched'").unwrap();
    assert_eq!(b.eval("call_m()").unwrap(), "'patched'");
    assert_eq!(a.eval("call_m()").unwrap(), "'A'");
    // A's thresholds and counts are its own.
    a.run_source("gc.set_threshold(12345)").unwrap();
    assert_eq!(b.eval("gc.get_threshold()[0] != 12345").unwrap(), "True");
    // Dropping A runs A's remaining finalizers in A; B is untouched and still works.
    a.run_source("make_cycle('a2')").unwrap();
    drop(a);
    assert_eq!(b.eval("sorted(log)").unwrap(), "['b1-a', 'b1-b']");
    b.run_source("make_cycle('b2')\ngc.collect()").unwrap();
    assert_eq!(b.eval("sorted(log)").unwrap(), "['b1-a', 'b1-b', 'b2-a', 'b2-b']");
}

#[test]
fn interleaved_calls_keep_objects_in_their_interpreter() {
    // Objects made in one interpreter and freed while the other was attached in between
    // would land on the wrong free lists and collector lists: alternate many times.
    let mut a = new();
    let mut b = new();
    for i in 0..50 {
        a.run_source(&format!("x = [(j, float(j), str(j)) for j in range({i} * 10)]\ny = {{k: [k] for k in range(50)}}")).unwrap();
        b.run_source(&format!("x = [(j, float(j)) for j in range({i})]\ny = None")).unwrap();
    }
    assert_eq!(a.eval("len(x), len(y)").unwrap(), "(490, 50)");
    assert_eq!(b.eval("len(x), y").unwrap(), "(49, None)");
    let (before_a, before_b) = (a.allocated_bytes(), b.allocated_bytes());
    a.run_source("del x, y").unwrap();
    assert!(a.allocated_bytes() < before_a, "A's objects were freed into A");
    assert_eq!(b.allocated_bytes(), before_b, "B's accounting did not move");
}

#[test]
fn two_interpreters_on_two_threads_at_once() {
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
    let handles: Vec<_> = ["left", "right"]
        .into_iter()
        .map(|name| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let mut py = new();
                setup(&mut py, name);
                barrier.wait();
                // Both threads allocate, make cycles, collect and patch classes at the same
                // time; each must see exactly its own results.
                let src = format!(
                    "total = 0\n\
                     for i in range(300):\n    make_cycle('{name}%d' % i)\n    total += len([str(j) for j in range(50)])\n    if i % 50 == 0:\n        gc.collect()\n\
                     gc.collect()\n\
                     K.m = lambda self: '{name}-patched'\n"
                );
                py.run_source(&src).unwrap();
                let freed = py.eval(&format!("len(log), all(t.startswith('{name}') for t in log)")).unwrap();
                let total = py.eval("total").unwrap();
                let m = py.eval("call_m()").unwrap();
                (freed, total, m)
            })
        })
        .collect();
    for (h, name) in handles.into_iter().zip(["left", "right"]) {
        let (freed, total, m) = h.join().expect("thread ran");
        assert_eq!(freed, "(600, True)");
        assert_eq!(total, "15000");
        assert_eq!(m, format!("'{name}-patched'"));
    }
}

#[test]
fn an_interpreter_moves_between_threads() {
    let mut py = new();
    setup(&mut py, "mover");
    py.run_source("state = [1]\nmake_cycle('main')").unwrap();
    // On another thread: the same objects, collector and caches.
    let mut py = std::thread::spawn(move || {
        py.run_source("state.append(2)\ngc.collect()").unwrap();
        assert_eq!(py.eval("sorted(log)").unwrap(), "['main-a', 'main-b']");
        py.run_source("make_cycle('worker')").unwrap();
        py
    })
    .join()
    .expect("worker ran");
    // Back here: the cycle made on the worker is collected here.
    py.run_source("state.append(3)\ngc.collect()").unwrap();
    assert_eq!(py.eval("state").unwrap(), "[1, 2, 3]");
    assert_eq!(py.eval("sorted(log)").unwrap(), "['main-a', 'main-b', 'worker-a', 'worker-b']");
    assert_eq!(py.eval("call_m()").unwrap(), "'mover'");
    // And it is torn down on a third thread.
    std::thread::spawn(move || drop(py)).join().expect("dropped");
}

/// Version tags are never reused: once they run out, types get tag 0 and nothing caches
/// them. With a counter that wrapped around, a class would get an old tag back, and the
/// method cache entry made under that tag (a borrowed pointer to a method since replaced and
/// freed) would be found again: the freed function would be called.
#[test]
fn running_out_of_type_version_tags_stops_caching() {
    let config = Config { remaining_type_tags: Some(300), ..Config::default() };
    let mut py = Interpreter::new(config);
    py.run_source(
        "import weakref\n\
         class C:\n    def f(self):\n        return 0\n\
         c = C()\n\
         def call():\n    return c.f()\n\
         assert [call() for _ in range(5)] == [0] * 5 and C.f(c) == 0\n\
         old = weakref.ref(C.f)\n\
         def f(self):\n    return 1\n\
         C.f = f\n\
         del f\n\
         assert old() is None, 'the replaced method is freed'\n\
         # Every tag is used up (and, were tags reused, the old ones come round again); the\n\
         # lookups and call sites must find the new method each time.\n\
         for j in range(1000):\n\
         \x20   C.x = j\n\
         \x20   junk = [lambda: j for _ in range(3)]\n\
         \x20   assert C.f(c) == 1 and call() == 1 and c.f() == 1, j\n",
    )
    .unwrap();
    // Classes made after the tags ran out work, uncached.
    py.run_source("class D(C):\n    def g(self):\n        return 'g'\nd = D()\nr = [d.g() + str(d.f()) for _ in range(10)]").unwrap();
    assert_eq!(py.eval("r[-1]").unwrap(), "'g1'");
}

#[test]
fn finalizing_frees_every_object_after_errors_and_cycles() {
    let mut py = new();
    setup(&mut py, "F");
    assert!(py.eval("undefined_name").is_err());
    assert!(py.run_source("def f():\n    raise ValueError('x')\nf()").is_err());
    assert!(py.run_source("getattr(object(), 'missing')").is_err());
    // A class holding an instance of itself, a self-referencing list, a cycle with __del__,
    // a closure over its own class (`super()`), and a raised-and-kept exception.
    py.run_source(
        "class Single:\n    inst = None\n    def __new__(cls):\n        cls.inst = super().__new__(cls)\n        return cls.inst\n\
         Single()\nl = []\nl.append(l)\nmake_cycle('f')\n\
         try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    kept = e\n",
    )
    .unwrap();
    assert_eq!(py.finalize(), Ok(()));
}
