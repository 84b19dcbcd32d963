# FrozenLake-v1: the transition table P (slippery and not), rewards, termination, text
# rendering and spaces, as real Gymnasium gives them.
import gymnasium as gym

env = gym.make("FrozenLake-v1", render_mode="ansi")
print(env, env.spec.max_episode_steps, env.spec.reward_threshold, env.action_space, env.observation_space)
u = env.unwrapped
print(u.nrow, u.ncol, u.reward_range)
for s in range(16):
    print(s, [u.P[s][a] for a in range(4)])
print(env.reset(seed=0))
print(repr(env.render()))

plain = gym.make("FrozenLake-v1", is_slippery=False, render_mode="ansi")
print(plain.reset(seed=0))
for s in (0, 5, 14, 15):
    print(s, [plain.unwrapped.P[s][a] for a in range(4)])
for a in [2, 2, 1, 1, 1, 2]:
    print(plain.step(a))
    print(repr(plain.render()))
print(plain.reset(seed=0), plain.step(1), plain.step(1))
print(plain.step(2))
big = gym.make("FrozenLake8x8-v1", is_slippery=False)
print(big, big.observation_space, big.spec.max_episode_steps, big.spec.reward_threshold)
