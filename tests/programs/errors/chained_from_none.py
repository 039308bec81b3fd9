# Checks raise ... from None suppresses the context in the printed traceback.
try:
    {}["k"]
except KeyError:
    raise LookupError("clean") from None
