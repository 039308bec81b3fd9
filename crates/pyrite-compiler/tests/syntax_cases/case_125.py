del [a + 1]
