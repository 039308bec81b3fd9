# Lone surrogates are code points of their own: literals, chr, len, indexing, slicing,
# iteration, comparison, hashing as dict keys, concatenation and repr.
s = '\ud800'
print(len(s), repr(s), ascii(s), ord(s))
t = 'a\udc80b' + 'é' * 3 + '\U0001f600'
print(repr(t), len(t), [hex(ord(c)) for c in t])
print(repr(t[1]), repr(t[1:4]), repr(t[::-1]), repr(t[-1]), repr(t[::2]))
print(chr(0xdfff) == '\udfff', '\ud83d\ude00' == '\U0001f600', len('\ud83d' + '\ude00'))
pair = '\ud83d' + '\ude00'
print(repr(pair), [hex(ord(c)) for c in pair], pair != '\U0001f600')
print(sorted(['\ue000', '\udfff', '\U00010000', 'z', '\ud7a3']))
print('\ud800' < '\ue000', '\udfff' > '\ud7ff', max('a\ud800', 'a\uffff') == 'a\uffff')
d = {'ab\ud800': 1, 'ab\udc00': 2}
print(d['ab' + '\ud800'], d['ab' + chr(0xdc00)], len({'\ud800', chr(0xd800), '\ud800'[:1]}))
print(hash('x\ud800') == hash('x' + '\ud800'))
print(list('x\udcffy'), [c for c in reversed('\ud800\udc00')])
u = "a\\ud800 is not \ud800"
print(repr(u), len(u))
print(repr('\U0000dc80'), repr('\N{LATIN SMALL LETTER E WITH ACUTE}\ud801'))
print(repr(''.join(['\ud800', 'x', '\udc00'])), repr('-'.join('\ud800\udc01')))
acc = ''
for c in '\ud800abc\udfff':
    acc += c
print(repr(acc), len(acc), repr(acc * 2))
print(str('\ud800') == '\ud800', repr(str.__str__('\udc80')))
class S(str):
    pass
print(repr(S('q\ud800')), len(S('q\ud800')), repr(S('q\ud800') + 'z'))
big = ('é\ud800' * 50) + 'end'
print(repr(big[99]), repr(big[40:45]), big[-3:], big.index('end'))
