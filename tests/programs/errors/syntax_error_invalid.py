# Checks a SyntaxError for an invalid statement with the caret under the error.
print("never printed")
x = = 5
