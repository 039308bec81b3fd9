# Checks raise ... from sets __cause__ and __suppress_context__; raise from None.
try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as v:
    print(repr(v), repr(v.__cause__), v.__suppress_context__, v.__context__ is v.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("hidden") from None
except RuntimeError as r:
    print(r.__cause__, r.__suppress_context__, type(r.__context__).__name__)
