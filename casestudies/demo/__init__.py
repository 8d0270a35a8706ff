"""Demo content for case studies: the finder and fourteen case studies across every facet.

Ten are illustrative: fictional councils with invented figures, flagged as such. Four are real
councils with only the figures their published case studies give, and the source cited. The
content is in case_studies.toml beside this file.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from casestudies.services import EDITORS_GROUP, MODERATORS_GROUP, casestudy_index_prepare
from hub.demo.kit import DemoContext, load_file, read_data
from hub.models import Council


def load_people(ctx: DemoContext) -> None:
    """A case study editor and a moderator to sign in with locally; roles come from migrations."""
    if not ctx.shared.get("demo_users"):
        return
    User = get_user_model()
    for username, group_name, first_name in (
        ("casestudies", EDITORS_GROUP, "Case study"),
        ("moderator", MODERATORS_GROUP, "Demo"),
    ):
        if not User.objects.filter(username=username).exists():
            user = User.objects.create_user(
                username,
                f"{username}@procurement-hub.example",
                "changeme",
                first_name=first_name,
                last_name="Moderator" if username == "moderator" else "Editor",
            )
            user.groups.add(Group.objects.get(name=group_name))


@transaction.atomic
def load(ctx: DemoContext) -> None:
    """The case study finder with illustrative and sourced case studies."""
    real = read_data(__name__, "case_studies")["real_councils"]
    ctx.shared["councils"].update({c.slug: c for c in Council.objects.filter(gss_code__in=real)})
    pages = load_file(ctx, __name__, "case_studies")
    casestudy_index_prepare(index=pages["/case-studies/"])
    load_people(ctx)
