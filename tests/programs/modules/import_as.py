# Checks `import m as n` binds only the alias.
import helper_mod as hm
print(hm.VALUE, "helper_mod" in dir())
