# Checks left-to-right evaluation order of operands, arguments and dict displays.
def t(x):
    print("eval", x)
    return x
t(1) + t(2) * t(3)
print(t("a"), t("b"))
d = {t("k1"): t("v1"), t("k2"): t("v2")}
l = [t(0)][t(0)]
