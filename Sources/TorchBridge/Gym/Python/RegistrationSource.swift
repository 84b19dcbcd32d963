extension GymnasiumSource {
    /// `gym.register`, `gym.make` and `gym.spec`: environment ids (`Name-vN`) mapped to a
    /// constructor and its defaults.
    static let registration = #"""
class EnvSpec:
    """What gym.make needs to build an environment: its id, constructor, keyword arguments,
    step limit and the average return that counts as solving it."""

    def __init__(self, id, entry_point=None, reward_threshold=None, max_episode_steps=None, kwargs=None):
        self.id = id
        self.entry_point = entry_point
        self.reward_threshold = reward_threshold
        self.max_episode_steps = max_episode_steps
        self.kwargs = {} if kwargs is None else dict(kwargs)
        name, _, version = id.rpartition('-v')
        self.name = name if name else id
        self.version = int(version) if name and version.isdigit() else None

    def make(self, **kwargs):
        return make(self, **kwargs)

    def __repr__(self):
        return (f"EnvSpec(id='{self.id}', entry_point={self.entry_point!r}, "
                f"reward_threshold={self.reward_threshold}, max_episode_steps={self.max_episode_steps}, "
                f"kwargs={self.kwargs})")


registry = {}


def register(id, entry_point=None, reward_threshold=None, max_episode_steps=None, kwargs=None, **extra):
    """Registers an environment under `id`; `entry_point` is its class or a function returning one."""
    registry[id] = EnvSpec(id, entry_point, reward_threshold, max_episode_steps, kwargs)


def spec(env_id):
    """The EnvSpec registered under `env_id`; NameNotFound or VersionNotFound when there is none."""
    if env_id in registry:
        return registry[env_id]
    name, _, version = env_id.rpartition('-v')
    if not name:
        name = env_id
    versions = sorted(s.version for s in registry.values() if s.name == name and s.version is not None)
    if not versions:
        raise error.NameNotFound(f"Environment `{name}` doesn't exist.")
    listed = ', '.join(f"`v{v}`" for v in versions)
    raise error.VersionNotFound(
        f"Environment version `v{version}` for environment `{name}` doesn't exist. "
        f"It provides versioned environments: [ {listed} ].")


def make(id, max_episode_steps=None, disable_env_checker=None, **kwargs):
    """Builds the environment registered under `id` (or from an EnvSpec), wrapped as Gymnasium wraps it:
    PassiveEnvChecker, OrderEnforcing, then TimeLimit when it has a step limit."""
    env_spec = id if isinstance(id, EnvSpec) else spec(id)
    options = dict(env_spec.kwargs)
    options.update(kwargs)
    env = env_spec.entry_point(**options)
    env.spec = EnvSpec(env_spec.id, env_spec.entry_point, env_spec.reward_threshold,
                       env_spec.max_episode_steps if max_episode_steps is None else max_episode_steps, options)
    render_mode = options.get('render_mode')
    modes = env.metadata.get('render_modes', [])
    if render_mode is not None and render_mode not in modes:
        _warn(f"The environment is being initialised with render_mode={render_mode!r} "
              f"that is not in the possible render_modes ({modes}).")
    if not disable_env_checker:
        env = PassiveEnvChecker(env)
    env = OrderEnforcing(env)
    if env.spec.max_episode_steps is not None:
        env = TimeLimit(env, env.spec.max_episode_steps)
    return env
"""#

    /// The environments registered on import, with Gymnasium's step limits and thresholds.
    static let registrations = #"""
register(id="CartPole-v0", entry_point=CartPoleEnv, max_episode_steps=200, reward_threshold=195.0)
register(id="CartPole-v1", entry_point=CartPoleEnv, max_episode_steps=500, reward_threshold=475.0)
register(id="FrozenLake-v1", entry_point=FrozenLakeEnv, kwargs={"map_name": "4x4"}, max_episode_steps=100,
         reward_threshold=0.70)
register(id="FrozenLake8x8-v1", entry_point=FrozenLakeEnv, kwargs={"map_name": "8x8"}, max_episode_steps=200,
         reward_threshold=0.85)
"""#
}
