# Checks slice objects: attributes, indices(), repr and use as a subscript.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5))
print(slice(None, None, -1).indices(4), slice(5).indices(3))
print("abcdefghijk"[s], [0, 1, 2, 3][slice(-2, None)])
