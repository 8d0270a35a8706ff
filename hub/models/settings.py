from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide text editors can change without a release."""

    phase = models.CharField(
        max_length=20, default="Beta", help_text="Shown in the phase banner, e.g. Alpha or Beta."
    )
    feedback_email = models.EmailField(
        default="procurement.hub@local.gov.uk",
        help_text="Where the phase banner's feedback link sends people.",
    )
    contact_email = models.EmailField(
        default="procurement.hub@local.gov.uk",
        help_text="General enquiries address shown in the footer.",
    )

    panels = [FieldPanel("phase"), FieldPanel("feedback_email"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = "Site settings"
