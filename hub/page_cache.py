"""Whole pages for anonymous visitors, kept in the Django cache and correct by construction.

Two rules decide how long a stored page may be served, with no map of what shows what:

- Every stored page records the site-wide generation number it was rendered in, and is served
  only while that is still the current one. Content (pages published, unpublished, moved or
  deleted; snippets, settings, images, documents, collections, tags, redirects, sites) bumps it
  once the transaction commits, so the next request renders afresh. Which models are content is
  an allow-list (hub.page_cache_models): activity such as a sign-in, a comment or an email never
  bumps it. Running ``migrate`` (every deploy) bumps it too, so new templates show at once.
  Each bump sends the ``content_changed`` signal, for anything else that keeps copies of pages.
- A stored page also ends at the next instant anything shown changes by the clock alone, such as
  a consultation opening, closing or counting down a day: each ``hub_page_cache_expiry`` hook
  returns that instant, and every page's lifetime is capped by the earliest.

Only anonymous GETs without cookies (other than the CSRF cookie) are answered from the cache,
and only 200 responses that set no cookie, carry no CSRF token, are not private or
``no-cache``, vary on nothing but cookies, and were rendered for an anonymous visitor are stored.
"""

import hashlib
import math
import threading
import time
from collections import OrderedDict
from contextvars import ContextVar
from urllib.parse import parse_qsl, urlencode

from django.apps import apps as django_apps
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .page_cache_models import CONTENT


GENERATION_KEY = "pagecache:generation"
# Longer query strings are not worth a cache entry (and would let anyone fill the cache).
MAX_QUERY_LENGTH = 1000
# Response headers that make a page depend on more than its URL.
HARMLESS_VARY = {"cookie", "accept-encoding"}
UNCACHEABLE_CACHE_CONTROL = {"private", "no-cache", "no-store"}
# Seconds a shared cache is told to let go before the next clock-driven change.
SHARED_CACHE_MARGIN_SECONDS = 2


def page_cache():
    """The cache that holds pages: Django's default one."""
    return caches["default"]


# Set when this process found the shared cache down. A generation bump tried meanwhile (by this or
# any other process) may have been lost, so the first read after it comes back starts a new one.
cache_was_down = threading.Event()


def generation(cache) -> int | None:
    """The current generation, started at a value no earlier generation can have had.

    None while the shared cache is down: nothing is then served from it or stored in it.
    """
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A fresh number, so pages of a lost generation counter can never match again.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    if value is None:
        cache_was_down.set()
        return None
    if cache_was_down.is_set():
        cache_was_down.clear()
        # None if that failed too: nothing stored is served until a bump has gone through.
        return bump_generation()
    return value


# Seconds to wait before each further try of a failed bump.
BUMP_RETRY_DELAYS = (0.2, 0.5)


def bump_generation() -> int | None:
    """Start a new generation: every page stored so far is no longer served. Its number."""
    cache = page_cache()
    for delay in (0, *BUMP_RETRY_DELAYS):
        time.sleep(delay)
        # A lost bump keeps old content and its clock rule in use, and a one-off process (a
        # publish from a command) has no later request to bump again: so a failed bump is tried
        # again at once, even while the client leaves a failing Redis alone (hub.cache).
        retry_now = getattr(getattr(cache, "client", None), "retry_now", None)
        if delay and retry_now is not None:
            retry_now()
        try:
            value = cache.incr(GENERATION_KEY)
        except ValueError:  # no generation yet, or evicted: the next read starts a fresh one
            return None
        if value is not None:
            return value
    # The cache is down (a failure reads as a miss): this process bumps again once it is back.
    cache_was_down.set()
    return None


# Sent once a content change has committed and the generation moved: sender is the changed
# model's class and instance the changed object (both None after a deploy's migrate). Receivers
# (a CDN purge, say) run after the commit; an error in one is logged, never raised.
content_changed = Signal()


def is_page_part(model) -> bool:
    """A page, or a row saved with one: its tags, outcomes and parental many-to-many links."""
    return issubclass(model, Page) or any(
        issubclass(field.related_model, Page)
        for field in model._meta.fields
        if isinstance(field, ParentalKey) or (model._meta.auto_created and field.is_relation)
    )


def changes_content(sender, instance, signal, update_fields=None, **kwargs) -> bool:
    """Whether this change shows on pages: content only, and for pages only what is live."""
    if sender is None or sender._meta.label_lower not in CONTENT:
        return False
    if signal is post_save or signal is m2m_changed:
        if isinstance(instance, Page):
            # Drafts and unpublishes save the page with update_fields (publishing signals).
            return instance.live and update_fields is None
        # Parts are written when their page is saved, which decides.
        return not is_page_part(sender)
    if signal is post_delete:
        # Parts deleted by a publish; a deleted page brings its own delete signal.
        return not is_page_part(sender) or issubclass(sender, Page)
    return True  # published, unpublished, moved


