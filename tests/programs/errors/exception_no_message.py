# Checks an uncaught exception without arguments prints just its name.
raise RuntimeError
