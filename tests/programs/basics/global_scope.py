# Checks module-level names visible in functions and the global statement.
counter = 0
def bump():
    global counter
    counter += 1
def read():
    return counter
bump(); bump()
print(counter, read())
def make():
    global created
    created = "yes"
make()
print(created)
