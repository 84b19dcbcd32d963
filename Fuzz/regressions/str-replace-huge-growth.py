s = "a" * 2**20
s.replace("", s)
