x = 2**(2**25)
y = x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x
