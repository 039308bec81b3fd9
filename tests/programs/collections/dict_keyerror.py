# Checks KeyError raised by missing dict keys, its args and str/repr forms.
d = {"a": 1}
for key in ["missing", 42, ("t", 1), ""]:
    try:
        d[key]
    except KeyError as e:
        print(repr(e), str(e), e.args)
