# Checks chained method calls on built-in values and results used as receivers.
text = "  The Quick brown FOX  "
print(text.strip().lower().replace("quick", "slow").split())
print(",".join(sorted(set("mississippi"))).upper(), [1, 2, 3].copy().__len__())
