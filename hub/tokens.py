"""Single-use secret links: only a hash of each token is stored."""

import hashlib


def token_hash(token: str) -> str:
    """What is stored for a token: its SHA-256, so a database copy opens no link."""
    return hashlib.sha256(token.encode()).hexdigest()
