import TensorEngine

print("pytorch-tutor: the engine is under construction")
