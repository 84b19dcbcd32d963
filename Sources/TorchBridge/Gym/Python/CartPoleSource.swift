extension GymnasiumSource {
    /// `CartPole-v1`: a pole hinged on a cart that a force of ±10 N pushes left or right
    /// (Barto, Sutton and Anderson, 1983), integrated with Euler steps of 0.02 s.
    static let cartPole = #"""
import math
import numpy as np


class CartPoleEnv(Env):
    """Keep the pole upright. Observation: float32 array [cart position, cart velocity, pole
    angle (radians, positive leaning right), pole angular velocity]; action 0 pushes left, 1
    right; reward 1.0 per step, including the last. The episode terminates when the pole leans
    more than 12 degrees or the cart leaves [-2.4, 2.4]; gym.make truncates it at 500 steps.
    reset() draws every state variable uniformly in [-0.05, 0.05] (options low=/high= change it).
    render_mode="ansi" makes render() return the state drawn as text; "human" prints it each step."""
    metadata = {"render_modes": ["human", "ansi"], "render_fps": 50}

    def __init__(self, sutton_barto_reward=False, render_mode=None):
        self._sutton_barto_reward = sutton_barto_reward
        self.gravity = 9.8
        self.masscart = 1.0
        self.masspole = 0.1
        self.total_mass = self.masspole + self.masscart
        self.length = 0.5  # half the pole's length
        self.polemass_length = self.masspole * self.length
        self.force_mag = 10.0
        self.tau = 0.02
        self.kinematics_integrator = "euler"
        self.theta_threshold_radians = 12 * 2 * math.pi / 360
        self.x_threshold = 2.4
        high = torch.tensor([self.x_threshold * 2, math.inf, self.theta_threshold_radians * 2, math.inf])
        self.action_space = spaces.Discrete(2)
        self.observation_space = spaces.Box(-high, high, dtype=np.float32)
        self.render_mode = render_mode
        self.state = None
        self.steps_beyond_terminated = None

    def step(self, action):
        if not self.action_space.contains(action):
            raise AssertionError(f"{action!r} ({type(action)}) invalid")
        if self.state is None:
            raise AssertionError("Call reset before using step method.")
        x, x_dot, theta, theta_dot = self.state
        force = self.force_mag if action == 1 else -self.force_mag
        costheta = math.cos(theta)
        sintheta = math.sin(theta)
        temp = (force + self.polemass_length * theta_dot ** 2 * sintheta) / self.total_mass
        thetaacc = (self.gravity * sintheta - costheta * temp) / (
            self.length * (4.0 / 3.0 - self.masspole * costheta ** 2 / self.total_mass))
        xacc = temp - self.polemass_length * thetaacc * costheta / self.total_mass
        if self.kinematics_integrator == "euler":
            x = x + self.tau * x_dot
            x_dot = x_dot + self.tau * xacc
            theta = theta + self.tau * theta_dot
            theta_dot = theta_dot + self.tau * thetaacc
        else:
            x_dot = x_dot + self.tau * xacc
            x = x + self.tau * x_dot
            theta_dot = theta_dot + self.tau * thetaacc
            theta = theta + self.tau * theta_dot
        self.state = (x, x_dot, theta, theta_dot)
        terminated = bool(x < -self.x_threshold or x > self.x_threshold
                          or theta < -self.theta_threshold_radians or theta > self.theta_threshold_radians)
        if not terminated:
            reward = 0.0 if self._sutton_barto_reward else 1.0
        elif self.steps_beyond_terminated is None:
            self.steps_beyond_terminated = 0
            reward = -1.0 if self._sutton_barto_reward else 1.0
        else:
            if self.steps_beyond_terminated == 0:
                _warn("You are calling 'step()' even though this environment has already returned terminated = True. "
                      "You should always call 'reset()' once you receive 'terminated = True' -- any further steps "
                      "are undefined behavior.")
            self.steps_beyond_terminated += 1
            reward = -1.0 if self._sutton_barto_reward else 0.0
        if self.render_mode == "human":
            self.render()
        return np.array(self.state, dtype=np.float32), reward, terminated, False, {}

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        low, high = -0.05, 0.05
        if options is not None:
            low = options.get("low", low)
            high = options.get("high", high)
            if low > high:
                raise ValueError(f"Lower bound ({low}) must be lower than higher bound ({high}).")
        self.state = tuple(self.np_random.uniform(low=low, high=high, size=(4,)).tolist())
        self.steps_beyond_terminated = None
        if self.render_mode == "human":
            self.render()
        return np.array(self.state, dtype=np.float32), {}

    def render(self):
        if self.render_mode is not None and self.state is None:
            return None
        return _render_as_text(self, "CartPole-v1")

    def _render_text(self):
        # The track from -x_threshold to +x_threshold in 49 columns (10 per metre) with a margin
        # of 2 on each side, the cart as [#], and the pole as four rows above it, shifted with
        # the angle (3 columns at the top at 12 degrees) and drawn '/' leaning right.
        x, x_dot, theta, theta_dot = self.state
        width, margin = 49, 2
        center = margin + round((x + self.x_threshold) / (2 * self.x_threshold) * (width - 1))
        mark = "|" if abs(theta) < 0.02 else ("/" if theta > 0 else "\\")

        def row(cells):
            line = [" "] * (width + 2 * margin)
            for column, ch in cells:
                if 0 <= column < len(line):
                    line[column] = ch
            return "".join(line).rstrip()

        rows = [row([(center + round(height * 3.5 * math.tan(theta)), mark)]) for height in range(4, 0, -1)]
        rows.append(row([(center - 1, "["), (center, "#"), (center + 1, "]")]))
        rows.append(" " * margin + "=" * width)
        rows.append(f"x={x:+.3f}  x_dot={x_dot:+.3f}  theta={math.degrees(theta):+.2f}deg  theta_dot={theta_dot:+.3f}")
        return "\n".join(rows) + "\n"
"""#
}
