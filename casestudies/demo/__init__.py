"""Demo content for case studies: the finder and fourteen case studies across every facet.

Ten are illustrative: fictional councils with invented figures, flagged as such. Four are real
councils with only the figures their published case studies give, and the source cited. The
content is in case_studies.toml beside this file.
"""

from django.db import transaction

from casestudies.services import EDITORS_GROUP, MODERATORS_GROUP, casestudy_index_prepare
from hub.demo.kit import DemoContext, demo_user, load_file


def load_people(ctx: DemoContext) -> None:
    """A case study editor and a moderator to sign in with locally; roles come from migrations."""
    if not ctx.shared.get("demo_users"):
        return
    demo_user("casestudies", EDITORS_GROUP, "Case study", "Editor")
    demo_user("moderator", MODERATORS_GROUP, "Demo", "Moderator")


@transaction.atomic
def load(ctx: DemoContext) -> None:
    """The case study finder with illustrative and sourced case studies."""
    pages = load_file(ctx, __name__, "case_studies")
    casestudy_index_prepare(index=pages["/case-studies/"])
    load_people(ctx)
