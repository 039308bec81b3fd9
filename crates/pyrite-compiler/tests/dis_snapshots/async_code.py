async def f(x):
    await x
    async with a as b:
        pass
    async for i in b:
        print(i)
    return [y async for y in x]
