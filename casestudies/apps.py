from django.apps import AppConfig
from django.db.models.signals import post_save


class CaseStudiesConfig(AppConfig):
    """Case studies of good practice from councils."""

    name = "casestudies"
    verbose_name = "Case studies"

    def ready(self):
        # However a finder is made (admin, copy, import, demo), its case studies are moderated.
        post_save.connect(
            finder_created, sender=self.get_model("CaseStudyIndexPage"), dispatch_uid="finder"
        )


def finder_created(sender, instance, created, raw=False, **kwargs):
    """A new case study finder sends every case study through moderation."""
    from casestudies.services import casestudy_workflow_assign

    if created and not raw:
        casestudy_workflow_assign(index=instance)
