# slice assignment and deletion on lists, including extended slices and their errors
a = [1, 2, 3, 4, 5]
a[1:3] = "xyz"
print(a)
a[::2] = [0, 0, 0]
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
del a[::3]
print(a)
a[5:1] = [9]
print(a)
a[:] = a
print(a)
a[::-1] = range(len(a))
print(a)
try:
    a[0:1] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    a[::2] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    a[::0] = []
except ValueError as e:
    print("ValueError:", e)
b = list(range(10))
del b[-3:]
del b[::-2]
print(b)
b[len(b):] = [7, 7]
b[:0] = ("start",)
print(b)
print(b[10**30:], b[-10**30:2], b[::-3])
