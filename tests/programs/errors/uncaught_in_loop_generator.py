# An uncaught exception raised in a generator that a for loop resumes (FOR_ITER_GEN) shows
# the generator's frame in the traceback, under the loop's line (as CPython).
def numbers(limit):
    for i in range(limit):
        if i == 2:
            raise LookupError("no number %d" % i)
        yield i

def consume():
    total = 0
    for n in numbers(5):
        total += n
        print("got", n)
    return total

consume()
