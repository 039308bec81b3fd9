# Checks ord/chr round trips and error messages.
print(ord("a"), ord("€"), chr(97), chr(0x10FFFF) == "\U0010ffff", [chr(c) for c in range(65, 70)])
for bad in [lambda: ord("ab"), lambda: chr(-1), lambda: chr(0x110000)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
