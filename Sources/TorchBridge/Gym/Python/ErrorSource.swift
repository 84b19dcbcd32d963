extension GymnasiumSource {
    /// `gymnasium.error`: the exceptions Gymnasium raises.
    static let error = #"""
class Error(Exception):
    """The base of Gymnasium's errors."""


class UnregisteredEnv(Error):
    """No environment is registered under the id given to make()."""


class NameNotFound(UnregisteredEnv):
    """No environment of that name, in any version."""


class VersionNotFound(UnregisteredEnv):
    """The environment exists, but not in that version."""


class RegistrationError(Error):
    """An environment id is malformed or registered twice."""


class ResetNeeded(Error):
    """step() or render() was called before reset()."""


class InvalidAction(Error):
    """The action is not in the action space."""
"""#
}
