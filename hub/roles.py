"""Every role (an auth group) and exactly what it may do: the one place rights are declared.

Every `migrate` ends by applying the declaration (roles_sync, a post_migrate handler), so a fresh
database has every role without the demo, and a changed role takes effect at the next deploy with
no migration. Page rights on a page type (the case study finder, the consultation listing) attach
to each page of that type as it is created (page_roles_attach).
"""

from dataclasses import dataclass, field

from django.apps import apps as django_apps


ROOT = "root"  # page rights on the tree's root reach every page
SNIPPET_ACTIONS = ("add", "change", "delete", "view")
TAXONOMY = ("theme", "keyarea", "category", "region", "counciltype", "council", "maturitylevel")
# The Procurement Act rules and glossary: editors change a threshold, not developers.
ACT_RULES = ("valueline", "minimumperiod", "notice", "glossaryterm")

EDITORS = "Editors"
MODERATORS = "Moderators"
CASE_STUDY_EDITORS = "Case study editors"
CONSULTATION_MANAGERS = "Consultation managers"
SELF_ASSESSMENT_MANAGERS = "Self-assessment managers"
HUB_MANAGERS = "Hub managers"


@dataclass(frozen=True)
class Role:
    """A group's rights: model permissions, on the root collection and on pages by type."""

    name: str
    permissions: tuple[str, ...] = ()  # "app_label.codename"
    collection_permissions: tuple[str, ...] = ()  # "app_label.codename" on the root collection
    page_permissions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # type -> codenames


ROLES = (
    # LGA staff write every page type and submit it; a moderator's approval publishes it.
    Role(
        EDITORS,
        permissions=(
            "wagtailadmin.access_admin",
            *(f"hub.{action}_{model}" for model in TAXONOMY for action in SNIPPET_ACTIONS),
            *(f"strategy.{action}_{model}" for model in ACT_RULES for action in SNIPPET_ACTIONS),
            # Teams that own guidance pages, and what readers said of the pages.
            "hub.add_team",
            "hub.change_team",
            "hub.view_team",
            "hub.view_pagefeedback",
        ),
        collection_permissions=(
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
        ),
        page_permissions={ROOT: ("add_page", "change_page")},
    ),
    # Moderators review and approve in the workflows; they never publish around them.
    Role(
        MODERATORS,
        permissions=("wagtailadmin.access_admin", "hub.view_pagefeedback"),
        collection_permissions=("wagtailimages.choose_image", "wagtaildocs.choose_document"),
        page_permissions={ROOT: ("change_page", "lock_page", "unlock_page")},
    ),
    # Case studies only, and every one through the case study moderation workflow.
    Role(
        CASE_STUDY_EDITORS,
        permissions=("wagtailadmin.access_admin",),
        collection_permissions=(
            "wagtailimages.add_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
        ),
        page_permissions={"casestudies.casestudyindexpage": ("add_page", "change_page")},
    ),
    # Run consultations: open and close them on time, moderate and export the comments, let a
    # late comment in, find, export or erase what is held for one email address, and analyse the
    # responses (themes, tags, campaign groups, the draft report).
    Role(
        CONSULTATION_MANAGERS,
        permissions=(
            "wagtailadmin.access_admin",
            "consultations.view_comment",
            "consultations.change_comment",
            "consultations.add_lateentrylink",
            "consultations.erase_respondent_data",
            "consultations.analyse_responses",
        ),
        collection_permissions=("wagtaildocs.add_document", "wagtaildocs.choose_document"),
        page_permissions={
            "consultations.consultationindexpage": ("add_page", "change_page", "publish_page")
        },
    ),
    # LGA staff running the self-assessment: see every return, reopen submitted ones, export,
    # open cycles and write their findings commentary, and approve access to a return.
    Role(
        SELF_ASSESSMENT_MANAGERS,
        permissions=(
            "wagtailadmin.access_admin",
            "progress.view_return",
            "progress.view_all_returns",
            "progress.reopen_return",
            "progress.export_returns",
            "progress.view_answer",
            "progress.view_cycle",
            "progress.add_cycle",
            "progress.change_cycle",
            "progress.approve_access",
        ),
    ),
    # Decide who speaks for a council: confirm, add and remove its email domains, and verify one
    # officer at a time for a council with no confirmed domain.
    Role(
        HUB_MANAGERS,
        permissions=(
            "wagtailadmin.access_admin",
            "hub.view_council",
            "hub.add_councildomain",
            "hub.change_councildomain",
            "hub.view_councildomain",
            "hub.add_managerverification",
            "hub.change_managerverification",
            "hub.delete_managerverification",
            "hub.view_managerverification",
            "progress.approve_access",
        ),
    ),
)


def _permissions(apps) -> dict[str, int]:
    """Every permission's id by "app_label.codename"; models not migrated yet have none."""
    Permission = apps.get_model("auth", "Permission")
    return {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.values_list(
            "pk", "content_type__app_label", "codename"
        )
    }


def _pages(apps, page_type: str):
    """The pages a role's page rights apply to: the root, or every page of one type."""
    Page = apps.get_model("wagtailcore", "Page")
    if page_type == ROOT:
        return Page.objects.filter(depth=1)
    app_label, model = page_type.split(".")
    return Page.objects.filter(content_type__app_label=app_label, content_type__model=model)


def roles_sync(apps=django_apps, **kwargs) -> None:
    """Give every role exactly its declared rights, on every page they apply to (post_migrate)."""
    try:
        Group = apps.get_model("auth", "Group")
        Collection = apps.get_model("wagtailcore", "Collection")
        GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
        GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    except LookupError:
        return  # auth or Wagtail not migrated yet
    root_collection = Collection.objects.filter(depth=1).first()
    permissions = _permissions(apps)
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.set(
            [permissions[label] for label in role.permissions if label in permissions]
        )
        collection_rights = {
            (root_collection.pk, permissions[label])
            for label in role.collection_permissions
            if root_collection and label in permissions
        }
        page_rights = {
            (page_pk, permissions[label])
            for page_type, codenames in role.page_permissions.items()
            for page_pk in _pages(apps, page_type).values_list("pk", flat=True)
            for label in (f"wagtailcore.{codename}" for codename in codenames)
            if label in permissions
        }
        for model, rights, target in (
            (GroupCollectionPermission, collection_rights, "collection_id"),
            (GroupPagePermission, page_rights, "page_id"),
        ):
            existing = set(model.objects.filter(group=group).values_list(target, "permission_id"))
            for target_pk, permission_pk in existing - rights:
                model.objects.filter(
                    group=group, permission_id=permission_pk, **{target: target_pk}
                ).delete()
            model.objects.bulk_create(
                model(group=group, permission_id=permission_pk, **{target: target_pk})
                for target_pk, permission_pk in rights - existing
            )


def page_roles_attach(page) -> None:
    """Give each role its rights on a newly created page of a type it works under."""
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupPagePermission

    page_type = page.specific_class._meta.label_lower
    for role in ROLES:
        codenames = role.page_permissions.get(page_type)
        if not codenames:
            continue
        group, _ = Group.objects.get_or_create(name=role.name)
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def workflow_approved_publish(workflow_state, user=None) -> None:
    """Publish what a finished workflow approved.

    Wagtail's own finish action also demands the publish right of whoever approves last, so
    moderators would need it, and with it could publish any page around the workflow. Having
    approved in the workflow is the right to publish here.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)


def page_types_with_roles() -> set[str]:
    """The page types ("app_label.model") that some role has rights under."""
    return {page_type for role in ROLES for page_type in role.page_permissions} - {ROOT}
