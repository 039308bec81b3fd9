# Checks raise SystemExit(5) exits with status 5.
print("bye 5")
raise SystemExit(5)
