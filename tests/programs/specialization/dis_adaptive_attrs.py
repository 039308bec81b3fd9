# golden: needs-specialization
# Attribute specialisations on instances whose attributes live inline (shared class keys).
import dis

class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

def use(p):
    p.x = p.x + 1
    return p.norm1() * Point.scale + p.y

for i in range(5):
    use(Point(i, -i))
dis.dis(Point.__init__, adaptive=True)
dis.dis(use, adaptive=True)
