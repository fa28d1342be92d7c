"""The exception tree of aegis-mcp.

    AegisError
    ├── ConfigError          a policy or setting file that cannot be used
    ├── EngineError          the engine failed on a call (the caller blocks: fail closed)
    ├── LedgerError          the ledger cannot record or read
    │   └── LedgerTampered   verification found damage
    └── ProxyError           the relay cannot go on (upstream died, bad transport)
"""


class AegisError(Exception):
    """Base of every error aegis-mcp raises on purpose."""


class ConfigError(AegisError):
    """A policy or setting file that cannot be used."""


class EngineError(AegisError):
    """The engine failed on a call; callers must treat this as a block."""


class LedgerError(AegisError):
    """The ledger cannot record or read."""


class LedgerTampered(LedgerError):
    """Verification found damage in the ledger."""


class ProxyError(AegisError):
    """The relay cannot go on."""
