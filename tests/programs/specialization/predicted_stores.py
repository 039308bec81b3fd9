# Loop items and int arithmetic results stored straight into the local named by the next
# STORE_FAST (or STORE_FAST__LOAD_FAST): the values, the order of side effects and the
# errors must be those of running the store as its own instruction.


import sys


class Item:
    pass


def range_loop(n):
    total = 0
    for i in range(n):
        total = total + i
    return total, i


def range_then_load(n):
    out = []
    for i in range(n):
        out.append(i * 2)
    return out


def list_loop_releases_old_item():
    # Each store of the loop variable drops its reference to the previous item.
    items = [Item(), Item(), Item(), Item()]
    prev = None
    counts = []
    for item in items:
        if prev is not None:
            counts.append(sys.getrefcount(prev))
        prev = item
    counts.append(sys.getrefcount(prev))
    print("refcounts", counts)


def tuple_loop(t):
    seen = []
    for x in t:
        seen.append(x)
    return seen


def deleted_loop_variable():
    for i in range(3):
        print(i)
        del i
    try:
        print(i)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


def arithmetic_results(a, b):
    s = a + b
    d = a - b
    p = a * b
    return s, d, p


def overflow_into_big_int():
    x = 2**61
    results = []
    for k in range(4):
        y = x + x
        z = y * 3
        w = 0 - y
        results.append((y, z, w))
        x = x + k
    return results


def store_then_load_same_name(n):
    acc = 0
    for j in range(n):
        acc = acc + j
        j = acc - j
        acc = j
    return acc


def empty_and_break():
    for i in range(0):
        print("never")
    for i in range(10):
        if i == 3:
            break
    else:
        print("no break")
    return i


def nested(n):
    rows = []
    for i in range(n):
        row = []
        for j in range(i):
            row.append(i * j)
        rows.append(row)
    return rows


def loop_over_changing_list():
    xs = [1, 2, 3]
    for x in xs:
        if x < 5:
            xs.append(x + 3)
    return xs


def big_range():
    out = []
    start = 2**62 - 2
    for v in range(start, start + 4):
        out.append(v)
    return out


def global_target():
    global G
    for G in range(3):
        pass
    return G


print(range_loop(10))
print(range_then_load(5))
list_loop_releases_old_item()
print(tuple_loop((1, "two", 3.0, None)))
deleted_loop_variable()
print(arithmetic_results(7, 5))
print(arithmetic_results(2**62, 2**62))
print(arithmetic_results(-(2**62), 2**62))
print(overflow_into_big_int())
print(store_then_load_same_name(10))
print(empty_and_break())
print(nested(5))
print(loop_over_changing_list())
print(big_range())
print(global_target())
for name in "abc":
    module_level = name
print(module_level)
