try:
    a()
except (ValueError, TypeError):
    b()
except KeyError as e:
    c(e)
except:
    d()
else:
    e()
finally:
    f()
