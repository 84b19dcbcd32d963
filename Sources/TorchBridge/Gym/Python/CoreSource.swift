extension GymnasiumSource {
    /// `gymnasium.Env` and `gymnasium.Wrapper`, and the wrappers `gym.make` puts around every
    /// environment: `TimeLimit` (truncation after `max_episode_steps`), `OrderEnforcing`
    /// (`reset()` before `step()`/`render()`) and `PassiveEnvChecker`.
    static let core = #"""
import sys
import torch
from gymnasium import error, spaces


class Env:
    """An environment: reset() starts an episode and returns (observation, info); step(action)
    returns (observation, reward, terminated, truncated, info). Subclasses set action_space and
    observation_space and draw their randomness from self.np_random, seeded by reset(seed=...)."""
    metadata = {"render_modes": []}
    render_mode = None
    spec = None
    action_space = None
    observation_space = None
    _np_random = None
    _np_random_seed = None

    def step(self, action):
        raise NotImplementedError

    def reset(self, *, seed=None, options=None):
        if seed is not None:
            self._np_random, self._np_random_seed = spaces.np_random(seed)

    def render(self):
        raise NotImplementedError

    def close(self):
        pass

    @property
    def unwrapped(self):
        return self

    @property
    def np_random(self):
        if self._np_random is None:
            self._np_random, self._np_random_seed = spaces.np_random()
        return self._np_random

    @np_random.setter
    def np_random(self, value):
        self._np_random = value
        self._np_random_seed = -1

    @property
    def np_random_seed(self):
        if self._np_random_seed is None:
            self._np_random, self._np_random_seed = spaces.np_random()
        return self._np_random_seed

    def get_wrapper_attr(self, name):
        return getattr(self, name)

    def has_wrapper_attr(self, name):
        return hasattr(self, name)

    def __str__(self):
        if self.spec is None:
            return f"<{type(self).__name__} instance>"
        return f"<{type(self).__name__}<{self.spec.id}>>"

    def __repr__(self):
        return str(self)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


class Wrapper(Env):
    """An environment around another one (`env`), forwarding what it does not change."""

    def __init__(self, env):
        self.env = env
        self._action_space = None
        self._observation_space = None
        self._metadata = None

    def step(self, action):
        return self.env.step(action)

    def reset(self, *, seed=None, options=None):
        return self.env.reset(seed=seed, options=options)

    def render(self):
        return self.env.render()

    def close(self):
        return self.env.close()

    @property
    def unwrapped(self):
        return self.env.unwrapped

    @property
    def spec(self):
        return self.env.spec

    @property
    def render_mode(self):
        return self.env.render_mode

    @property
    def action_space(self):
        return self.env.action_space if self._action_space is None else self._action_space

    @action_space.setter
    def action_space(self, space):
        self._action_space = space

    @property
    def observation_space(self):
        return self.env.observation_space if self._observation_space is None else self._observation_space

    @observation_space.setter
    def observation_space(self, space):
        self._observation_space = space

    @property
    def metadata(self):
        return self.env.metadata if self._metadata is None else self._metadata

    @property
    def np_random(self):
        return self.env.np_random

    @property
    def np_random_seed(self):
        return self.env.np_random_seed

    def get_wrapper_attr(self, name):
        if name in self.__dict__ or hasattr(type(self), name):
            return getattr(self, name)
        return self.env.get_wrapper_attr(name)

    def __str__(self):
        return f"<{type(self).__name__}{self.env}>"


class TimeLimit(Wrapper):
    """Ends an episode with truncated=True once it has run max_episode_steps steps."""

    def __init__(self, env, max_episode_steps):
        if not (isinstance(max_episode_steps, int) and max_episode_steps > 0):
            raise AssertionError(
                f"Expect the `max_episode_steps` to be positive, actually: {max_episode_steps}")
        super().__init__(env)
        self._max_episode_steps = max_episode_steps
        self._elapsed_steps = None

    def step(self, action):
        observation, reward, terminated, truncated, info = self.env.step(action)
        self._elapsed_steps += 1
        if self._elapsed_steps >= self._max_episode_steps:
            truncated = True
        return observation, reward, terminated, truncated, info

    def reset(self, *, seed=None, options=None):
        self._elapsed_steps = 0
        return super().reset(seed=seed, options=options)


class OrderEnforcing(Wrapper):
    """Raises ResetNeeded when step() or render() comes before the first reset()."""

    def __init__(self, env, disable_render_order_enforcing=False):
        super().__init__(env)
        self._has_reset = False
        self._disable_render_order_enforcing = disable_render_order_enforcing

    def step(self, action):
        if not self._has_reset:
            raise error.ResetNeeded("Cannot call env.step() before calling env.reset()")
        return super().step(action)

    def reset(self, *, seed=None, options=None):
        self._has_reset = True
        return super().reset(seed=seed, options=options)

    def render(self):
        if not self._disable_render_order_enforcing and not self._has_reset:
            raise error.ResetNeeded(
                "Cannot call `env.render()` before calling `env.reset()`, if this is an intended action, "
                "set `disable_render_order_enforcing=True` on the OrderEnforcer wrapper.")
        return super().render()

    @property
    def has_reset(self):
        return self._has_reset


class PassiveEnvChecker(Wrapper):
    """Present for the wrapper stack Gymnasium prints; the environments here need no checks."""


def _warn(message):
    print(f"WARN: {message}", file=sys.stderr)


def _render_as_text(env, default_id):
    """render() of the text-drawn environments: a warning without a render mode, the drawing
    (env._render_text()) printed in "human" mode and returned in "ansi" mode."""
    if env.render_mode is None:
        _warn("You are calling render method without specifying any render mode. "
              "You can specify the render_mode at initialization, "
              f'e.g. gym.make("{env.spec.id if env.spec else default_id}", render_mode="ansi")')
        return None
    text = env._render_text()
    if env.render_mode == "human":
        print(text, end="")
        return None
    return text
"""#
}
