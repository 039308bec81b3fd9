# Checks a SyntaxError for an unclosed parenthesis: file, line, source line and caret.
print("never printed")
x = (1 +
