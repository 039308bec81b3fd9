# Checks a parent/child cycle is freed by gc.collect() (seed 6), with __del__ order made order-free.
import gc
freed = []
class Node:
    def __init__(self, name):
        self.name = name
        self.parent = None
        self.children = []
    def __del__(self):
        freed.append(self.name)
parent = Node("parent")
child = Node("child")
child.parent = parent
parent.children.append(child)
del parent, child
print(freed)
n = gc.collect()
print(n > 0, sorted(freed))
