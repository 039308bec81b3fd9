# Checks sys.argv holds just the script name when run without arguments.
import sys
print(sys.argv, len(sys.argv))
