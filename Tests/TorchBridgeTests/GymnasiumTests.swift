import Foundation
import Testing

/// The built-in `gymnasium`: the programs in Fixtures/gym print what real Gymnasium 1.4
/// printed for them (recorded by Fixtures/gym/make_gym_fixtures.py), and seeded runs repeat.
@Suite
struct GymnasiumTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/gym")

    static func programs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".py") && !$0.hasPrefix("make_") }.map { String($0.dropLast(3)) }.sorted()
    }

    @Test(arguments: programs())
    func matchesGymnasium(_ name: String) throws {
        try expectRecordedOutput(name, in: Self.directory)
    }

    @Test func seededRunsRepeatAndLeaveTheDefaultGeneratorAlone() {
        expectOutput("""
            import torch
            import gymnasium as gym

            def episode(seed):
                env = gym.make('CartPole-v1')
                env.action_space.seed(seed)
                obs, _ = env.reset(seed=seed)
                trace = [obs.tolist()]
                done = False
                while not done:
                    obs, reward, terminated, truncated, _ = env.step(env.action_space.sample())
                    trace.append(obs.tolist())
                    done = terminated or truncated
                return trace

            torch.manual_seed(0)
            before = torch.rand(1).item()
            torch.manual_seed(0)
            a, b, c = episode(7), episode(7), episode(8)
            print(a == b, a == c, torch.rand(1).item() == before)
            print(all(-0.05 <= v <= 0.05 for v in a[0]), len(a) > 1)
            lake = gym.make('FrozenLake-v1')
            runs = []
            for _ in range(2):
                lake.reset(seed=3)
                lake.action_space.seed(3)
                runs.append([lake.step(lake.action_space.sample())[0] for _ in range(20)])
            print(runs[0] == runs[1])

            """, "True False True\nTrue True\nTrue\n")
    }

    @Test func observationsAreFloat32ArraysThatTorchAccepts() {
        expectOutput("""
            import torch
            import gymnasium as gym
            env = gym.make('CartPole-v1')
            obs, info = env.reset(seed=0)
            print(type(obs).__name__, obs.dtype, tuple(obs.shape), info)
            print(torch.tensor(obs).dtype, torch.as_tensor(obs).dtype, torch.from_numpy(obs).shape)
            print(torch.tensor(obs, dtype=torch.float32).unsqueeze(0).shape, float(obs[2]) == obs.tolist()[2])
            sample = env.observation_space.sample()
            print(sample.dtype, tuple(sample.shape), env.observation_space.contains(sample))
            print(env.observation_space.low.dtype, env.observation_space.high[0].item())

            """, """
            ndarray float32 (4,) {}
            torch.float32 torch.float32 torch.Size([4])
            torch.Size([1, 4]) True
            float32 (4,) True
            float32 4.800000190734863

            """)
    }

    @Test func renderDrawsTheCartPoleAsText() {
        expectOutput("""
            import gymnasium as gym
            env = gym.make('CartPole-v1', render_mode='ansi')
            env.reset(seed=0)
            env.unwrapped.state = (0.0, 0.0, 0.1, 0.0)
            print(env.render(), end='')
            env.unwrapped.state = (-2.4, 0.5, -0.15, 0.0)
            print(env.render(), end='')
            print(gym.make('CartPole-v1').reset(seed=0)[0] is not None)

            """, """
                                       /
                                       /
                                       /
                                      /
                                     [#]
              =================================================
            x=+0.000  x_dot=+0.000  theta=+5.73deg  theta_dot=+0.000
            \\
            \\
             \\
             \\
             [#]
              =================================================
            x=-2.400  x_dot=+0.500  theta=-8.59deg  theta_dot=+0.000
            True

            """)
    }

    @Test func errorsUseGymnasiumsWording() {
        expectError("import gymnasium as gym\ngym.make('MountainCar-v0')", "NameNotFound",
                    "Environment `MountainCar` doesn't exist.")
        expectError("import gymnasium as gym\ngym.make('FrozenLake-v0')", "VersionNotFound",
                    "Environment version `v0` for environment `FrozenLake` doesn't exist. It provides versioned environments: [ `v1` ].")
        expectError("import gymnasium as gym\nenv = gym.make('CartPole-v1', render_mode='ansi')\nenv.render()", "ResetNeeded")
        expectError("import gymnasium as gym\nimport torch\nenv = gym.make('CartPole-v1')\nenv.reset()\nenv.step(torch.tensor(1))",
                    "AssertionError", "tensor(1) (<class 'torch.Tensor'>) invalid")
    }
}
