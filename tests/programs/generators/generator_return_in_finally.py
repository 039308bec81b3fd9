# Checks a generator's finally block runs when the consumer breaks out and the generator is dropped.
def g():
    try:
        for i in range(10):
            yield i
    finally:
        print("cleanup")
for v in g():
    if v == 2:
        break
    print(v)
print("after loop")
