# Checks __traceback__ exists on caught exceptions and with_traceback returns the exception.
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, e.with_traceback(None) is e)
