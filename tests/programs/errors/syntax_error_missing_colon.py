# Checks the SyntaxError "expected ':'" for an if statement without a colon.
if True
    print("x")
