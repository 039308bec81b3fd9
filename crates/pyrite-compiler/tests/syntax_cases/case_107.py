print f"x"
