# surrogateescape and surrogatepass round-trip bytes through str; strict fails as CPython does.
raw = b'caf\xe9 \xff\xfe ok'
s = raw.decode('utf-8', 'surrogateescape')
print(repr(s), len(s))
print(s.encode('utf-8', 'surrogateescape') == raw)
print(repr(b'a\xed\xa0\x80b'.decode('utf-8', 'surrogatepass')))
print(repr('a\ud800b'.encode('utf-8', 'surrogatepass')))
print(repr(b'a\xff'.decode('ascii', 'surrogateescape')), repr(b'a\xff'.decode('latin-1', 'surrogateescape')))
print(repr('a\udcff'.encode('ascii', 'surrogateescape')), repr('a\udc80'.encode('latin-1', 'surrogateescape')))
print(repr(str(b'\x80abc', 'utf-8', 'surrogateescape')), repr(bytes('x\udc80', 'utf-8', 'surrogateescape')))
for text, enc, err in [
    ('a\ud800\udc80b', 'utf-8', 'strict'),
    ('a\ud800', 'utf-8', 'surrogateescape'),
    ('a\udc80\u00e9', 'ascii', 'strict'),
    ('\ud800', 'latin-1', 'surrogatepass'),
    ('a\ud800\ud801', 'utf-8', 'xmlcharrefreplace'),
    ('a\ud800\ud801', 'utf-8', 'replace'),
    ('a\ud800\ud801', 'utf-8', 'ignore'),
    ('a\ud800\ud801', 'utf-8', 'backslashreplace'),
]:
    try:
        print(repr(text.encode(enc, err)))
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError:', e)
for data, err in [(b'a\xed\xa0\x80b', 'strict'), (b'\xed\xa0', 'surrogatepass'), (b'a\xe9', 'surrogateescape')]:
    try:
        print(repr(data.decode('utf-8', err)))
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)
# Printing: stdout's handler is surrogateescape (C locale): escaped bytes come back out.
print('\udcc3\udca9 printed as bytes')
try:
    print('\udc41\udc42')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
try:
    print('\ud800')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
