from django.db import models

from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """The organisation's details and other site-wide text editors can change without a release."""

    phase = models.CharField(
        max_length=20, default="Beta", help_text="Shown in the phase banner, e.g. Alpha or Beta."
    )
    organisation_name = models.CharField(
        max_length=150, blank=True, help_text="Who runs the hub; shown in the footer."
    )
    feedback_email = models.EmailField(
        blank=True, help_text="Where the phase banner's feedback link sends people."
    )
    contact_email = models.EmailField(
        blank=True,
        help_text="General enquiries address, shown in the footer and on the policy pages.",
    )

    class Meta:
        verbose_name = "Site settings"
