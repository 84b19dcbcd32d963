# CartPole-v1 dynamics from fixed states: observations, rewards, termination, the step limit,
# spaces and wrapper errors, as real Gymnasium gives them.
import math
import gymnasium as gym

env = gym.make("CartPole-v1")
print(env, env.spec.id, env.spec.max_episode_steps, env.spec.reward_threshold)
print(env.action_space, env.action_space.n, env.observation_space, env.observation_space.shape)
u = env.unwrapped
print(u.gravity, u.masscart, u.masspole, u.length, u.force_mag, u.tau, u.x_threshold, u.theta_threshold_radians)
try:
    env.step(0)
except gym.error.ResetNeeded as e:
    print("ResetNeeded:", e)

obs, info = env.reset(seed=0)
print(len(obs), info)
env.unwrapped.state = (0.01, -0.02, 0.03, -0.04)
actions = [1, 1, 0, 1, 0, 0, 0, 1, 1, 1] * 4
for t, a in enumerate(actions):
    obs, reward, terminated, truncated, info = env.step(a)
    print(t, [f"{v:.6e}" for v in obs.tolist()], reward, terminated, truncated, info)

# Pushing one way until the pole falls: termination on the angle, then rewards 0.0 after it.
obs, info = env.reset(seed=1)
env.unwrapped.state = (0.0, 0.0, 0.0, 0.0)
steps = 0
while True:
    obs, reward, terminated, truncated, info = env.step(1)
    steps += 1
    if terminated or truncated:
        break
print("fell after", steps, [f"{v:.6e}" for v in obs.tolist()], reward, terminated, truncated)
print(env.step(1)[1:4])

# Truncation: a state held upright by hand reaches the 500-step limit.
env.reset(seed=2)
for t in range(500):
    env.unwrapped.state = (0.0, 0.0, 0.0, 0.0)
    obs, reward, terminated, truncated, info = env.step(t % 2)
    if terminated or truncated:
        break
print("truncated at", t + 1, terminated, truncated)
short = gym.make("CartPole-v1", max_episode_steps=3)
short.reset(seed=0)
print([short.step(0)[3] for _ in range(3)], short.spec.max_episode_steps)

# The cart leaving the track terminates too.
env.reset(seed=3)
env.unwrapped.state = (2.39, 1.0, 0.0, 0.0)
print(env.step(1)[2])
try:
    env.step(2)
except AssertionError as e:
    print("AssertionError:", e)
print(env.action_space.contains(1), env.action_space.contains(2), 0 in env.action_space)
env.close()
