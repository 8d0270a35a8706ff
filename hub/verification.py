"""Who speaks for a council: reads and writes over council domains and verified officers.

Every check here takes an address the caller has proven by an emailed link: it says whether that
address is at the council, never whether its owner received anything.
"""

from django.db import transaction
from django.utils import timezone

from hub.domains import address_at_domain, address_normalised, domains_of_address
from hub.models import Council, CouncilDomain, ManagerVerification
from hub.models.domains import DomainSource, DomainStatus


def address_verified_for(council: Council, proven_address: str) -> bool:
    """Whether a proven address is at a confirmed domain of the council, or a manager's pick."""
    address = address_normalised(proven_address or "")
    if address is None:
        return False
    domains = council.domains.confirmed().values_list("domain", flat=True)
    if any(address_at_domain(address, domain) for domain in domains):
        return True
    return ManagerVerification.objects.filter(council=council, email=address).exists()


def councils_for_address(proven_address: str):
    """Councils the address is verified for, by a confirmed domain or a manager."""
    address = address_normalised(proven_address or "") or ""
    candidates = CouncilDomain.objects.confirmed().filter(domain__in=domains_of_address(address))
    # The lookup narrows by host; the pure check has the last word (e.g. "+" tags).
    by_domain = [d.council_id for d in candidates if address_at_domain(address, d.domain)]
    by_manager = ManagerVerification.objects.filter(email=address).values("council_id")
    return Council.objects.filter(pk__in=by_domain) | Council.objects.filter(pk__in=by_manager)


def domain_confirm(domain: CouncilDomain, by) -> None:
    """Confirm a suggested or removed domain for its council."""
    domain.status = DomainStatus.CONFIRMED
    domain.confirmed_by, domain.confirmed_at = by, timezone.now()
    domain.save(update_fields=["status", "confirmed_by", "confirmed_at"])


def domain_remove(domain: CouncilDomain) -> None:
    """Take a domain off its council for good; the register never suggests it again."""
    domain.status = DomainStatus.REMOVED
    domain.confirmed_by, domain.confirmed_at = None, None
    domain.save(update_fields=["status", "confirmed_by", "confirmed_at"])


def predecessors(council: Council) -> list[Council]:
    """Every council the given one replaced, directly or through others."""
    found, todo = [], [council]
    while todo:
        for earlier in Council.objects.filter(replaced_by=todo.pop()):
            if earlier not in found and earlier != council:
                found.append(earlier)
                todo.append(earlier)
    return found


@transaction.atomic
def domains_take_over(successor: Council, by) -> list[CouncilDomain]:
    """Confirm the predecessors' kept domains for their successor; the ones newly confirmed."""
    taken = []
    for domain in (
        CouncilDomain.objects.kept().filter(council__in=predecessors(successor)).order_by("domain")
    ):
        mine, created = CouncilDomain.objects.get_or_create(
            council=successor,
            domain=domain.domain,
            defaults={"source": DomainSource.PREDECESSOR, "status": DomainStatus.SUGGESTED},
        )
        if mine.status == DomainStatus.SUGGESTED:
            domain_confirm(mine, by)
            taken.append(mine)
    return taken
