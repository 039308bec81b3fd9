# Checks chained generator pipelines are lazy and interleave their work.
def source():
    for i in range(4):
        print("produce", i)
        yield i
def double(it):
    for v in it:
        print("double", v)
        yield v * 2
for v in double(source()):
    print("consume", v)
