# Checks functions created in a loop share the loop variable unless bound via a default.
handlers = {}
for name in ["a", "b"]:
    def h(n=name):
        return "handler " + n
    handlers[name] = h
print(handlers["a"](), handlers["b"]())