def on_change(sender, signal, instance=None, **kwargs) -> None:
    """Bump the generation once a content change commits, so no render sees it half-done."""
    if signal is m2m_changed and not kwargs.get("action", "").startswith("post_"):
        return
    model = type(instance) if isinstance(instance, Page) else sender
    if changes_content(model, instance, signal, **kwargs):
        transaction.on_commit(lambda: moved(model, instance), robust=True)


def moved(sender, instance) -> None:
    """Start a new generation and tell whoever listens."""
    bump_generation()
    content_changed.send_robust(sender=sender, instance=instance)


def connect_signals() -> None:
    """Listen for every change that may show on a page (called once, from HubConfig.ready)."""
    for signal in (
        post_save,
        post_delete,
        m2m_changed,
        page_published,
        page_unpublished,
        post_page_move,
    ):
        signal.connect(on_change, dispatch_uid="page_cache")
    # Once per migrate, not once per app.
    post_migrate.connect(
        deployed, sender=django_apps.get_app_config("hub"), dispatch_uid="page_cache_migrate"
    )


def deployed(**kwargs) -> None:
    """Templates and code may have changed with the deploy: start a new generation."""
    moved(None, None)


# Within a request, the generation it read, so each remembered value costs no second read.
request_generation: ContextVar[dict | None] = ContextVar("page_cache_generation", default=None)


def current_generation(cache) -> int | None:
    """The generation: read once per request (see the middleware), or afresh outside one."""
    held = request_generation.get()
    if held is None:
        return generation(cache)
    if "generation" not in held:
        held["generation"] = generation(cache)
    return held["generation"]


def remembered(key: str, compute, request=None, keep=None):
    """compute(), kept until the generation changes or anything changes by the clock.

    For what every visitor sees alike and what only content and the clock decide: the finder's
    facet counts, the navigation, the home page's panels, related case studies. The same rules
    as for whole pages make it correct by construction. Kept in the shared cache and, for the
    current generation, in this process's memory. Off with the page cache (both need a cache
    every process shares), and for previews, which show content not yet published. A value for
    which keep(value) is false is returned but not kept.
    """
    if not settings.PAGE_CACHE_SECONDS or getattr(request, "is_preview", False):
        return compute()
    cache = page_cache()
    gen = current_generation(cache)
    if gen is None:
        return compute()
    data_key = f"pagecache:data:{hashlib.sha256(key.encode()).hexdigest()}"
    entry = stored(cache, data_key, gen)
    if entry is not None:
        return entry["value"]
    # Read before computing, as for pages: a change committed meanwhile outdates this value.
    started = timezone.now()
    value = compute()
    if keep is None or keep(value):
        entry_kept(cache, data_key, gen, started, value=value)
    return value


def seconds_left(instant: float | None, now: float) -> int:
    """PAGE_CACHE_SECONDS, cut short by the next clock-driven change at instant (if any)."""
    seconds = settings.PAGE_CACHE_SECONDS
    return seconds if instant is None else min(seconds, int(instant - now))


def entry_kept(cache, key: str, gen: int, started, **fields) -> dict | None:
    """Store fields under key until the generation changes or the next clock-driven change."""
    now = time.time()
    instant = next_change_cached(cache, gen, started)
    timeout = seconds_left(instant, now)
    if timeout < 1:
        return None
    entry = dict(fields, generation=gen, stored=now, expires=now + timeout, changes=instant)
    cache.set(key, entry, timeout)
    recent.add(key, entry)
    return entry


def next_change(now) -> float | None:
    """The earliest instant after ``now`` at which some page changes by the clock alone."""
    instants = [fn(now) for fn in hooks.get_hooks("hub_page_cache_expiry")]
    instants = [instant for instant in instants if instant is not None]
    return min(instants).timestamp() if instants else None


def next_change_cached(cache, gen: int, now) -> float | None:
    """next_change, worked out once per generation until that instant passes."""
    key = f"pagecache:expiry:{gen}"
    at = now.timestamp()
    value = cache.get(key)
    # Kept with the moment it was worked out for: a request that started earlier (still
    # rendering a consultation as open) must not take the answer of one that started after the
    # closing, which no longer sees that closing ahead.
    if not isinstance(value, tuple) or value[1] > at or (value[0] and value[0] <= at):
        instant = next_change(now)
        value = (instant or 0, at)  # 0: nothing changes by the clock
        timeout = seconds_left(instant, at)
        if timeout >= 1:
            cache.set(key, value, timeout)
    return value[0] or None


def normalised_query(request) -> str | None:
    """The query string with its parameters sorted by name; None when too long to keep."""
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_LENGTH:
        return None
    # Parameter order does not change a Django QueryDict; the order of one name's values does.
    return urlencode(sorted(parse_qsl(query, keep_blank_values=True), key=lambda kv: kv[0]))


def cache_key(request) -> str | None:
    """The page's key: scheme, host, path and the sorted query parameters."""
    params = normalised_query(request)
    if params is None:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    url = f"{request.scheme}://{host}{request.path}?{params}"
    return f"pagecache:page:{hashlib.sha256(url.encode()).hexdigest()}"


