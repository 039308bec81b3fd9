# Checks NameError's "Did you mean" suggestion for a close misspelling.
counter = 1
print(countr)
