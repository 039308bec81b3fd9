# Checks assert passes silently, raises AssertionError with and without a message.
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert [] , f"empty list {len([])}"
except AssertionError as e:
    print(repr(e), str(e))
