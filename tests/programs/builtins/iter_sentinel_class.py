# Checks two-arg iter with a callable object and stopping at the sentinel exactly.
class Reader:
    def __init__(self):
        self.chunks = ["ab", "cd", "", "never"]
    def __call__(self):
        return self.chunks.pop(0)
print(list(iter(Reader(), "")))
