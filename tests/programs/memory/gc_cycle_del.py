# Checks gc.collect() frees an unreachable self-cycle with __del__ and returns > 0.
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("del", self.name)
n = Node("self-cycle")
del n
print("before collect")
print(gc.collect() > 0)
print("after collect")
