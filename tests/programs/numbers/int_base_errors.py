# Checks int() ValueError messages for bad literals and bases.
for args in [("abc",), ("12", 2), ("", ), ("1.5",), ("0x10",)]:
    try:
        int(*args)
    except ValueError as e:
        print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
