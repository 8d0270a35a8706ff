"""Every browser test also fails on a Content-Security-Policy violation."""

import pytest


REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
});
"""


def is_violation(text: str) -> bool:
    return text.startswith(("CSP violation:", "Refused to")) or "Content Security Policy" in text


@pytest.fixture
def csp_violations():
    """Messages about blocked content, collected from every page of the test's context."""
    return []


@pytest.fixture
def new_context(new_context, csp_violations):
    """pytest-playwright's new_context (and so its context and page), listening for CSP violations.

    Every context a test makes, with its own options or the default one, reports blocked content.
    """

    def make(**options):
        context = new_context(**options)
        context.add_init_script(REPORT_VIOLATIONS)
        context.on(
            "console",
            lambda message: (
                csp_violations.append(f"{message.page.url if message.page else ''}: {message.text}")
                if is_violation(message.text)
                else None
            ),
        )
        return context

    yield make
    assert not csp_violations, csp_violations
