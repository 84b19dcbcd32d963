import MiniPython
import TorchBridge

/// REINFORCE on CartPole-v1, written as a lesson writes it (``reinforceProgram``): a policy
/// network sampled through `torch.distributions.Categorical`, Adam, discounted returns
/// normalised per episode. Training stops when the average return of the last 100 episodes
/// reaches 195.
///
/// The program is seeded (torch and every `env.reset`), so it takes the same episodes on every
/// run; it is run once per process and both benchmarks report that run:
/// - `reinforce_cartpole`: seconds of wall time to solve;
/// - `reinforce_cartpole_episodes`: episodes it took.
func reinforceBenchmarks() -> [Benchmark] {
    [Benchmark(name: "reinforce_cartpole", threads: 1, unit: "s", decimals: 1) {
        Measured(call: {}, value: { $0 }, timedCall: { ReinforceRun.result.seconds })
    },
     Benchmark(name: "reinforce_cartpole_episodes", threads: 1, unit: "episodes", decimals: 0) {
        Measured(call: {}, value: { $0 }, timedCall: { Double(ReinforceRun.result.episodes) })
    }]
}

/// The one training run of the process.
enum ReinforceRun {
    static let result: (seconds: Double, episodes: Int) = {
        let interp = Interpreter()
        TorchBridge.install(into: interp)
        interp.writeStdout = { note($0) }
        let start = now()
        do throws(PyError) {
            try interp.execute(reinforceProgram, filename: "reinforce_cartpole.py")
        } catch {
            fatalError("reinforce_cartpole: \(error)")
        }
        let seconds = now() - start
        guard let count = interp.mainModule["episode"], let episodes = try? interp.expectInt(count) else {
            fatalError("reinforce_cartpole: no episode count")
        }
        guard case .bool(true)? = interp.mainModule["solved"] else { fatalError("reinforce_cartpole: not solved in \(episodes) episodes") }
        return (seconds, episodes)
    }()
}

let reinforceProgram = """
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    import torch.optim as optim
    from torch.distributions import Categorical
    import gymnasium as gym

    torch.manual_seed(0)
    env = gym.make("CartPole-v1")


    class Policy(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Linear(4, 128)
            self.fc2 = nn.Linear(128, 2)

        def forward(self, x):
            x = F.relu(self.fc1(x))
            return F.softmax(self.fc2(x), dim=-1)


    policy = Policy()
    optimizer = optim.Adam(policy.parameters(), lr=1e-2)
    gamma = 0.99
    eps = 1e-8


    def run_episode(seed):
        state, _ = env.reset(seed=seed)
        log_probs, rewards = [], []
        done = False
        while not done:
            probs = policy(torch.as_tensor(state, dtype=torch.float32))
            m = Categorical(probs)
            action = m.sample()
            log_probs.append(m.log_prob(action))
            state, reward, terminated, truncated, _ = env.step(action.item())
            rewards.append(reward)
            done = terminated or truncated
        return log_probs, rewards


    def finish_episode(log_probs, rewards):
        returns = []
        R = 0.0
        for r in reversed(rewards):
            R = r + gamma * R
            returns.insert(0, R)
        returns = torch.tensor(returns)
        returns = (returns - returns.mean()) / (returns.std() + eps)
        loss = -(torch.stack(log_probs) * returns).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


    history = []
    solved = False
    for episode in range(1, 2001):
        log_probs, rewards = run_episode(seed=episode)
        finish_episode(log_probs, rewards)
        history.append(sum(rewards))
        average = sum(history[-100:]) / len(history[-100:])
        if episode % 50 == 0:
            print(f"episode {episode}  return {history[-1]:.0f}  average of last 100 {average:.1f}")
        if len(history) >= 100 and average >= 195:
            solved = True
            break
    print(f"solved: {solved} after {episode} episodes, average return {average:.1f} over the last 100")

    """
