# Seed 6: a parent/child reference cycle with __del__ is freed by gc.collect(), which reports > 0.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.parent = None
        self.children = []
    def __del__(self):
        print("del", self.name)

parent = Node("parent")
child = Node("child")
child.parent = parent
parent.children.append(child)
del parent
del child
print("before collect")
n = gc.collect()
print(n > 0)
print("after collect")
