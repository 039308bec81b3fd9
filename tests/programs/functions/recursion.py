# Checks recursive functions: factorial, fibonacci with memo dict, mutual recursion, Ackermann.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
memo = {}
def fib(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(fact(30), fib(90), is_even(100), is_odd(7), ack(2, 3))
