"""The admin panels every guidance page of the strategy ends its content with."""

from hub.models import Guidance, Provenance


# Where the page comes from, who owns it and when it is reviewed, and what changed.
GUIDANCE_PANELS = [
    Provenance.provenance_panel,
    Guidance.ownership_panel,
    Guidance.change_note_panel,
]
