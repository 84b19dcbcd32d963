class Node:
    pass
head = None
for i in range(10**7):
    node = Node()
    node.next = head
    head = node
