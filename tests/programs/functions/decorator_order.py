# Checks decorator expressions evaluate top-down and apply bottom-up.
def d(name):
    print("make", name)
    def deco(fn):
        print("apply", name)
        return fn
    return deco
@d("outer")
@d("inner")
def f():
    pass
print("done")
