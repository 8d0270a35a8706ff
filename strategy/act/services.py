"""Writes with rules for the Act data."""

from django.db.models import F
from django.db.models.signals import post_delete, post_save

from strategy.models.act import GlossaryTerm, MinimumPeriod, Notice, RulesVersion, ValueLine


RULE_MODELS = (ValueLine, MinimumPeriod, Notice, GlossaryTerm)


def rules_version_bump(**kwargs) -> None:
    """A rule or term changed: raise the data version shown with every answer."""
    if kwargs.get("raw"):
        return
    if not RulesVersion.objects.update(number=F("number") + 1):
        RulesVersion.objects.create(number=2)


def connect_signals() -> None:
    """Raise the data version whenever a rule or glossary term is saved or deleted."""
    for model in RULE_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(
                rules_version_bump, sender=model, dispatch_uid=f"act_version_{model.__name__}"
            )
