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
        let error = try interp.loadSubmodule(name: "gymnasium.error", source: GymnasiumSource.error)
        let spaces = try interp.loadSubmodule(name: "gymnasium.spaces", source: GymnasiumSource.spaces)
        return try interp.makePackage(name: "gymnasium", files: GymnasiumSource.files, attributes: [
            ("__version__", .str("1.4.0")), ("error", .object(error)), ("spaces", .object(spaces)),
        ])
    }
}

/// The Python source of `gymnasium`, one string per part of the package.
enum GymnasiumSource {
    static let files: [(String, String)] = [
        ("core", core), ("envs.registration", registration), ("envs.classic_control.cartpole", cartPole),
        ("envs.toy_text.frozen_lake", frozenLake), ("envs", registrations),
    ]
}
