# Checks object() instances: no attributes can be set, identity equality, and type.
o = object()
print(type(o).__name__, o == o, o == object(), isinstance(o, object))
try:
    o.x = 1
except AttributeError as e:
    print(e)
