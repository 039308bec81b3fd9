# Checks freeing a long singly linked list of user objects (100,000 nodes).
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt
head = None
for i in range(100000):
    head = Node(i, head)
total = 0
node = head
while node is not None:
    total += node.value
    node = node.next
print(total)
head = None
print("freed")
