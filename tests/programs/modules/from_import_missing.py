# Checks ImportError message for a missing name in `from m import name`.
try:
    from helper_mod import nonexistent
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    import definitely_missing_mod
except ModuleNotFoundError as e:
    print(e, e.name)
