# Checks empty-body constructs using pass and ellipsis in loops, ifs, functions, classes.
for _ in range(3):
    pass
if False:
    ...
else:
    pass
def noop(): ...
class Empty: pass
print(noop(), Empty.__name__)
