"""The Act rules and glossary in the admin, as snippets editors can change."""

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from strategy.models.act import GlossaryTerm, MinimumPeriod, Notice, ValueLine


class ValueLineViewSet(SnippetViewSet):
    model = ValueLine
    icon = "pick"
    menu_label = "Thresholds and value lines"
    list_display = ["label", "amount", "effective_from", "standing"]
    list_filter = ["kind", "effective_from", "standing"]


class MinimumPeriodViewSet(SnippetViewSet):
    model = MinimumPeriod
    icon = "time"
    menu_label = "s.54 minimum periods"
    list_display = ["circumstance", "table", "days", "effective_from"]
    list_filter = ["table"]


class NoticeViewSet(SnippetViewSet):
    model = Notice
    icon = "doc-full"
    menu_label = "Notices"
    list_display = ["code", "name", "section", "status", "effective_from"]
    list_filter = ["status", "below_threshold"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = "Glossary"
    list_display = ["term", "section", "standing"]
    search_fields = ["term", "definition"]


class ActRulesGroup(SnippetViewSetGroup):
    menu_label = "Procurement Act rules"
    menu_icon = "clipboard-list"
    items = (ValueLineViewSet, MinimumPeriodViewSet, NoticeViewSet, GlossaryTermViewSet)
