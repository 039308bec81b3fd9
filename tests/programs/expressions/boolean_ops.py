# Checks and/or return operands (not bools) and short-circuit evaluation.
def t(name, val):
    print("eval", name)
    return val
print(0 or "x", "" or [] or None, 1 and 2, 0 and 1/0)
print(t("a", 0) and t("b", 1))
print(t("c", 1) or t("d", 1))
print(not 0, not "a", not None)
