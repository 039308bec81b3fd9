# Error cases around lone surrogates and code points.
def attempt(f, *args):
    try:
        r = f(*args)
        print('ok', ascii(r))
    except Exception as e:
        print(type(e).__name__ + ':', ascii(str(e)))

attempt(chr, 0xd800)
attempt(chr, -1)
attempt(chr, 0x110000)
attempt(chr, 2**40)
attempt(chr, 'x')
attempt(ord, '\udc80')
attempt(ord, '\ud800\udc00')
attempt(ord, '')
attempt(str.encode, '\ud800')
attempt(str.encode, 'a\ud800\udfffb', 'ascii')
attempt(str.encode, 'a\ud800', 'utf-8', 'nonsense')
attempt(bytes.decode, b'\xed\xb2\x80', 'utf-8')
attempt(bytes.decode, b'\xed\xb2\x80', 'utf-8', 'surrogatepass')
attempt(int, '\ud800')
attempt(float, '1\udc80')
attempt('\ud800'.index, 'x')
attempt('\ud800x'.split, '')
attempt(str.join, '\ud800', ['a', 1])
d = {'\ud800': 1}
attempt(d.__getitem__, '\ud801')
attempt(lambda: ascii(compile('x = "\\ud800"\n', 'f', 'exec').co_consts))
attempt(eval, '"\\ud800" + "\\udc00"')
attempt(eval, 'r"\\ud800"')
