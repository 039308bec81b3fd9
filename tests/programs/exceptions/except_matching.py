# Checks except clause matching: by base class, tuple of types, order of clauses, bare except.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-specific " + type(e).__name__
    except LookupError:
        return "lookup"
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except:
        return "bare"
for exc in [KeyError("k"), IndexError(), LookupError(), ZeroDivisionError(), OverflowError(), TypeError()]:
    print(classify(exc))
