# Argument errors of sys, gc and time functions and of iterators' __length_hint__/__reduce__
import sys, gc, time
cases = [
    "sys.getrecursionlimit(1)", "sys.exc_info(1)", "sys.exception(1)", "sys.intern()", "sys.intern(x=1)",
    "sys.intern(1)", "sys._getframe(1, 2)", "sys.exit(1, 2)", "sys.getdefaultencoding(1)",
    "sys.get_int_max_str_digits(1)", "sys.getswitchinterval(1)", "sys.is_finalizing(1)",
    "sys.getfilesystemencodeerrors(1)", "sys.stdout.flush(1)",
    "gc.collect(1, 2)", "gc.collect(x=1)", "gc.enable(1)", "gc.disable(1)", "gc.isenabled(1)",
    "gc.get_count(1)", "gc.get_threshold(1)", "gc.get_referents(x=1)",
    "time.time(1)", "time.perf_counter(1)", "time.perf_counter_ns(1)", "time.time_ns(1)",
    "iter([]).__length_hint__(1)", "iter(()).__length_hint__(1)", "iter(range(3)).__length_hint__(1)",
    "reversed([]).__length_hint__(1)", "iter(set()).__length_hint__(1)", "set().__reduce__(1)",
    "frozenset().__reduce__(x=1)", "iter({}).__length_hint__(1)", "iter('ab').__length_hint__(1)",
]
for c in cases:
    try:
        eval(c)
        print(c, "-> ok")
    except TypeError as e:
        print(c, "->", e)
print(gc.collect(generation=2) >= 0, sys.intern("ab"), iter([1, 2]).__length_hint__())
