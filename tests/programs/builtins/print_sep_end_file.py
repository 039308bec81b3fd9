# Checks print with sep, end, file=sys.stderr and flush; stderr output is part of the expectation.
import sys
print("a", "b", "c", sep="-")
print("no newline", end="")
print(" continued", end="!\n")
print("x", "y", sep="", end="\n\n")
print("to stderr", 1, file=sys.stderr)
print(*[1, 2, 3], sep=", ", flush=True)
print("", end="")
print(sep="ignored")
