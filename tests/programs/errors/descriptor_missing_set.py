# A data descriptor that defines only one of __set__/__delete__: the missing one is an
# AttributeError naming it. And repr() of noncharacters escapes them.
class DelOnly:
    def __get__(self, obj, t=None):
        return 1
    def __delete__(self, obj):
        print("deleted")

class SetOnly:
    def __set__(self, obj, v):
        print("set", v)

class C:
    d = DelOnly()
    s = SetOnly()

c = C()
for _ in range(3):
    try:
        c.d = 5
    except AttributeError as e:
        print("AttributeError:", e)
del c.d
c.s = 3
try:
    del c.s
except AttributeError as e:
    print("AttributeError:", e)
print(repr("\uffff\ufffe\ufdd0\ufdef\U0001fffe\U0010ffff a\u00e9"), "\uffff".isprintable(), "\ufdd5".isprintable(), "\ufdcf".isprintable())
