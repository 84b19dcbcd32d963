"a\tb".expandtabs(10**12)
