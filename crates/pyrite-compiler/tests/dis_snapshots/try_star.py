try:
    f()
except* ValueError as e:
    g(e)
except* TypeError:
    h()
