# Checks time.time and time.perf_counter are floats and monotonic (times are never printed).
import time
t1, p1 = time.time(), time.perf_counter()
s = sum(range(10000))
t2, p2 = time.time(), time.perf_counter()
print(type(t1).__name__, type(p1).__name__, t2 >= t1, p2 >= p1, t1 > 1.6e9, s)
print(type(time.monotonic()).__name__, time.monotonic() <= time.monotonic())
