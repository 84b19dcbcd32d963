class ConfigError(Exception):
    pass
def load(cfg):
    try:
        return cfg["lr"]
    except KeyError as e:
        raise ConfigError("no learning rate") from e
load({})

# Expected output (checked with CPython 3.11):
# expect error: ConfigError: no learning rate
