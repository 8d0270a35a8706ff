"""Email backends for tests: a server that is down, and one that is slow."""

from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP server unavailable")


class SlowBackend(BaseEmailBackend):
    """A mail server that takes a while to accept each message; records what it accepted."""

    accepted: list = []

    def send_messages(self, email_messages):
        import time

        time.sleep(0.5)
        self.accepted.extend(email_messages)
        return len(email_messages)
