"""Whether an email address is at a council's domain: pure functions, no database.

An address matches a domain when its host is the domain or a subdomain of it, both compared in
lower case after IDNA encoding (so a homograph such as a Cyrillic "е" in "kеnt.gov.uk" encodes to
a different name and never matches). Anything unusual is refused rather than guessed at.
"""

import idna


# Suffixes under which anyone can register a name: never a council's domain on their own.
PUBLIC_SUFFIXES = frozenset(
    {
        "uk",
        "gov.uk",
        "org.uk",
        "co.uk",
        "ac.uk",
        "nhs.uk",
        "police.uk",
        "sch.uk",
        "me.uk",
        "net.uk",
        "ltd.uk",
        "plc.uk",
        "com",
        "org",
        "net",
        "gov",
        "info",
        "example",
    }
)

# Characters that make a local part something other than one plain mailbox (quoting, comments,
# routes, lists): such an address can name a different recipient from the one it appears to.
_UNSAFE_LOCAL = set('"\\ ()<>,;:[]@')


def domain_normalised(domain: str) -> str | None:
    """The domain as compared (lower-case ASCII, IDNA-encoded); None when it is not valid."""
    if not domain or domain != domain.strip() or domain.endswith(".") or ".." in domain:
        return None
    try:
        encoded = idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None
    return encoded.lower() if "." in encoded else None


def domain_problem(domain: str) -> str | None:
    """Why a domain cannot be a council's, for the manager entering it; None when it can."""
    normalised = domain_normalised(domain)
    if normalised is None:
        return "Enter a domain such as kent.gov.uk, without a trailing dot or spaces."
    if normalised in PUBLIC_SUFFIXES:
        return f"{normalised} is shared by many organisations. Enter the council's own domain."
    return None


def address_parts(address: str) -> tuple[str, str] | None:
    """The local part and normalised host of one plain address; None for anything else."""
    if not isinstance(address, str) or address.count("@") != 1:
        return None
    local, host = address.split("@")
    if not local or not local.isascii() or _UNSAFE_LOCAL & set(local):
        return None
    host = domain_normalised(host)
    return (local.lower(), host) if host else None


def is_sub_addressed(address: str) -> bool:
    """Whether the address carries a "+" tag, which lets one mailbox pose as many people."""
    parts = address_parts(address)
    return parts is not None and "+" in parts[0]


def address_at_domain(address: str, domain: str) -> bool:
    """Whether the address's host is the domain or one of its subdomains."""
    parts, domain = address_parts(address), domain_normalised(domain)
    if parts is None or domain is None or domain in PUBLIC_SUFFIXES:
        return False
    local, host = parts
    if "+" in local:
        return False
    return host == domain or host.endswith("." + domain)


def domains_of_address(address: str) -> list[str]:
    """Every domain the address could be at (its host and each parent), for one lookup."""
    parts = address_parts(address)
    if parts is None:
        return []
    labels = parts[1].split(".")
    return [".".join(labels[n:]) for n in range(len(labels) - 1)]


def address_normalised(address: str) -> str | None:
    """The address as stored and compared: lower-case local part at the encoded host."""
    parts = address_parts(address)
    return f"{parts[0]}@{parts[1]}" if parts else None
