# Checks a multi-frame traceback for an exception raised deep inside nested calls.
def level3(v):
    return v["key"]
def level2(v):
    return level3(v) + 1
def level1():
    data = {}
    return level2(data)
level1()
