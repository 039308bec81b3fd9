# dis.dis of source text compiles an expression in eval mode (ending in RETURN_VALUE) and
# falls back to statements otherwise, as CPython's dis._try_compile does.
import dis

dis.dis("a <= b")
dis.dis("x = a + 1")
dis.dis("f(x)[0]")
dis.dis("if a:\n    b = 1\n")
