"""Campaign groups: near-identical comments found with MinHash LSH (datasketch)."""

import re

from datasketch import MinHash, MinHashLSH

from django.db import transaction

from consultations.analysis.models import AnalysedComment, CampaignGroup, CampaignMember


# Jaccard similarity of word 3-grams above which two comments count as copies of one text.
THRESHOLD = 0.7
NUM_PERM = 128
SHINGLE = 3
WORD = re.compile(r"[a-z0-9']+")


def shingles(text: str) -> set[bytes]:
    """Overlapping word triples, ignoring case and punctuation, so small edits keep most."""
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def near_duplicates(texts: dict[int, str], threshold: float = THRESHOLD) -> list[list[int]]:
    """Groups (two or more ids) of texts whose estimated similarity reaches the threshold."""
    ids = list(texts)
    sets = [shingles(texts[i]) for i in ids]
    hashes = MinHash.bulk(sets, num_perm=NUM_PERM)
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for key, minhash in zip(ids, hashes, strict=True):
        lsh.insert(key, minhash)
    parent = {key: key for key in ids}

    def root(key):
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    by_id = dict(zip(ids, hashes, strict=True))
    for key, minhash in by_id.items():
        for other in lsh.query(minhash):
            # LSH finds candidates; keep only those whose estimate really reaches the threshold.
            if other != key and minhash.jaccard(by_id[other]) >= threshold:
                parent[root(other)] = root(key)
    groups: dict[int, list[int]] = {}
    for key in ids:
        groups.setdefault(root(key), []).append(key)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])


def groups_suggest(consultation) -> list[CampaignGroup]:
    """Replace the unconfirmed suggestions with fresh ones; confirmed groups stay as they are."""
    with transaction.atomic():
        CampaignGroup.objects.suggested().filter(consultation=consultation).delete()
        texts = dict(
            AnalysedComment.objects.analysable(consultation)
            .exclude(campaign_member__group__confirmed_at__isnull=False)
            .values_list("pk", "text")
        )
        found = near_duplicates(texts)
        groups = CampaignGroup.objects.bulk_create(
            CampaignGroup(consultation=consultation) for _ in found
        )
        CampaignMember.objects.bulk_create(
            CampaignMember(comment_id=pk, group=group)
            for group, members in zip(groups, found, strict=True)
            for pk in members
        )
    return groups
