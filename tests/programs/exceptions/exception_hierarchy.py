# Checks the built-in exception hierarchy relationships.
pairs = [(ZeroDivisionError, ArithmeticError), (KeyError, LookupError), (IndexError, LookupError),
         (UnboundLocalError, NameError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
         (FileNotFoundError, OSError), (StopIteration, Exception), (KeyboardInterrupt, Exception),
         (SystemExit, BaseException), (ModuleNotFoundError, ImportError), (IndentationError, SyntaxError)]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
