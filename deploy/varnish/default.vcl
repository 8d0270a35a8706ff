# Varnish 7 in front of the hub's gunicorn. What is cached is decided by the app: only responses
# marked "public" with an s-maxage (anonymous pages the page cache may store) are kept, for s-maxage,
# and served stale for stale-while-revalidate (while refetching) or stale-if-error (while the app
# answers 5xx or not at all). Publishing purges pages by URL (PURGE) and bans a site (BAN).
vcl 4.1;

import std;

# The app server(s). bench/cdn.py rewrites this host and port.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Only the app servers may purge or ban (WAGTAILFRONTENDCACHE's LOCATION is this proxy).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # Everything stored for this host (with or without its port).
        ban("obj.http.x-hub-host == " + regsub(req.http.host, ":[0-9]+$", ""));
        return (synth(200, "Banned"));
    }
    # Forms post, and only GET and HEAD are ever cached.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, the forms (each answers with a CSRF cookie) and the health check.
    if (req.url ~ "^/(admin|django-admin|healthz)(/|$)"
        || req.url ~ "^/[^?]*/respond/"
        || req.url ~ "^/(feedback|consultations/alerts|check-your-progress/self-assessment)/") {
        return (pass);
    }
    # Drop every cookie the hub never reads (analytics and the like) before the lookup.
    if (req.http.Cookie) {
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";(sessionid|csrftoken|messages)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    # Signed in (or anything else kept in a session): never from the cache.
    if (req.http.Cookie ~ "(^|; )(sessionid|messages)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Normally a stale page is served only briefly while it is fetched afresh; after the app
    # failed (see vcl_deliver), for as long as its stale-if-error allows.
    if (req.http.x-hub-stale-if-error) {
        set req.grace = 24h;
    } else {
        set req.grace = 30s;
    }
    # The CSRF cookie alone does not change an anonymous page: look it up.
    return (hash);
}

sub vcl_backend_response {
    # Tag objects for bans (lurker-friendly: only obj.* in the ban expression).
    set beresp.http.x-hub-host = regsub(bereq.http.host, ":[0-9]+$", "");
    if (beresp.status >= 500) {
        # Never store the error over the stale copy; the client side retries from grace.
        return (abandon);
    }
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "(?i)(^|[ ,])public([ ,]|$)"
        || beresp.http.Cache-Control !~ "(?i)s-maxage=[0-9]+") {
        # Private, signed in, a form or an error page: never stored (for 2 minutes, not looked up).
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Varnish has set the ttl from s-maxage (less any Age); grace is the longer stale window.
    set beresp.grace = std.duration(
        regsub(beresp.http.Cache-Control, "(?i)^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
    set beresp.keep = 0s;
    return (deliver);
}

sub vcl_deliver {
    # The app failed and there is no fresh copy: try once more, allowing any stale copy in grace.
    if (resp.status >= 500 && req.restarts == 0 && !req.http.x-hub-stale-if-error
        && (req.method == "GET" || req.method == "HEAD")) {
        set req.http.x-hub-stale-if-error = "1";
        return (restart);
    }
    unset resp.http.x-hub-host;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "MISS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_backend_error {
    # The app did not answer at all: no stored error, and the client side retries from grace.
    return (abandon);
}

sub vcl_synth {
    if (resp.status == 503 && req.restarts == 0 && !req.http.x-hub-stale-if-error
        && (req.method == "GET" || req.method == "HEAD")) {
        set req.http.x-hub-stale-if-error = "1";
        return (restart);
    }
}
