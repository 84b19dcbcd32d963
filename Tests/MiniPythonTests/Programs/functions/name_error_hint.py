def train(epochs):
    learning_rate = 0.1
    return learnig_rate * epochs
train(3)

# Expected output (checked with CPython 3.11):
# expect error: NameError: name 'learnig_rate' is not defined. Did you mean: 'learning_rate'?
