a = []
for i in range(10**7): a = [a]
