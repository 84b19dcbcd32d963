extension GymnasiumSource {
    /// `FrozenLake-v1`: walk across a frozen lake from S to G without falling into a hole H.
    static let frozenLake = #"""
LEFT, DOWN, RIGHT, UP = 0, 1, 2, 3

MAPS = {
    "4x4": ["SFFF", "FHFH", "FFFH", "HFFG"],
    "8x8": ["SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF", "FHHFFFHF", "FHFFHFHF", "FFFHFFFG"],
}


def _categorical_sample(probabilities, np_random):
    # The first index whose running total exceeds a uniform draw.
    draw = np_random.random()
    total = 0.0
    for i, p in enumerate(probabilities):
        total += p
        if total > draw:
            return i
    return len(probabilities) - 1


class FrozenLakeEnv(Env):
    """States are the tiles 0 ... nrow*ncol - 1 (row * ncol + col), actions 0 left, 1 down,
    2 right, 3 up. Reaching G gives reward 1 and ends the episode, as does falling into H
    (reward 0). On slippery ice (is_slippery=True, the default) the agent moves as intended
    with probability success_rate (1/3) and to either side otherwise. P[s][a] lists the
    transitions (probability, next state, reward, terminated). render_mode="ansi" returns the
    map as text with the agent's tile highlighted (ANSI red background), as Gymnasium draws it."""
    metadata = {"render_modes": ["human", "ansi"], "render_fps": 4}

    def __init__(self, render_mode=None, desc=None, map_name="4x4", is_slippery=True, success_rate=1.0 / 3.0,
                 reward_schedule=(1, 0, 0)):
        if desc is None:
            if map_name not in MAPS:
                raise KeyError(map_name)
            desc = MAPS[map_name]
        self.desc = [list(row) for row in desc]
        self.nrow, self.ncol = nrow, ncol = len(self.desc), len(self.desc[0])
        self.reward_range = (min(reward_schedule), max(reward_schedule))
        n_actions = 4
        n_states = nrow * ncol
        starts = [1.0 if letter == "S" else 0.0 for row in self.desc for letter in row]
        self.initial_state_distrib = [p / sum(starts) for p in starts]
        fail_rate = (1.0 - success_rate) / 2.0
        self.P = {s: {a: [] for a in range(n_actions)} for s in range(n_states)}

        def move(row, col, a):
            if a == LEFT:
                col = max(col - 1, 0)
            elif a == DOWN:
                row = min(row + 1, nrow - 1)
            elif a == RIGHT:
                col = min(col + 1, ncol - 1)
            elif a == UP:
                row = max(row - 1, 0)
            return row, col

        def outcome(row, col, a):
            new_row, new_col = move(row, col, a)
            letter = self.desc[new_row][new_col]
            reward = reward_schedule["GHF".index(letter if letter in "GHF" else "F")]
            return new_row * ncol + new_col, reward, letter in "GH"

        for row in range(nrow):
            for col in range(ncol):
                s = row * ncol + col
                for a in range(n_actions):
                    transitions = self.P[s][a]
                    if self.desc[row][col] in "GH":
                        transitions.append((1.0, s, 0, True))
                    elif is_slippery:
                        for b in [(a - 1) % 4, a, (a + 1) % 4]:
                            transitions.append((success_rate if b == a else fail_rate, *outcome(row, col, b)))
                    else:
                        transitions.append((1.0, *outcome(row, col, a)))
        self.observation_space = spaces.Discrete(n_states)
        self.action_space = spaces.Discrete(n_actions)
        self.render_mode = render_mode
        self.s = None
        self.lastaction = None

    def step(self, a):
        transitions = self.P[self.s][a]
        i = _categorical_sample([t[0] for t in transitions], self.np_random)
        p, s, r, t = transitions[i]
        self.s = s
        self.lastaction = a
        if self.render_mode == "human":
            self.render()
        return int(s), r, t, False, {"prob": p}

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.s = _categorical_sample(self.initial_state_distrib, self.np_random)
        self.lastaction = None
        if self.render_mode == "human":
            self.render()
        return int(self.s), {"prob": 1}

    def render(self):
        return _render_as_text(self, "FrozenLake-v1")

    def _render_text(self):
        desc = [list(row) for row in self.desc]
        row, col = self.s // self.ncol, self.s % self.ncol
        desc[row][col] = "\x1b[41m" + desc[row][col] + "\x1b[0m"
        if self.lastaction is not None:
            header = f"  ({['Left', 'Down', 'Right', 'Up'][self.lastaction]})\n"
        else:
            header = "\n"
        return header + "\n".join("".join(line) for line in desc) + "\n"
"""#
}
