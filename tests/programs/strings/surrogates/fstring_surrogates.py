# Lone surrogate escapes in f-string literal text, implicit concatenation and raw f-strings.
x = 5
s = f'a\ud800{x}\udc80{{}}b'
print(ascii(s), len(s))
t = f'\ud83d' f'{x}' '\ude00' 'z'
print(ascii(t), len(t))
u = rf'\ud800{x}'
print(ascii(u))

print(ascii('\ud800' 'x' "\udfff"), ascii(f'{x!r:>3}\U0000dc00'))
