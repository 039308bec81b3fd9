# Checks sys.maxsize, sys.version_info[:2], byteorder type, and sys.stdout.write return value.
import sys
print(sys.maxsize == 2 ** 63 - 1, sys.version_info[:2] == (3, 12), sys.version_info >= (3, 0))
print(sys.version_info.major, type(sys.byteorder).__name__, isinstance(sys.platform, str))
n = sys.stdout.write("written\n")
print(n)
sys.stderr.write("to stderr\n")
print(type(sys.path).__name__, type(sys.float_info.max).__name__, sys.float_info.max)
