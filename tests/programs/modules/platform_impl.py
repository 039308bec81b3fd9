# Checks platform.python_implementation() returns a non-empty str (value differs from CPython's, so not printed).
import platform
impl = platform.python_implementation()
print(type(impl).__name__, len(impl) > 0)
print(platform.python_version_tuple()[:2] == ("3", "12"))
