# Checks raise SystemExit with no argument exits with status 0 and no output.
print("bye")
raise SystemExit
