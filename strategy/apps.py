from django.apps import AppConfig


class StrategyConfig(AppConfig):
    """The National Procurement Strategy and the guidance around it."""

    name = "strategy"
    verbose_name = "Strategy and guidance"

    def ready(self):
        from strategy.act.services import connect_signals

        connect_signals()
