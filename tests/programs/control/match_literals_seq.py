# Checks match with tuple patterns, wildcards, value patterns and nested captures.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def cmd(c):
    match c:
        case ("go", direction):
            return "going " + direction
        case ("pick", ("up" | "down") as how, *items):
            return f"pick {how} {items}"
        case Color.RED:
            return "red!"
        case None:
            return "none"
        case _:
            return "unknown"
for c in [("go", "north"), ("pick", "up", "a", "b"), ("pick", "over"), Color.RED, Color.GREEN, None]:
    print(cmd(c))
