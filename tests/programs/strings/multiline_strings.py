# Checks triple-quoted strings preserve newlines and indentation; line continuation inside.
text = """first
  second
third\
 joined"""
print(text)
print(text.count("\n"))
