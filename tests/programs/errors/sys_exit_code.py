# Checks sys.exit(3) exits with status 3 and no traceback; finally blocks still run.
import sys
try:
    print("exiting")
    sys.exit(3)
finally:
    print("finally ran")
print("never")
