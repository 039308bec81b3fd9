a = x and y or z
b = not x
if x and (y or z):
    f()
c = x if y else z
while not x:
    pass
