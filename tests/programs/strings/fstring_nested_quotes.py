# Checks f-strings with nested quotes, nested f-strings and multi-line bodies (PEP 701 in 3.12).
items = ["a", "b"]
print(f"{', '.join(items)}")
print(f"{f'{1 + 1}'}!")
print(f"{"double inside double"}")
print(f"""{
    len(items)
}""")
