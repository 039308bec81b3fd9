# `local[constant]` on lists and tuples (a record's field): values, negative and out-of-range
# indexes, subclasses, other containers at the same site, and mutation between reads.


class MyList(list):
    def __getitem__(self, i):
        return ("MyList", i)


class MyTuple(tuple):
    pass


def fields(rec):
    return rec[0], rec[1], rec[2]


def last(rec):
    return rec[-1]


def third(rec):
    return rec[2]


for _ in range(3):
    print(fields([1, "two", 3.0]), fields((4, 5, 6)), last([7, 8]), last((9,)))
print(fields(MyList([1, 2, 3])), fields(MyTuple((7, 8, 9))), fields("abc"), fields({0: "a", 1: "b", 2: "c"}))
try:
    third([1, 2])
except IndexError as e:
    print("IndexError:", e)
try:
    third((1,))
except IndexError as e:
    print("IndexError:", e)
try:
    third(None)
except TypeError as e:
    print("TypeError:", e)

rows = [[i, i * i, str(i)] for i in range(5)]
total = 0
for r in rows:
    total += r[0] + r[1]
    r[1] = -r[1]
    total += r[1]
print(total, rows)


def nested(t):
    return t[0][1], t[1][0]


print(nested(([1, 2], (3, 4))), nested(((5, 6), [7, 8])))
