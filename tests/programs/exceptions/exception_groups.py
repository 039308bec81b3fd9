# Checks ExceptionGroup and except* splitting handled subgroups.
try:
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t"), ValueError("v2")])
except* ValueError as eg:
    print("values", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types", [str(e) for e in eg.exceptions])
eg = ExceptionGroup("g", [KeyError(1)])
print(repr(eg), str(eg), eg.exceptions)
