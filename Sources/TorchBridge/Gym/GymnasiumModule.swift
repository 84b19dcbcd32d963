import MiniPython

/// `gymnasium` (`import gymnasium as gym`): the Gymnasium API (`gym.make`, `Env`, `Wrapper`,
/// `spaces.Discrete`, `spaces.Box`) with CartPole-v1 and FrozenLake-v1, written in Python
/// over torch.
///
/// Observations are float32 numpy arrays, as in Gymnasium (the built-in `numpy`):
/// `torch.tensor(obs)`, `torch.as_tensor(obs)` and `torch.from_numpy(obs)` turn them into
/// tensors. Discrete spaces sample Python ints (numpy int64 in Gymnasium). `render_mode="ansi"`
/// returns text: FrozenLake's is Gymnasium's exactly (the agent's tile between ANSI colour codes); CartPole, which Gymnasium
/// draws only with pygame, gets a drawing of its own.
///
/// Randomness comes from a `torch.Generator` per environment and per space (Gymnasium seeds a
/// numpy PCG64 generator): seeded runs are deterministic, but their numbers differ from real
/// Gymnasium's, and they never touch torch's default generator (so seeded agents draw the
/// same numbers from it as they would next to real Gymnasium).
enum GymnasiumModule {
    /// Registers `gymnasium`; importing it also makes `gymnasium.error` and `gymnasium.spaces`.
    static func register(_ interp: Interpreter) {
        interp.registerModule("gymnasium", make)
    }

    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let error = try interp.makeModule(name: "gymnasium.error", source: GymnasiumSource.error)
        interp.addLoadedModule(error, as: "gymnasium.error")
        let spaces = try interp.makeModule(name: "gymnasium.spaces", source: GymnasiumSource.spaces)
        interp.addLoadedModule(spaces, as: "gymnasium.spaces")
        let gym = PyModule(name: "gymnasium")
        gym["__builtins__"] = .object(interp.builtinsModule)
        gym["__version__"] = .str("1.4.0")
        gym["error"] = .object(error)
        gym["spaces"] = .object(spaces)
        interp.addLoadedModule(gym, as: "gymnasium")
        for (file, source) in GymnasiumSource.files {
            gym["__name__"] = .str("gymnasium.\(file)")
            try interp.execute(source, filename: "<frozen gymnasium.\(file)>", in: gym)
        }
        gym["__name__"] = .str("gymnasium")
        return gym
    }
}

/// The Python source of `gymnasium`, one string per part of the package.
enum GymnasiumSource {
    static let files: [(String, String)] = [
        ("core", core), ("envs.registration", registration), ("envs.classic_control.cartpole", cartPole),
        ("envs.toy_text.frozen_lake", frozenLake), ("envs", registrations),
    ]
}
