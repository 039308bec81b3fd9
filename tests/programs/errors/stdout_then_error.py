# Checks stdout written before an uncaught error is flushed and kept.
for i in range(3):
    print("line", i)
raise ValueError("after output")
