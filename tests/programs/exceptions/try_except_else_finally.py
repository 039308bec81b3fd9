# Checks execution order of try/except/else/finally with and without an exception.
def run(fail):
    try:
        print("try")
        if fail:
            raise ValueError("bad")
    except ValueError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
    print("after")
run(False)
run(True)
