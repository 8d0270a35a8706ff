"""Whether a signed-in officer is verified for a council: reads only, no writes."""

from hub.models import ManagerVerification
from hub.verification import address_verified_for
from progress.enums import Access
from progress.models import SignInLink


def proven_address(user) -> str | None:
    """The user's address, if a sign-in link sent to it was used; None if never proven."""
    if not user.is_authenticated or not user.email:
        return None
    email = user.email.strip().lower()
    # Only a link that was sent to this exact address, and used, proves it.
    if SignInLink.objects.filter(email=email, used_at__isnull=False).exists():
        return email
    return None


def access_for(user, council) -> Access:
    """How the user is verified for the council: by its domain, by a manager, or not at all."""
    address = proven_address(user)
    if address is None or not address_verified_for(council, address):
        return Access.NONE
    if ManagerVerification.objects.filter(council=council, email=address).exists():
        return Access.MANAGER_VERIFIED
    return Access.DOMAIN
