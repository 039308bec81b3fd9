# Checks an exception raised in finally replaces the original and chains it as __context__.
try:
    try:
        raise KeyError("original")
    finally:
        raise RuntimeError("from finally")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