def may_answer(request) -> bool:
    """A GET or HEAD from someone with no cookie but the CSRF one, so nobody signed in."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    return all(name == settings.CSRF_COOKIE_NAME for name in request.COOKIES)


def may_store(request, response) -> bool:
    """A plain 200 page for an anonymous visitor with nothing private or one-off in it."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    directives = cc_delim_re.split(response.get("Cache-Control", ""))
    cache_control = {directive.split("=")[0].strip().lower() for directive in directives}
    if cache_control & UNCACHEABLE_CACHE_CONTROL:
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - HARMLESS_VARY:
        return False
    # Belt and braces: a form with a CSRF token is never stored, however it was rendered.
    return b"csrfmiddlewaretoken" not in response.content


def servable(entry, gen) -> bool:
    """A stored page or value of the current generation whose lifetime has not ended."""
    return entry is not None and entry["generation"] == gen and time.time() < entry["expires"]


def stored(cache, key: str, gen) -> dict | None:
    """The servable entry under key, from this process's memory or else the shared cache.

    Entries this process has seen lately are kept in its memory too, so a hit reads only the
    small generation number from the shared cache, not the whole page or value.
    """
    entry = recent.get(key)
    if servable(entry, gen):
        return entry
    entry = cache.get(key)
    if servable(entry, gen):
        recent.add(key, entry)
        return entry
    return None


class RecentPages:
    """The pages and values this process used last, at most ``size`` of them.

    Not a LocMemCache: that pickles on every read, which is the cost this saves. Entries are
    shared, so nothing may change a value it is given.
    """

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict[str, dict] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> dict | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)  # the least recently used go first
            return entry

    def add(self, key: str, entry: dict) -> None:
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


# Pages of about 20 KB and smaller remembered values: a few MB per process.
recent = RecentPages(size=512)


class PageCacheMiddleware:
    """Answer anonymous GETs from the page cache, and store what may be stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_generation.set({})
        try:
            response = self.answer(request)
        finally:
            request_generation.reset(token)
        if "Cache-Control" not in response:
            # Only what the page cache may store is ever public: nothing else goes to a CDN.
            patch_cache_control(response, private=True)
        return response

    def answer(self, request):
        """The stored page, or the rendered one, stored if it may be."""
        key = cache_key(request) if settings.PAGE_CACHE_SECONDS and may_answer(request) else None
        if key is None:
            return self.get_response(request)
        cache = page_cache()
        gen = current_generation(cache)
        entry = stored(cache, key, gen)
        if entry is not None:
            return self.replay(request, entry)
        # The generation and the clock are read before rendering: a change committed meanwhile
        # leaves this render's entry marked with the old generation, never served again, and a
        # state change during the render ends its lifetime before it is stored.
        started = timezone.now()
        response = self.get_response(request)
        if gen is not None and may_store(request, response):
            entry = entry_kept(
                cache,
                key,
                gen,
                started,
                status=response.status_code,
                headers=list(response.headers.items()),
                content=response.content,
            )
            # Read afresh: a page rendered across a publish carries the old generation's clock
            # rule, so a shared cache must not keep it (the purge may already have run).
            if entry is not None and generation(cache) == gen:
                shared_cache_headers(response, entry)
        return response

    def replay(self, request, entry) -> HttpResponse:
        """The stored response, byte for byte, with its age."""
        response = HttpResponse(
            entry["content"], status=entry["status"], headers=dict(entry["headers"])
        )
        # Rounded up, so a shared cache never counts the page fresher than it is.
        response["Age"] = str(max(0, math.ceil(time.time() - entry["stored"])))
        shared_cache_headers(response, entry)
        return response


def shared_cache_headers(response, entry) -> None:
    """Let a shared cache (a CDN, Varnish) keep the page for as long as the page cache may.

    s-maxage is the stored entry's whole lifetime, which the clock rule caps, and a replay's Age
    says how much of it has gone; browsers, which no purge reaches, keep it briefly. A cache may
    serve it stale only until the next clock-driven change, so a closed consultation is never
    shown open from a stale copy.
    """
    lifetime = int(entry["expires"] - entry["stored"])
    revalidate = settings.STALE_WHILE_REVALIDATE_SECONDS
    if_error = settings.STALE_IF_ERROR_SECONDS
    if entry.get("changes") is not None:
        # A shared cache counts s-maxage from when the response reaches it, a moment (under load,
        # most of a second) after it left here: stopping short of the change keeps that moment
        # inside the old state, so a closing consultation is not shown open past its instant.
        until = int(entry["changes"] - entry["stored"]) - SHARED_CACHE_MARGIN_SECONDS
        lifetime = max(0, min(lifetime, until))
        room = max(0, until - lifetime)
        revalidate, if_error = min(revalidate, room), min(if_error, room)
    response["Cache-Control"] = (
        f"public, max-age={min(lifetime, settings.BROWSER_CACHE_SECONDS)}, s-maxage={lifetime}, "
        f"stale-while-revalidate={revalidate}, stale-if-error={if_error}"
    )
